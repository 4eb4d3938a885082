using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Protocol.Lsp;

namespace DjangoLsp.Server.Handlers;

/// <summary><c>window/workDoneProgress/cancel</c>: the user pressed cancel on a scan's progress.</summary>
public sealed class WorkDoneProgressCancelHandler : NotificationHandler<WorkDoneProgressCancelParams>
{
    private readonly WorkspaceScanner _scanner;

    public WorkDoneProgressCancelHandler(WorkspaceScanner scanner) => _scanner = scanner;

    public override string Method => "window/workDoneProgress/cancel";

    protected override void Handle(WorkDoneProgressCancelParams parameters) => _scanner.CancelProgress(parameters.Token);
}

using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Protocol.Lsp;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Server.Handlers;

/// <summary><c>workspace/executeCommand</c>: <c>djangolsp.scanWorkspace</c> scans every workspace file.</summary>
public sealed class ExecuteCommandHandler : RequestHandler<ExecuteCommandParams, JToken?>
{
    public const string ScanWorkspace = "djangolsp.scanWorkspace";
    private readonly WorkspaceScanner _scanner;

    public ExecuteCommandHandler(WorkspaceScanner scanner) => _scanner = scanner;

    public override string Method => "workspace/executeCommand";

    protected override async Task<JToken?> HandleAsync(ExecuteCommandParams parameters, CancellationToken cancellationToken)
    {
        if (parameters.Command != ScanWorkspace)
            throw new RpcException(ErrorCodes.InvalidParams, $"Unknown command: {parameters.Command}");
        var summary = await _scanner.ScanAsync(parameters.WorkDoneToken, cancellationToken).ConfigureAwait(false);
        return new JObject { ["files"] = summary.Files, ["findings"] = summary.Findings, ["cancelled"] = summary.Cancelled };
    }
}

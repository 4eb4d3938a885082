using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Workspace;

namespace DjangoLsp.Server.Handlers;

/// <summary><c>textDocument/didClose</c>: forgets the buffer and clears its diagnostics.</summary>
public sealed class DidCloseHandler : NotificationHandler<DidCloseTextDocumentParams>
{
    private readonly ServerSession _session;

    public DidCloseHandler(ServerSession session) => _session = session;

    public override string Method => "textDocument/didClose";

    protected override void Handle(DidCloseTextDocumentParams parameters)
    {
        var uri = parameters.TextDocument.Uri;
        _session.Publisher.Cancel(uri);
        _session.Findings.Remove(uri);
        if (_session.Documents.Remove(uri) && _session.PushDiagnostics)
            _ = _session.Publisher.PublishAsync(uri, null, new List<Diagnostic>());
        _session.Publisher.Refresher.DocumentClosed(uri);
    }
}

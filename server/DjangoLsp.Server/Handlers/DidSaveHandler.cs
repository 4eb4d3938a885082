using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Workspace;

namespace DjangoLsp.Server.Handlers;

/// <summary>
/// <c>textDocument/didSave</c>: other open documents may depend on the saved file (settings, templates), so
/// they are re-analysed; the saved buffer itself is already current.
/// </summary>
public sealed class DidSaveHandler : NotificationHandler<DidSaveTextDocumentParams>
{
    private readonly ServerSession _session;

    public DidSaveHandler(ServerSession session) => _session = session;

    public override string Method => "textDocument/didSave";

    protected override void Handle(DidSaveTextDocumentParams parameters)
    {
        _session.InvalidateFindings();
        foreach (var open in _session.Documents.All)
            if (open.Uri != parameters.TextDocument.Uri)
                _session.Publisher.Schedule(open.Uri, TimeSpan.FromMilliseconds(_session.Settings.DebounceMs));
    }
}

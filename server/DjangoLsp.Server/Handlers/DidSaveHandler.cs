using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Text;
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
        var projectChanged = ServerSession.IsProjectConfiguration(DocumentUris.ToPath(parameters.TextDocument.Uri));
        if (projectChanged) _session.ReloadProjectConfiguration();
        _session.InvalidateFindings();
        foreach (var open in _session.Documents.All)
            if (projectChanged || open.Uri != parameters.TextDocument.Uri)
                _session.Publisher.Schedule(open.Uri, TimeSpan.FromMilliseconds(_session.Settings.DebounceMs));
        // A pulling client re-pulls only the document it edited; the others' pulled results are now stale.
        _session.Publisher.Refresher.Request();
    }
}

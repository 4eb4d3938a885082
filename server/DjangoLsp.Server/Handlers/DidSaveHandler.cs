using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Text;
using DjangoLsp.Server.Workspace;

namespace DjangoLsp.Server.Handlers;

/// <summary>
/// <c>textDocument/didSave</c>: the open documents depending on the saved file (settings, views, templates) are
/// re-analysed; the saved buffer itself is already current. Saving pyproject.toml reloads the configuration.
/// </summary>
public sealed class DidSaveHandler : NotificationHandler<DidSaveTextDocumentParams>
{
    private readonly ServerSession _session;

    public DidSaveHandler(ServerSession session) => _session = session;

    public override string Method => "textDocument/didSave";

    protected override void Handle(DidSaveTextDocumentParams parameters)
    {
        var uri = parameters.TextDocument.Uri;
        var delay = TimeSpan.FromMilliseconds(_session.Settings.DebounceMs);
        if (ServerSession.IsProjectConfiguration(DocumentUris.ToPath(uri)))
        {
            _session.ReloadProjectConfiguration();
            _session.Dependents.All(delay);
            return;
        }
        // Open buffers are already current; what reads the saved file from disk is its dependents' business.
        if (_session.Documents.Get(uri) is { } open) _session.Dependents.OnChanged(open.Document, delay);
    }
}

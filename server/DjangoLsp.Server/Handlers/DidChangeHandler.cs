using DjangoLsp.Analysis.Engine;
using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Server.Handlers;

/// <summary>
/// <c>textDocument/didChange</c> (incremental sync): each change's range is relative to the text after the
/// previous change, so ranges are converted against the running intermediate text, then the whole batch goes
/// to <see cref="DjangoLsp.Analysis.Engine.AnalysisDocument.WithChanges"/> so features can update incrementally.
/// </summary>
public sealed class DidChangeHandler : NotificationHandler<DidChangeTextDocumentParams>
{
    private readonly ServerSession _session;

    public DidChangeHandler(ServerSession session) => _session = session;

    public override string Method => "textDocument/didChange";

    protected override void Handle(DidChangeTextDocumentParams parameters)
    {
        var uri = parameters.TextDocument.Uri;
        var open = _session.Documents.Get(uri);
        if (open == null)
        {
            _session.Log($"didChange for a document that is not open: {uri}");
            return;
        }
        var text = open.Document.Text;
        var changes = new List<TextChange>(parameters.ContentChanges.Count);
        foreach (var change in parameters.ContentChanges)
        {
            var span = change.Range == null ? new TextSpan(0, text.Length) : _session.Encoder.ToSpan(text, change.Range);
            var textChange = new TextChange(span, change.Text);
            changes.Add(textChange);
            text = text.WithChanges(textChange);
        }
        var updated = open.Document.WithChanges(changes, parameters.TextDocument.Version);
        _session.Documents.Set(uri, updated);
        var delay = TimeSpan.FromMilliseconds(_session.Settings.DebounceMs);
        _session.Publisher.Schedule(uri, delay);
        // Settings modules, views, URLconfs and templates feed other documents' findings (a settings chain, a view's
        // context rendered by a template, routes for access control): their dependents, and only those, are re-analysed.
        _session.Dependents.OnChanged(updated, delay);
    }
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Text;
using DjangoLsp.Server.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Server.Handlers;

/// <summary><c>textDocument/didOpen</c>: takes the buffer and analyses it at once (no debounce: the user is looking at it).</summary>
public sealed class DidOpenHandler : NotificationHandler<DidOpenTextDocumentParams>
{
    private readonly ServerSession _session;
    private readonly WorkspaceScanner _scanner;

    public DidOpenHandler(ServerSession session, WorkspaceScanner scanner)
    {
        _session = session;
        _scanner = scanner;
    }

    public override string Method => "textDocument/didOpen";

    protected override void Handle(DidOpenTextDocumentParams parameters)
    {
        var item = parameters.TextDocument;
        var document = new AnalysisDocument(DocumentUris.ToPath(item.Uri), SourceText.From(item.Text), item.Version, languageId: item.LanguageId);
        _session.Documents.Set(item.Uri, document);
        // A pulling client shows pushed scan results and pulled ones side by side: drop the pushed copy.
        if (_scanner.ForgetClosed(item.Uri) && !_session.PushDiagnostics)
            _ = _session.Publisher.PublishAsync(item.Uri, null, new List<Diagnostic>());
        _session.Publisher.Schedule(item.Uri, TimeSpan.Zero);
        _session.Publisher.Refresher.DocumentOpened(item.Uri);
    }
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Text;
using DjangoLsp.Server.Workspace;

namespace DjangoLsp.Server.Handlers;

/// <summary>
/// <c>textDocument/diagnostic</c> (pull): a full report, or "unchanged" when the client's previousResultId
/// names the same snapshot under the same settings. Closed files are read from disk.
/// </summary>
public sealed class DocumentDiagnosticHandler : RequestHandler<DocumentDiagnosticParams, DocumentDiagnosticReport>
{
    private readonly ServerSession _session;

    public DocumentDiagnosticHandler(ServerSession session) => _session = session;

    public override string Method => "textDocument/diagnostic";

    protected override Task<DocumentDiagnosticReport> HandleAsync(DocumentDiagnosticParams parameters, CancellationToken cancellationToken)
    {
        var uri = parameters.TextDocument.Uri;
        var open = _session.Documents.Get(uri);
        AnalysisDocument? document = open?.Document ?? DiskFiles.Instance.TryGetDocument(DocumentUris.ToPath(uri));
        if (document == null)
            return Task.FromResult(new DocumentDiagnosticReport { Kind = DocumentDiagnosticReportKind.Full, Items = new List<Diagnostic>() });

        var resultId = open != null ? $"{document.Version}:{_session.SettingsGeneration}:{_session.Findings.EpochOf(uri)}" : null;
        if (resultId != null && parameters.PreviousResultId == resultId)
            return Task.FromResult(new DocumentDiagnosticReport { Kind = DocumentDiagnosticReportKind.Unchanged, ResultId = resultId });

        var items = _session.Publisher.Compute(uri, document, cancellationToken);
        return Task.FromResult(new DocumentDiagnosticReport { Kind = DocumentDiagnosticReportKind.Full, ResultId = resultId, Items = items });
    }
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Text;
using DjangoLsp.Server.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Server.Handlers;

/// <summary>
/// <c>workspace/didChangeWatchedFiles</c>: files changed on disk. Open documents depending on a changed file are
/// re-analysed (<see cref="DependentScheduler"/>); closed files that a workspace scan reported on are re-scanned or cleared.
/// </summary>
public sealed class DidChangeWatchedFilesHandler : NotificationHandler<DidChangeWatchedFilesParams>
{
    private readonly ServerSession _session;
    private readonly WorkspaceScanner _scanner;

    public DidChangeWatchedFilesHandler(ServerSession session, WorkspaceScanner scanner)
    {
        _session = session;
        _scanner = scanner;
    }

    public override string Method => "workspace/didChangeWatchedFiles";

    protected override void Handle(DidChangeWatchedFilesParams parameters)
    {
        var delay = TimeSpan.FromMilliseconds(_session.Settings.DebounceMs);
        if (parameters.Changes.Any(c => ServerSession.IsProjectConfiguration(DocumentUris.ToPath(c.Uri))))
        {
            _session.ReloadProjectConfiguration();
            _session.Dependents.All(delay);
        }
        else
        {
            // An open buffer is the truth for its own file; a closed one's new disk content (or absence) re-analyses
            // the open documents depending on it.
            foreach (var change in parameters.Changes.Where(c => _session.Documents.Get(c.Uri) == null))
            {
                var path = DocumentUris.ToPath(change.Uri);
                var document = DiskFiles.Instance.TryGetDocument(path) ?? new AnalysisDocument(path, SourceText.From(""));
                _session.Dependents.OnChanged(document, delay);
            }
        }
        var closed = parameters.Changes.Where(c => _session.Documents.Get(c.Uri) == null).ToList();
        if (closed.Count == 0) return;
        _ = Task.Run(async () =>
        {
            foreach (var change in closed)
            {
                try
                {
                    await _scanner.RescanClosedFileAsync(change.Uri, DocumentUris.ToPath(change.Uri), change.Type == FileChangeType.Deleted,
                        _session.Connection.Lifetime).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception e)
                {
                    _session.Log($"Re-scanning {change.Uri} failed: {e.Message}");
                }
            }
        });
    }
}

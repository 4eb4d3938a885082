using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Text;
using DjangoLsp.Server.Workspace;

namespace DjangoLsp.Server.Handlers;

/// <summary>
/// <c>workspace/didChangeWatchedFiles</c>: files changed on disk. Open documents are re-analysed (they may
/// depend on the changed files); closed files that a workspace scan reported on are re-scanned or cleared.
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
        if (parameters.Changes.Any(c => ServerSession.IsProjectConfiguration(DocumentUris.ToPath(c.Uri))))
            _session.ReloadProjectConfiguration();
        _session.InvalidateFindings();
        _session.Publisher.ScheduleAllOpen(TimeSpan.FromMilliseconds(_session.Settings.DebounceMs));
        // A pulling client does not know that files on disk feed its open documents' results.
        _session.Publisher.Refresher.Request();
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

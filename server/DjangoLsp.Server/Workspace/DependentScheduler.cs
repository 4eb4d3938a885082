using System.Collections.Concurrent;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Project;

namespace DjangoLsp.Server.Workspace;

/// <summary>
/// After a file changes (an edit of an open buffer, a save, a change on disk), re-analyses the open documents that
/// depend on it and only those (<see cref="ProjectDependencies"/>): a settings module re-analyses everything, a view
/// the templates it renders, a template its views, a module its importers. The relation is computed on the thread
/// pool from the project models before and after the change; a newer change of the same file cancels the older work.
/// </summary>
public sealed class DependentScheduler
{
    private readonly ServerSession _session;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DjangoProject> _lastSeen = new(StringComparer.Ordinal);

    public DependentScheduler(ServerSession session) => _session = session;

    /// <summary>Raised with (changed path, affected) once the dependents of a change are known; for tests and logs.</summary>
    public event Action<string, AffectedDocuments>? Computed;

    /// <summary>
    /// Schedules the dependents of <paramref name="changed"/> (its new snapshot) on the thread pool; the reader thread
    /// only records the request.
    /// </summary>
    public void OnChanged(AnalysisDocument changed, TimeSpan delay)
    {
        var path = Path.GetFullPath(changed.Path);
        var cts = CancellationTokenSource.CreateLinkedTokenSource(_session.Connection.Lifetime);
        CancellationTokenSource? previous = null;
        _pending.AddOrUpdate(path, cts, (_, old) => { previous = old; return cts; });
        try { previous?.Cancel(); }
        catch (ObjectDisposedException) { }
        _ = Task.Run(() => Run(changed, delay, cts));
    }

    /// <summary>Everything open depends on the change (configuration, workspace-wide events).</summary>
    public void All(TimeSpan delay, string? except = null)
    {
        foreach (var open in _session.Documents.All)
        {
            if (open.Uri == except) continue;
            _session.Findings.Invalidate(open.Uri);
            _session.Publisher.Schedule(open.Uri, delay);
        }
        // A pulling client (VS Code) re-pulls only what it edited: tell it the others' results changed.
        _session.Publisher.Refresher.Request();
    }

    private void Run(AnalysisDocument changed, TimeSpan delay, CancellationTokenSource cts)
    {
        var token = cts.Token;
        try
        {
            // "Before": the model analyses last built (read before anything rebuilds it; the edited document's own
            // analysis waits for the debounce) and the one this scheduler saw last, in case a rebuild won the race.
            var root = DjangoProjectModel.RootFor(changed.Path, _session.Documents);
            var before = root != null ? DjangoProjectModel.LastBuilt(root) : null;
            var seen = root != null ? _lastSeen.GetValueOrDefault(root) : null;
            var after = root != null ? DjangoProjectModel.Build(root, _session.Documents, token) : null;
            if (root != null && after != null) _lastSeen[root] = after;
            var open = _session.Documents.All;
            var affected = ProjectDependencies.DependentsOf(changed, new[] { before, seen, after }, open.Select(o => o.Document), token);
            token.ThrowIfCancellationRequested();
            Computed?.Invoke(changed.Path, affected);
            var changedUri = _session.Documents.FindByPath(changed.Path)?.Uri;
            bool any = false;
            foreach (var document in open)
            {
                if (document.Uri == changedUri || !affected.Contains(document.Document.Path)) continue;
                _session.Findings.Invalidate(document.Uri);
                _session.Publisher.Schedule(document.Uri, delay);
                any = true;
            }
            // Pulled results of the dependents are stale now; a pulling client only re-pulls the document it edited.
            if (any) _session.Publisher.Refresher.Request();
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            // Unknown relation: fall back to re-analysing everything rather than leaving stale findings.
            _session.Log($"Dependents of {changed.Path} failed ({e.Message}); re-analysing every open document.");
            All(delay);
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<string, CancellationTokenSource>(Path.GetFullPath(changed.Path), cts));
            cts.Dispose();
        }
    }
}

using System.Collections.Concurrent;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Server.Workspace;

namespace DjangoLsp.Server.Diagnostics;

/// <summary>
/// Findings of the latest analysed snapshot per document, so hover, code actions and pull diagnostics reuse
/// what the debounced push already computed. Keyed by URI; valid only for the same snapshot, settings and
/// dependency epoch (bumped by <see cref="Invalidate"/> when a file the document depends on changed).
/// </summary>
public sealed class FindingsCache
{
    private readonly ServerSession _session;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _epochs = new(StringComparer.Ordinal);

    public FindingsCache(ServerSession session) => _session = session;

    private sealed record Entry(AnalysisDocument Document, int Generation, int Epoch, IReadOnlyList<Finding> Findings);

    /// <summary>Raised after each real analysis (not a cache hit) with (uri, version); tests observe what an edit re-analyses.</summary>
    public event Action<string, int>? Analyzed;

    public IReadOnlyList<Finding> Get(string uri, AnalysisDocument document, CancellationToken cancellationToken)
    {
        var generation = _session.SettingsGeneration;
        var epoch = _epochs.GetValueOrDefault(uri);
        if (_entries.TryGetValue(uri, out var entry) && ReferenceEquals(entry.Document, document) && entry.Generation == generation && entry.Epoch == epoch)
            return entry.Findings;
        var findings = _session.AnalyzeWithDiskCache(document, cancellationToken);
        Analyzed?.Invoke(uri, document.Version);
        _entries.AddOrUpdate(uri, new Entry(document, generation, epoch, findings),
            (_, old) => old.Document.Version > document.Version ? old : new Entry(document, generation, epoch, findings));
        return findings;
    }

    /// <summary>A file <paramref name="uri"/> depends on changed: its cached findings (and any analysis in flight) are stale.</summary>
    public void Invalidate(string uri) => _epochs.AddOrUpdate(uri, 1, (_, e) => e + 1);

    /// <summary>How often <paramref name="uri"/> was invalidated: part of the pull result id, so a dependent's new findings are not "unchanged".</summary>
    public int EpochOf(string uri) => _epochs.GetValueOrDefault(uri);

    public void Remove(string uri) => _entries.TryRemove(uri, out _);
}

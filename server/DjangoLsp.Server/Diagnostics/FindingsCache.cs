using System.Collections.Concurrent;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Server.Workspace;

namespace DjangoLsp.Server.Diagnostics;

/// <summary>
/// Findings of the latest analysed snapshot per document, so hover, code actions and pull diagnostics reuse
/// what the debounced push already computed. Keyed by URI; valid only for the same snapshot and settings.
/// </summary>
public sealed class FindingsCache
{
    private readonly ServerSession _session;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public FindingsCache(ServerSession session) => _session = session;

    private sealed record Entry(AnalysisDocument Document, int Generation, IReadOnlyList<Finding> Findings);

    public IReadOnlyList<Finding> Get(string uri, AnalysisDocument document, CancellationToken cancellationToken)
    {
        var generation = _session.SettingsGeneration;
        if (_entries.TryGetValue(uri, out var entry) && ReferenceEquals(entry.Document, document) && entry.Generation == generation)
            return entry.Findings;
        var findings = _session.Engine.Analyze(document, _session.ContextFor(document.Path), cancellationToken);
        _entries.AddOrUpdate(uri, new Entry(document, generation, findings),
            (_, old) => old.Document.Version > document.Version ? old : new Entry(document, generation, findings));
        return findings;
    }

    public void Remove(string uri) => _entries.TryRemove(uri, out _);
}

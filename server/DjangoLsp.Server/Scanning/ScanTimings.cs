using System.Collections.Concurrent;
using System.Globalization;
using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Server.Scanning;

/// <summary>
/// CPU time per scan phase (read, parse, semantic model, …) and per analyzer, for <c>check --timings</c> (a
/// table like Ruff's or ESLint's TIMING). Times are the CPU time of the analysing thread, so they stay
/// meaningful when the machine is busy or the scan runs in parallel. Lazily computed shared features (e.g.
/// per-function taint) are charged to the first analyzer that asks for them.
/// </summary>
public sealed class ScanTimings
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>When each start-up step ended and how busy each analysing thread was (wall clock).</summary>
    public ScanTimeline Timeline { get; } = new();

    private sealed class Entry
    {
        public long Nanoseconds;
        public long Calls;
        public bool IsAnalyzer;
    }

    // CPU time of the measurements nested in the current one on this thread (e.g. parsing a module a rule loads):
    // charged to their own rows, so it is subtracted from the enclosing row instead of being counted twice.
    [ThreadStatic] private static long t_nested;

    /// <summary>Runs <paramref name="action"/> and charges its thread CPU time, minus nested measurements', to <paramref name="name"/>.</summary>
    public T Measure<T>(string name, Func<T> action, bool isAnalyzer = false)
    {
        var outer = t_nested;
        t_nested = 0;
        var start = ThreadCpuClock.Nanoseconds();
        try
        {
            return action();
        }
        finally
        {
            var elapsed = ThreadCpuClock.Nanoseconds() - start;
            Add(name, elapsed - t_nested, isAnalyzer);
            t_nested = outer + elapsed;
        }
    }

    /// <summary>Charges <paramref name="nanoseconds"/> of CPU time measured elsewhere (another thread, before the scan) to <paramref name="name"/>.</summary>
    public void Record(string name, long nanoseconds) => Add(name, nanoseconds, isAnalyzer: false);

    private void Add(string name, long nanoseconds, bool isAnalyzer)
    {
        var entry = _entries.GetOrAdd(name, _ => new Entry { IsAnalyzer = isAnalyzer });
        Interlocked.Add(ref entry.Nanoseconds, nanoseconds);
        Interlocked.Increment(ref entry.Calls);
    }

    /// <summary>Wraps every analyzer so that its CPU time is recorded under its class name and rule ids.</summary>
    public IEnumerable<IDocumentAnalyzer> Wrap(IEnumerable<IDocumentAnalyzer> analyzers) =>
        analyzers.Select(a => (IDocumentAnalyzer)new TimedAnalyzer(a, this));

    /// <summary>Writes the phases, then the analyzers by descending time, then the process totals.</summary>
    public void Write(TextWriter writer, TimeSpan wall, TimeSpan processCpu, TimeSpan startupCpu)
    {
        var entries = _entries.ToArray();
        var total = entries.Sum(e => e.Value.Nanoseconds);
        void Section(string title, IEnumerable<KeyValuePair<string, Entry>> rows)
        {
            writer.WriteLine($"{title,-58} {"cpu ms",10} {"share",7} {"calls",7}");
            foreach (var (name, entry) in rows)
            {
                var ms = entry.Nanoseconds / 1e6;
                var share = total == 0 ? 0 : 100.0 * entry.Nanoseconds / total;
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-56} {ms,10:F1} {share,6:F1}% {entry.Calls,7}"));
            }
        }
        Section("phase", entries.Where(e => !e.Value.IsAnalyzer).OrderByDescending(e => e.Value.Nanoseconds));
        Section("analyzer (rules)", entries.Where(e => e.Value.IsAnalyzer).OrderByDescending(e => e.Value.Nanoseconds));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"measured {total / 1e6:F0} ms on analysing threads; process cpu {processCpu.TotalMilliseconds:F0} ms " +
            $"(before the scan: {startupCpu.TotalMilliseconds:F0} ms), wall {wall.TotalMilliseconds:F0} ms"));
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gc: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms " +
            $"({gc.PauseTimePercentage:F1}%), {GC.GetTotalAllocatedBytes() / 1e6:F0} MB allocated, heap {gc.HeapSizeBytes / 1e6:F0} MB, " +
            $"peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
        Timeline.Write(writer);
    }

    private sealed class TimedAnalyzer : IDocumentAnalyzer
    {
        private readonly IDocumentAnalyzer _inner;
        private readonly ScanTimings _timings;
        private readonly string _name;

        public TimedAnalyzer(IDocumentAnalyzer inner, ScanTimings timings)
        {
            _inner = inner;
            _timings = timings;
            var ids = inner.SupportedRules.Select(r => r.Id).ToArray();
            var rules = ids.Length switch
            {
                0 => "",
                1 => ids[0],
                <= 3 => string.Join(",", ids),
                _ => $"{ids[0]}..{ids[^1]}, {ids.Length} rules",
            };
            _name = rules.Length == 0 ? inner.GetType().Name : $"{inner.GetType().Name} ({rules})";
        }

        public IReadOnlyList<RuleDescriptor> SupportedRules => _inner.SupportedRules;

        public bool Supports(DocumentKind kind) => _inner.Supports(kind);

        // Materialised inside the measurement: analyzers may return lazy sequences.
        public IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken) =>
            _timings.Measure(_name, () => _inner.Analyze(document, context, cancellationToken).ToList(), isAnalyzer: true);

        public HoverContent? GetHover(AnalysisDocument document, int position, AnalysisContext context, CancellationToken cancellationToken) =>
            _inner.GetHover(document, position, context, cancellationToken);
    }
}

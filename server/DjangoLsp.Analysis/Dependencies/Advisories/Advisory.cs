using DjangoLsp.Analysis.Dependencies.Versions;

namespace DjangoLsp.Analysis.Dependencies.Advisories;

public enum AdvisorySeverity
{
    Unknown,
    Low,
    Medium,
    High,
    Critical,
}

public enum RangeEventKind
{
    Introduced,
    Fixed,
    LastAffected,
}

/// <summary>One OSV range event (<c>introduced</c>, <c>fixed</c> or <c>last_affected</c>) as written.</summary>
public sealed record RangeEvent(RangeEventKind Kind, string Version);

/// <summary>
/// One advisory for one PyPI project, in OSV terms: ECOSYSTEM ranges (events) and an explicit list of
/// affected versions. A version is affected when any range or the list says so (OSV's evaluation rules).
/// </summary>
public sealed class Advisory
{
    private readonly Lazy<Evaluator> _evaluator;

    public Advisory(string id, IReadOnlyList<string> aliases, string summary, AdvisorySeverity severity, string published, string modified,
        IReadOnlyList<IReadOnlyList<RangeEvent>> ranges, IReadOnlyList<string> versions)
    {
        Id = id;
        Aliases = aliases;
        Summary = summary;
        Severity = severity;
        Published = published;
        Modified = modified;
        Ranges = ranges;
        Versions = versions;
        _evaluator = new Lazy<Evaluator>(() => new Evaluator(ranges, versions));
    }

    public string Id { get; }
    /// <summary>CVE, GHSA and other ids of the same vulnerability.</summary>
    public IReadOnlyList<string> Aliases { get; }
    public string Summary { get; }
    public AdvisorySeverity Severity { get; }
    /// <summary>ISO date (yyyy-MM-dd), empty when unknown.</summary>
    public string Published { get; }
    public string Modified { get; }
    public IReadOnlyList<IReadOnlyList<RangeEvent>> Ranges { get; }
    public IReadOnlyList<string> Versions { get; }

    /// <summary>Versions named by <c>fixed</c> events, ascending.</summary>
    public IReadOnlyList<PythonVersion> FixedVersions => _evaluator.Value.Fixed;

    /// <summary>Every version this advisory mentions (bounds and listed versions), ascending.</summary>
    public IReadOnlyList<PythonVersion> MentionedVersions => _evaluator.Value.Mentioned;

    /// <summary>The CVE alias (or the id) people know the advisory by.</summary>
    public string DisplayId => Aliases.FirstOrDefault(a => a.StartsWith("CVE-", StringComparison.Ordinal)) ?? Id;

    public bool Affects(PythonVersion version) => _evaluator.Value.Affects(version);

    public override string ToString() => Id;

    /// <summary>Versions parsed once, on first use, so loading the whole database stays cheap.</summary>
    private sealed class Evaluator
    {
        private readonly List<List<(RangeEventKind Kind, PythonVersion Version)>> _ranges = new();
        private readonly HashSet<PythonVersion> _listed = new();

        public Evaluator(IReadOnlyList<IReadOnlyList<RangeEvent>> ranges, IReadOnlyList<string> versions)
        {
            var fixedVersions = new SortedSet<PythonVersion>();
            var mentioned = new SortedSet<PythonVersion>();
            foreach (var range in ranges)
            {
                var events = new List<(RangeEventKind, PythonVersion)>();
                foreach (var e in range)
                {
                    // OSV's "introduced: 0" means "from the beginning".
                    if (!PythonVersion.TryParse(e.Version, out var v)) continue;
                    events.Add((e.Kind, v));
                    mentioned.Add(v);
                    if (e.Kind == RangeEventKind.Fixed) fixedVersions.Add(v);
                }
                // Sorted by version; at equal versions "introduced" goes first so [introduced X, fixed X) is empty.
                events.Sort((a, b) => a.Item2.CompareTo(b.Item2) is var c && c != 0 ? c : a.Item1.CompareTo(b.Item1));
                _ranges.Add(events);
            }
            foreach (var s in versions)
                if (PythonVersion.TryParse(s, out var v))
                {
                    _listed.Add(v);
                    mentioned.Add(v);
                }
            Fixed = fixedVersions.ToList();
            Mentioned = mentioned.ToList();
        }

        public IReadOnlyList<PythonVersion> Fixed { get; }
        public IReadOnlyList<PythonVersion> Mentioned { get; }

        public bool Affects(PythonVersion version)
        {
            if (_listed.Contains(version)) return true;
            foreach (var events in _ranges)
            {
                var affected = false;
                foreach (var (kind, v) in events)
                {
                    var c = version.CompareTo(v);
                    switch (kind)
                    {
                        case RangeEventKind.Introduced when c >= 0: affected = true; break;
                        case RangeEventKind.Fixed when c >= 0: affected = false; break;
                        case RangeEventKind.LastAffected when c > 0: affected = false; break;
                    }
                }
                if (affected) return true;
            }
            return false;
        }
    }
}

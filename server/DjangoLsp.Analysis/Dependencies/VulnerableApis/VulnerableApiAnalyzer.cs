using DjangoLsp.Analysis.Dependencies.Advisories;
using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Dependencies.VulnerableApis;

/// <summary>
/// DJ604: a call (or template filter) reaching the code path of an advisory that affects the Django version the project
/// pins. Reported at the call, with the pin as related location; nothing when Django is not pinned or the pin is fixed.
/// </summary>
public sealed class VulnerableApiAnalyzer : IDocumentAnalyzer
{
    private readonly Func<AdvisoryDatabase> _database;

    public VulnerableApiAnalyzer() : this(() => AdvisoryStore.Current)
    {
    }

    public VulnerableApiAnalyzer(AdvisoryDatabase database) : this(() => database)
    {
    }

    private VulnerableApiAnalyzer(Func<AdvisoryDatabase> database) => _database = database;

    public IReadOnlyList<RuleDescriptor> SupportedRules { get; } = new[] { DependencyRules.VulnerableApiCall };

    public bool Supports(DocumentKind kind) => kind is DocumentKind.Python or DocumentKind.DjangoTemplate;

    public IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken)
    {
        // Cheapest first: a project without a pin of Django has no finding (one answer per folder and scan), so its
        // files are neither searched for the table's keywords nor their calls (whose search resolves taint); then a
        // file naming no entry of the table has no call of it.
        var pin = DjangoPin.For(document.Path, context, cancellationToken);
        if (pin == null) return Array.Empty<Finding>();
        if (!VulnerableApiCalls.MayContainCalls(document)) return Array.Empty<Finding>();
        var calls = VulnerableApiCalls.In(document, VulnerableApiTable.Django, cancellationToken);
        if (calls.Count == 0) return Array.Empty<Finding>();
        var advisories = _database().ForPackage("django");
        var findings = new List<Finding>();
        // Several advisories can be about the same call (urlize has four): one finding per call lists them all.
        foreach (var group in calls.GroupBy(c => c.Span))
        {
            var hits = group.Select(c => (Call: c, Advisory: c.Api.Find(advisories)))
                .Where(h => h.Advisory != null && h.Advisory.Affects(pin.Version))
                .Select(h => (h.Call, Advisory: h.Advisory!))
                .ToList();
            if (hits.Count == 0) continue;
            var fixedIn = hits.SelectMany(h => h.Advisory.FixedVersions.Where(v => v > pin.Version)).Distinct().Order().ToList();
            var which = string.Join("; ", hits.Select(h => $"{h.Call.Api.Cve} ({h.Advisory.Id}): {h.Call.Api.Why}"));
            // SQL-shape advisories need attacker-chosen names: request data makes it an error, names of unknown origin a warning.
            var exposed = hits.Any(h => !h.Call.Api.NeedsInputNames || h.Call.FromRequest);
            var reach = !hits.Any(h => h.Call.Api.NeedsInputNames) ? "this call reaches the vulnerable code."
                : exposed ? "this call passes request data to it."
                : "this call passes names that are not constant to it (check they never come from user input).";
            var message = $"{hits[0].Call.Api.Api}: Django {pin.Version} is affected by {which}; {reach}"
                          + (fixedIn.Count > 0 ? $" Fixed in {string.Join(", ", fixedIn)}." : " No fixed release is known.");
            var related = new[] { new RelatedLocation(pin.Manifest.Path, pin.Dependency.LineSpan, $"Django {pin.Version} is pinned here") };
            findings.Add(new Finding(DependencyRules.VulnerableApiCall, document.Path, group.Key, message,
                exposed ? Severity.Error : Severity.Warning, related, Array.Empty<CodeFix>()));
        }
        return findings;
    }

    public HoverContent? GetHover(AnalysisDocument document, int position, AnalysisContext context, CancellationToken cancellationToken) => null;
}

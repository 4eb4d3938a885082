using System.Text;
using DjangoLsp.Analysis.Dependencies.Advisories;
using DjangoLsp.Analysis.Dependencies.Parsing;
using DjangoLsp.Analysis.Dependencies.Versions;
using DjangoLsp.Analysis.Dependencies.VulnerableApis;
using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Dependencies;

/// <summary>
/// DJ6xx: checks requirements files, <c>pyproject.toml</c>, <c>Pipfile</c> and lock files against the offline
/// advisory database, flags unpinned Django and hash-less requirements in deployed projects, and hovers package
/// lines with what the database knows.
/// </summary>
public sealed class DependencyAnalyzer : IDocumentAnalyzer
{
    private readonly Func<AdvisoryDatabase> _database;

    /// <summary>Uses <see cref="AdvisoryStore.Current"/> (the user's newer copy, else the embedded snapshot).</summary>
    public DependencyAnalyzer() : this(() => AdvisoryStore.Current)
    {
    }

    public DependencyAnalyzer(AdvisoryDatabase database) : this(() => database)
    {
    }

    private DependencyAnalyzer(Func<AdvisoryDatabase> database) => _database = database;

    public IReadOnlyList<RuleDescriptor> SupportedRules => DependencyRules.All;

    public bool Supports(DocumentKind kind) => kind == DocumentKind.Requirements;

    public IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken)
    {
        var file = document.GetFeature(DependencyFileFeature.Instance, cancellationToken);
        var database = _database();
        var included = file.Includes.Count > 0
            ? RequirementsIncludeGraph.Collect(file, context.Files, cancellationToken)
            : Array.Empty<RequirementsIncludeGraph.IncludedFile>();
        var findings = new List<Finding>();
        // Lock files and generated requirements repeat the same pins; assess each (package, version) once.
        var assessed = new Dictionary<(string, PythonVersion), (List<Advisory> Affecting, UpgradePlanner.Plan? Plan)>();
        foreach (var dependency in file.Dependencies)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (dependency.Specifiers == null) continue;
            var advisories = database.ForPackage(dependency.Name);
            var pinned = dependency.PinnedVersion;
            if (pinned != null)
            {
                if (advisories.Count == 0) continue;
                if (!assessed.TryGetValue((dependency.NormalizedName, pinned), out var assessment))
                {
                    var affecting = advisories.Where(a => a.Affects(pinned)).ToList();
                    assessment = (affecting, affecting.Count > 0 ? UpgradePlanner.For(pinned, advisories) : null);
                    assessed[(dependency.NormalizedName, pinned)] = assessment;
                }
                if (assessment.Affecting.Count > 0)
                {
                    var calls = dependency.NormalizedName == "django"
                        ? CallsOfAffectedApis(document, context, assessment.Affecting, cancellationToken)
                        : Array.Empty<VulnerableApiCall>();
                    findings.Add(VulnerablePin(document, file, dependency, pinned, assessment.Affecting, assessment.Plan, calls));
                }
            }
            else
            {
                var range = CheckRange(document, dependency, advisories);
                if (range != null) findings.Add(range);
                if (dependency.NormalizedName == "django" && !dependency.Specifiers.HasUpperBound && !file.IsLockFile && !IsBoundedElsewhere(dependency, included))
                    findings.Add(new Finding(DependencyRules.UnpinnedDjango, document.Path, dependency.SpecifierSpan,
                        dependency.SpecifierText.Length == 0
                            ? $"'{dependency.Name}' is not pinned: every install may get a different Django release."
                            : $"'{dependency.Name}{dependency.SpecifierText}' has no upper bound: a new Django major release can be installed untested."));
            }
        }
        var hashes = CheckHashes(document, file, included, context);
        if (hashes != null) findings.Add(hashes);
        return findings;
    }

    private static bool IsBoundedElsewhere(Dependency dependency, IReadOnlyList<RequirementsIncludeGraph.IncludedFile> included) =>
        included.SelectMany(f => f.File.Dependencies)
            .Any(d => d.NormalizedName == dependency.NormalizedName && d.Specifiers is { HasUpperBound: true });

    /// <summary>
    /// Calls in the manifest's project (its folder down) of the curated APIs whose advisory affects the pin. Only for
    /// manifests at a project's top (a folder with manage.py or at the workspace root), so a lock file deep in a vendored
    /// folder does not scan the whole tree.
    /// </summary>
    private static IReadOnlyList<VulnerableApiCall> CallsOfAffectedApis(AnalysisDocument document, AnalysisContext context,
        IReadOnlyList<Advisory> affecting, CancellationToken cancellationToken)
    {
        var apis = VulnerableApiTable.Django.Where(api => api.Find(affecting) != null).ToList();
        if (apis.Count == 0) return Array.Empty<VulnerableApiCall>();
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(document.Path));
        if (folder == null) return Array.Empty<VulnerableApiCall>();
        return VulnerableApiCalls.InProject(folder, context.Files, apis, cancellationToken);
    }

    private static Finding VulnerablePin(AnalysisDocument document, DependencyFile file, Dependency dependency, PythonVersion pinned,
        IReadOnlyList<Advisory> affecting, UpgradePlanner.Plan? plan, IReadOnlyList<VulnerableApiCall> calls)
    {
        // The code reaching a vulnerable API turns "a vulnerable version is installed" into "the vulnerability is exposed".
        var severity = calls.Count > 0 || affecting.Any(a => a.Severity >= AdvisorySeverity.High) ? Severity.Error : Severity.Warning;
        var message = new StringBuilder();
        message.Append(dependency.Name).Append(' ').Append(pinned).Append(file.IsLockFile ? " (locked)" : "")
            .Append(" has ").Append(affecting.Count).Append(affecting.Count == 1 ? " known vulnerability" : " known vulnerabilities").Append(':');
        AppendAdvisories(message, affecting, pinned);
        var fixes = new List<CodeFix>();
        if (plan != null)
        {
            message.Append("\nUpgrade to ").Append(plan.Target).Append(plan.StaysInSeries ? "" : " (a newer release series)");
            if (plan.Unfixable.Count > 0) message.Append("; no fixed release is known for ").Append(string.Join(", ", plan.Unfixable.Select(a => a.DisplayId)));
            message.Append('.');
            if (!file.IsLockFile && dependency.PinSpan is { } pinSpan)
            {
                var title = $"Upgrade {dependency.Name} to {plan.Target}" + (dependency.HasHashes ? " (then regenerate its --hash values)" : "");
                fixes.Add(new CodeFix(title, new[] { new DocumentEdit(document.Path, new TextChange(pinSpan, plan.Target.ToString())) },
                    SafeForFixAll: plan.StaysInSeries && !dependency.HasHashes));
            }
        }
        else message.Append("\nNo fixed release is known.");
        if (file.IsLockFile) message.Append(' ').Append(LockUpdateHint(file.Kind, dependency.Name));
        const int shownCalls = 10;
        if (calls.Count > 0)
        {
            var byCall = calls.GroupBy(c => (c.Path, c.Span)).ToList();
            message.Append("\nThe code uses the affected API (").Append(byCall.Count).Append(byCall.Count == 1 ? " call" : " calls").Append("):");
            foreach (var call in byCall.Take(shownCalls))
                message.Append("\n- ").Append(string.Join(", ", call.Select(c => c.Api.Cve))).Append(": ").Append(call.First().Text)
                    .Append(" in ").Append(System.IO.Path.GetFileName(call.Key.Path));
            if (byCall.Count > shownCalls) message.Append("\n- and ").Append(byCall.Count - shownCalls).Append(" more");
        }
        var related = calls.GroupBy(c => (c.Path, c.Span)).Take(shownCalls)
            .Select(g => new RelatedLocation(g.Key.Path, g.Key.Span, $"{g.First().Api.Api}: {string.Join(", ", g.Select(c => $"{c.Api.Cve} ({c.Api.AdvisoryId})"))}"))
            .ToList();
        return new Finding(DependencyRules.VulnerableDependency, document.Path, dependency.PinSpan ?? dependency.SpecifierSpan, message.ToString(),
            severity, related, fixes);
    }

    private static string LockUpdateHint(DependencyFileKind kind, string name) => kind switch
    {
        DependencyFileKind.PoetryLock => $"Update the lock file: poetry update {name}.",
        DependencyFileKind.UvLock => $"Update the lock file: uv lock --upgrade-package {name}.",
        _ => $"Update the lock file: pipenv update {name}.",
    };

    private static void AppendAdvisories(StringBuilder message, IReadOnlyList<Advisory> advisories, PythonVersion? near)
    {
        foreach (var a in advisories)
        {
            message.Append("\n- ").Append(a.Id);
            if (a.Aliases.Count > 0) message.Append(" (").Append(string.Join(", ", a.Aliases)).Append(')');
            if (a.Severity != AdvisorySeverity.Unknown) message.Append(" [").Append(a.Severity.ToString().ToLowerInvariant()).Append(']');
            if (a.Summary.Length > 0) message.Append(": ").Append(a.Summary);
            var fixedIn = a.FixedVersions;
            if (near != null)
            {
                // The fixes that matter for this pin first: those above it.
                var relevant = fixedIn.Where(f => f > near).ToList();
                if (relevant.Count > 0) fixedIn = relevant;
            }
            message.Append(fixedIn.Count > 0 ? " Fixed in " + string.Join(", ", fixedIn) + "." : " No fix released.");
        }
    }

    /// <summary>
    /// For a range: the versions the database knows (bounds and listed releases) that the range allows. Reported when
    /// the lowest of them is affected — as DJ601 information when a fixed release is also allowed, as DJ600 when every
    /// known release in a range bounded above is affected. An open upper bound may allow releases newer than the snapshot,
    /// so it never counts as "all affected".
    /// </summary>
    private Finding? CheckRange(AnalysisDocument document, Dependency dependency, IReadOnlyList<Advisory> advisories)
    {
        if (advisories.Count == 0 || dependency.Specifiers == null) return null;
        var candidates = new SortedSet<PythonVersion>(advisories.SelectMany(a => a.MentionedVersions));
        foreach (var clause in dependency.Specifiers.Clauses)
            if (clause.Operator is ">=" or "~=" or "==" && clause.Version != null && !clause.IsWildcard) candidates.Add(clause.Version);
            else if (clause.Operator == "==" && clause.IsWildcard && clause.Version != null) candidates.Add(clause.Version);
        var allowed = candidates.Where(v => dependency.Specifiers.Contains(v)).ToList();
        if (allowed.Count == 0) return null;
        var lowest = allowed[0];
        var affectingLowest = advisories.Where(a => a.Affects(lowest)).ToList();
        if (affectingLowest.Count == 0) return null;
        var range = dependency.SpecifierText.Length > 0 ? dependency.SpecifierText : "(any version)";
        var allAffected = dependency.Specifiers.Clauses.Any(c => c.Operator is "<" or "<=" or "~=" or "==")
            && allowed.All(v => advisories.Any(a => a.Affects(v)));
        var message = new StringBuilder();
        if (allAffected)
        {
            message.Append(dependency.Name).Append(' ').Append(range).Append(": every release this range allows has known vulnerabilities; the lowest, ")
                .Append(lowest).Append(", has ").Append(affectingLowest.Count).Append(':');
            AppendAdvisories(message, affectingLowest, lowest);
            var severity = affectingLowest.Any(a => a.Severity >= AdvisorySeverity.High) ? Severity.Error : Severity.Warning;
            return new Finding(DependencyRules.VulnerableDependency, document.Path, dependency.SpecifierSpan, message.ToString(), severity,
                Array.Empty<RelatedLocation>(), Array.Empty<CodeFix>());
        }
        message.Append(dependency.Name).Append(' ').Append(range).Append(" allows vulnerable versions: its lowest release, ").Append(lowest)
            .Append(", is affected by ").Append(affectingLowest.Count).Append(affectingLowest.Count == 1 ? " advisory" : " advisories");
        if (affectingLowest.Count <= 5)
        {
            message.Append(':');
            AppendAdvisories(message, affectingLowest, lowest);
        }
        else
        {
            const int shown = 10;
            message.Append(" (").Append(string.Join(", ", affectingLowest.Take(shown).Select(a => a.DisplayId)));
            if (affectingLowest.Count > shown) message.Append(", and ").Append(affectingLowest.Count - shown).Append(" more");
            message.Append(").");
        }
        var plan = UpgradePlanner.For(lowest, advisories);
        var fixes = new List<CodeFix>();
        if (plan != null)
        {
            message.Append("\nRaise the lower bound to at least ").Append(plan.Target).Append('.');
            var edit = RaiseLowerBound(document, dependency, plan.Target);
            if (edit != null)
                fixes.Add(new CodeFix($"Raise the lower bound of {dependency.Name} to {plan.Target}", new[] { edit }, SafeForFixAll: false));
        }
        return new Finding(DependencyRules.RangeAllowsVulnerable, document.Path, dependency.SpecifierSpan, message.ToString(),
            DependencyRules.RangeAllowsVulnerable.DefaultSeverity, Array.Empty<RelatedLocation>(), fixes);
    }

    /// <summary>
    /// Replaces the version of the range's <c>&gt;=</c> clause with <paramref name="target"/> when the specifier is
    /// written verbatim in the file (PEP 508 strings, not Poetry's <c>^</c>) and the narrowed range still allows it.
    /// </summary>
    private static DocumentEdit? RaiseLowerBound(AnalysisDocument document, Dependency dependency, PythonVersion target)
    {
        var span = dependency.SpecifierSpan;
        if (span.End > document.Text.Length || document.Text.ToString(span) != dependency.SpecifierText) return null;
        var text = dependency.SpecifierText;
        var offset = 0;
        foreach (var part in text.Split(','))
        {
            var trimmed = part.TrimStart();
            if (trimmed.StartsWith(">=", StringComparison.Ordinal))
            {
                var versionStart = part.Length - trimmed.Length + 2;
                while (versionStart < part.Length && char.IsWhiteSpace(part[versionStart])) versionStart++;
                var versionEnd = part.Length;
                while (versionEnd > versionStart && char.IsWhiteSpace(part[versionEnd - 1])) versionEnd--;
                var replaced = text[..(offset + versionStart)] + target + text[(offset + versionEnd)..];
                if (!SpecifierSet.TryParse(replaced, out var narrowed) || !narrowed.Contains(target)) return null;
                return new DocumentEdit(document.Path, new TextChange(new TextSpan(span.Start + offset + versionStart, versionEnd - versionStart), target.ToString()));
            }
            offset += part.Length + 1;
        }
        return null;
    }

    private static Finding? CheckHashes(AnalysisDocument document, DependencyFile file, IReadOnlyList<RequirementsIncludeGraph.IncludedFile> included,
        AnalysisContext context)
    {
        if (file.Kind != DependencyFileKind.Requirements || file.Dependencies.Count == 0) return null;
        if (!document.Path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) return null;   // .in files are pip-compile inputs
        if (file.Dependencies.Any(d => d.HasHashes) || included.Any(f => f.File.Dependencies.Any(d => d.HasHashes))) return null;
        var evidence = DeploymentSignals.Find(document.Path, context.WorkspaceRoot);
        if (evidence == null) return null;
        var first = file.Dependencies[0];
        return new Finding(DependencyRules.RequirementsWithoutHashes, document.Path, first.LineSpan,
            $"This project is deployed ({evidence}) but {System.IO.Path.GetFileName(document.Path)} has no --hash options: " +
            "pip installs whatever the index serves. Generate hashes (pip-compile --generate-hashes) and install with --require-hashes.");
    }

    public HoverContent? GetHover(AnalysisDocument document, int position, AnalysisContext context, CancellationToken cancellationToken)
    {
        var file = document.GetFeature(DependencyFileFeature.Instance, cancellationToken);
        var dependency = file.Dependencies.FirstOrDefault(d => d.LineSpan.Start <= position && position <= d.LineSpan.End
                                                               || d.NameSpan.Start <= position && position <= d.NameSpan.End);
        if (dependency == null) return null;
        var database = _database();
        var advisories = database.ForPackage(dependency.Name);
        var sb = new StringBuilder();
        sb.Append("**").Append(dependency.Name).Append("**");
        if (dependency.SpecifierText.Length > 0) sb.Append(" `").Append(dependency.SpecifierText).Append('`');
        sb.Append("\n\n");
        sb.Append(advisories.Count == 0 ? "No known advisories" : $"{advisories.Count} known {(advisories.Count == 1 ? "advisory" : "advisories")}")
            .Append(" for `").Append(dependency.NormalizedName).Append("` in the advisory database (snapshot ").Append(database.SnapshotDate).Append(").");
        var pinned = dependency.PinnedVersion;
        if (pinned != null && advisories.Count > 0)
        {
            var affecting = advisories.Where(a => a.Affects(pinned)).ToList();
            sb.Append(' ').Append(affecting.Count == 0 ? $"None affects {pinned}." : $"{affecting.Count} affect {pinned}: {string.Join(", ", affecting.Select(a => a.DisplayId))}.");
        }
        sb.Append("\n\n_").Append(database.Notice).Append('_');
        return new HoverContent(sb.ToString(), dependency.NameSpan);
    }
}

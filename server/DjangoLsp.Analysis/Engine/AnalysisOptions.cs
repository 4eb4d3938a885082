namespace DjangoLsp.Analysis.Engine;

/// <summary>
/// User configuration that decides which findings are reported and how loudly. Comes from the client's
/// settings, <c>pyproject.toml</c> <c>[tool.djangolsp]</c> and CLI flags, merged by the caller.
/// </summary>
public sealed record AnalysisOptions
{
    public static readonly AnalysisOptions Default = new();

    /// <summary>Rule ids or id prefixes to report (Ruff-style: <c>DJ1</c> selects DJ100–DJ199). Empty: all.</summary>
    public IReadOnlyList<string> Select { get; init; } = Array.Empty<string>();

    /// <summary>Rule ids or id prefixes never to report; wins over <see cref="Select"/>.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = Array.Empty<string>();

    /// <summary>Glob (relative, forward slashes) to rule ids ignored in files matching it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PerFileIgnores { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Per-rule severity overrides.</summary>
    public IReadOnlyDictionary<string, Severity> SeverityOverrides { get; init; } = new Dictionary<string, Severity>();

    /// <summary>Findings below this severity are dropped (Error is the highest).</summary>
    public Severity MinimumSeverity { get; init; } = Severity.Hint;

    /// <summary>Publish syntax errors as diagnostics (users whose other extensions already report them turn this off).</summary>
    public bool ReportSyntaxErrors { get; init; } = true;

    /// <summary>Dotted settings module to use (e.g. <c>shop.settings.production</c>); null: discover.</summary>
    public string? SettingsModule { get; init; }

    /// <summary>Extra template directories beyond what settings and app folders say.</summary>
    public IReadOnlyList<string> ExtraTemplateDirs { get; init; } = Array.Empty<string>();

    /// <summary>Glob patterns of files and folders to leave out of workspace scans.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = Array.Empty<string>();

    public bool IsRuleEnabled(string ruleId)
    {
        if (Ignore.Any(p => Matches(ruleId, p))) return false;
        return Select.Count == 0 || Select.Any(p => Matches(ruleId, p));
    }

    private static bool Matches(string ruleId, string pattern) =>
        pattern.Equals("ALL", StringComparison.OrdinalIgnoreCase) ||
        ruleId.StartsWith(pattern.Trim(), StringComparison.OrdinalIgnoreCase);
}

using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Configuration;

/// <summary>
/// One source of configuration (pyproject.toml, client settings, CLI flags) holding only the keys that source
/// set; null means "not set here, keep the value from below". Layers are applied in order
/// defaults &lt; pyproject.toml &lt; client settings / CLI flags with <see cref="ApplyTo"/>.
/// </summary>
public sealed record ConfigurationLayer
{
    public static readonly ConfigurationLayer Empty = new();

    public IReadOnlyList<string>? Select { get; init; }
    public IReadOnlyList<string>? Ignore { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? PerFileIgnores { get; init; }
    public IReadOnlyDictionary<string, Severity>? SeverityOverrides { get; init; }
    public Severity? MinimumSeverity { get; init; }
    public IReadOnlyList<string>? Exclude { get; init; }
    public string? SettingsModule { get; init; }
    public IReadOnlyList<string>? TemplateDirs { get; init; }
    public bool? ReportSyntaxErrors { get; init; }

    /// <summary>
    /// The options with this layer's keys on top. Scalars and select/ignore replace the lower value; tables
    /// (per-file-ignores, severity overrides) merge key by key with this layer winning; exclude globs add up, so
    /// a CLI <c>--exclude</c> never brings back a folder the project excludes.
    /// </summary>
    public AnalysisOptions ApplyTo(AnalysisOptions lower) => lower with
    {
        Select = Select ?? lower.Select,
        Ignore = Ignore ?? lower.Ignore,
        PerFileIgnores = PerFileIgnores == null ? lower.PerFileIgnores : MergeTables(lower.PerFileIgnores, PerFileIgnores),
        SeverityOverrides = SeverityOverrides == null ? lower.SeverityOverrides : MergeSeverities(lower.SeverityOverrides, SeverityOverrides),
        MinimumSeverity = MinimumSeverity ?? lower.MinimumSeverity,
        Exclude = Exclude == null ? lower.Exclude : lower.Exclude.Concat(Exclude).Distinct(StringComparer.Ordinal).ToArray(),
        SettingsModule = SettingsModule ?? lower.SettingsModule,
        ExtraTemplateDirs = TemplateDirs ?? lower.ExtraTemplateDirs,
        ReportSyntaxErrors = ReportSyntaxErrors ?? lower.ReportSyntaxErrors,
    };

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> MergeTables(
        IReadOnlyDictionary<string, IReadOnlyList<string>> lower, IReadOnlyDictionary<string, IReadOnlyList<string>> upper)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, value) in lower) result[key] = value;
        foreach (var (key, value) in upper) result[key] = value;
        return result;
    }

    private static IReadOnlyDictionary<string, Severity> MergeSeverities(
        IReadOnlyDictionary<string, Severity> lower, IReadOnlyDictionary<string, Severity> upper)
    {
        var result = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in lower) result[key] = value;
        foreach (var (key, value) in upper) result[key] = value;
        return result;
    }
}

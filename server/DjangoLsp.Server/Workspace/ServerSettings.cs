using DjangoLsp.Analysis.Configuration;
using DjangoLsp.Analysis.Engine;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Server.Workspace;

/// <summary>
/// The client's <c>djangolsp</c> settings section: analysis options plus server behaviour. Unknown keys and
/// values of the wrong type are ignored (a typo in settings must not stop the server).
/// </summary>
public sealed record ServerSettings
{
    public static readonly ServerSettings Default = new();

    public AnalysisOptions Analysis { get; init; } = AnalysisOptions.Default;

    /// <summary>Only the analysis keys the client actually sent: the layer that goes over pyproject.toml.</summary>
    public ConfigurationLayer Client { get; init; } = ConfigurationLayer.Empty;
    public bool ScanOnStartup { get; init; }
    public int DebounceMs { get; init; } = 150;

    /// <summary>Keep per-file results on disk so a reopened workspace is ready at once (<c>cache</c>, default on).</summary>
    public bool DiskCache { get; init; } = true;

    /// <summary>Where (<c>cacheDirectory</c>); null: <see cref="Caching.AnalysisDiskCache.DefaultDirectory"/>, outside the repository.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Reads the section; <paramref name="section"/> may be the section itself or an object holding <c>djangolsp</c>.</summary>
    public static ServerSettings Parse(JToken? section)
    {
        if (section is JObject outer && outer["djangolsp"] is JObject inner) section = inner;
        if (section is not JObject s) return Default;

        var options = new AnalysisOptions
        {
            Select = Strings(s["select"]),
            Ignore = Strings(s["ignore"]),
            Exclude = Strings(s["exclude"]),
            ExtraTemplateDirs = Strings(s["templateDirs"]),
            SettingsModule = s["settingsModule"] is JValue { Type: JTokenType.String } m && !string.IsNullOrWhiteSpace((string?)m) ? (string?)m : null,
            ReportSyntaxErrors = Bool(s["reportSyntaxErrors"]) ?? true,
            MinimumSeverity = SeverityNames.TryParse((string?)(s["minSeverity"] as JValue), out var min) ? min : Severity.Hint,
            SeverityOverrides = Overrides(s["severityOverrides"]),
        };
        var debounce = s["debounceMs"] is JValue { Type: JTokenType.Integer } d ? (int)d : 150;
        var client = new ConfigurationLayer
        {
            Select = s["select"] != null ? options.Select : null,
            Ignore = s["ignore"] != null ? options.Ignore : null,
            Exclude = s["exclude"] != null ? options.Exclude : null,
            TemplateDirs = s["templateDirs"] != null ? options.ExtraTemplateDirs : null,
            SettingsModule = options.SettingsModule,
            ReportSyntaxErrors = Bool(s["reportSyntaxErrors"]),
            MinimumSeverity = SeverityNames.TryParse((string?)(s["minSeverity"] as JValue), out var clientMin) ? clientMin : null,
            SeverityOverrides = s["severityOverrides"] is JObject ? options.SeverityOverrides : null,
        };
        return new ServerSettings
        {
            Analysis = options,
            Client = client,
            ScanOnStartup = Bool(s["scanOnStartup"]) ?? false,
            DebounceMs = Math.Clamp(debounce, 0, 10_000),
            DiskCache = Bool(s["cache"]) ?? true,
            CacheDirectory = s["cacheDirectory"] is JValue { Type: JTokenType.String } cd && Path.IsPathRooted((string?)cd) ? (string?)cd : null,
        };
    }

    private static IReadOnlyList<string> Strings(JToken? token) => token switch
    {
        JArray array => array.OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => ((string)v!).Trim()).Where(v => v.Length > 0).ToArray(),
        JValue { Type: JTokenType.String } one => ((string)one!).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => Array.Empty<string>(),
    };

    private static bool? Bool(JToken? token) => token is JValue { Type: JTokenType.Boolean } v ? (bool)v : null;

    private static IReadOnlyDictionary<string, Severity> Overrides(JToken? token)
    {
        var result = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        if (token is not JObject o) return result;
        foreach (var property in o.Properties())
            if (SeverityNames.TryParse((string?)(property.Value as JValue), out var severity))
                result[property.Name] = severity;
        return result;
    }
}

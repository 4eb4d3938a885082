using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>Shared pieces of the settings rules' catalog entries.</summary>
internal static class SettingsRuleDescriptors
{
    public static readonly string[] Misconfig2021 = { "A05:2021" };
    public static readonly string[] Misconfig2025 = { "A02:2025" };

    /// <summary>A deployment-settings rule (A05:2021 / A02:2025 unless given).</summary>
    public static RuleDescriptor Create(string id, string name, Severity severity, int[] cwe, string summary, string documentation,
        string settingAnchor, string category = RuleCategory.SettingsMisconfig, string[]? owasp2021 = null, string[]? owasp2025 = null) =>
        new(id, name, severity, category, owasp2021 ?? Misconfig2021, owasp2025 ?? Misconfig2025, cwe, summary, documentation,
            $"{SettingsDocs.SettingsUrl}#{settingAnchor}");

    public static string Describe(PyValue value) =>
        value.Kind == PyValueKind.Environment
            ? $"falls back to {value.Effective} when the environment variable {value.EnvName} is unset"
            : $"is {value.Effective}";
}

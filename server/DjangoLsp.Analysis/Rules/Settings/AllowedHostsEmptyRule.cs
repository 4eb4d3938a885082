using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ501 · security.W020: <c>ALLOWED_HOSTS</c> is empty.</summary>
public sealed class AllowedHostsEmptyRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ501", "allowed-hosts-empty", Severity.Warning, new[] { 16 },
        "ALLOWED_HOSTS is empty in deployed settings (security.W020).",
        SettingsDocs.Build(
            "Reports deployed settings whose `ALLOWED_HOSTS` is empty (or not set).",
            "With `DEBUG = False` Django rejects every request whose Host header is not listed, so the site answers 400 to everyone; the usual panic fix is `[\"*\"]`, which re-enables Host-header poisoning of password-reset links and caches.",
            "ALLOWED_HOSTS = []",
            "ALLOWED_HOSTS = [\"shop.example.com\"]",
            new[] { "security.W020" }, "allowed-hosts"),
        "allowed-hosts");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        var value = context.Value("ALLOWED_HOSTS");
        if (value.Truthy != false) yield break;
        yield return context.At("ALLOWED_HOSTS", Rule, "security.W020",
            "ALLOWED_HOSTS is empty: list the host names this site serves (security.W020).");
    }
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ515 · security.E023: <c>SECURE_REFERRER_POLICY</c> holds a value browsers do not know.</summary>
public sealed class ReferrerPolicyInvalidRule : ISettingsRule
{
    private static readonly HashSet<string> Valid = new(StringComparer.Ordinal)
    {
        "no-referrer", "no-referrer-when-downgrade", "origin", "origin-when-cross-origin", "same-origin", "strict-origin",
        "strict-origin-when-cross-origin", "unsafe-url",
    };

    public static readonly RuleDescriptor Rule = Create("DJ515", "referrer-policy-invalid", Severity.Error, new[] { 200 },
        "SECURE_REFERRER_POLICY contains an invalid value (security.E023).",
        SettingsDocs.Build(
            "Reports `SECURE_REFERRER_POLICY` values that are not Referrer-Policy tokens (a comma-separated string or a list is allowed).",
            "Browsers ignore unknown policies, so the site silently falls back to the browser default and leaks URLs.",
            "SECURE_REFERRER_POLICY = \"same_origin\"",
            "SECURE_REFERRER_POLICY = \"same-origin\"",
            new[] { "security.E023" }, "secure-referrer-policy"),
        "secure-referrer-policy");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.HasMiddleware(SettingsCheckContext.SecurityMiddleware) != true) yield break;
        var value = context.Value("SECURE_REFERRER_POLICY").Effective;
        IEnumerable<string>? values = value.Kind == PyValueKind.Str
            ? value.StrValue!.Split(',').Select(v => v.Trim())
            : value.StringItems;
        if (values == null) yield break;
        var invalid = values.Where(v => !Valid.Contains(v)).ToList();
        if (invalid.Count == 0) yield break;
        yield return context.At("SECURE_REFERRER_POLICY", Rule, "security.E023",
            $"SECURE_REFERRER_POLICY has invalid value(s) {string.Join(", ", invalid.Select(v => $"'{v}'"))}; browsers ignore them (security.E023).");
    }
}

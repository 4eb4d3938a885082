using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ516 · security.E024: <c>SECURE_CROSS_ORIGIN_OPENER_POLICY</c> holds an invalid value (Django 4.0+).</summary>
public sealed class CrossOriginOpenerPolicyInvalidRule : ISettingsRule
{
    private static readonly HashSet<string> Valid = new(StringComparer.Ordinal) { "same-origin", "same-origin-allow-popups", "unsafe-none" };

    public static readonly RuleDescriptor Rule = Create("DJ516", "cross-origin-opener-policy-invalid", Severity.Error, new[] { 1021, 693 },
        "SECURE_CROSS_ORIGIN_OPENER_POLICY is not a valid Cross-Origin-Opener-Policy (security.E024).",
        SettingsDocs.Build(
            "Reports `SECURE_CROSS_ORIGIN_OPENER_POLICY` values other than `same-origin`, `same-origin-allow-popups`, `unsafe-none` (or `None`).",
            "Browsers ignore an unknown policy, so cross-origin windows keep a handle to the site's window (tab-nabbing, XS-Leaks).",
            "SECURE_CROSS_ORIGIN_OPENER_POLICY = \"same_origin\"",
            "SECURE_CROSS_ORIGIN_OPENER_POLICY = \"same-origin\"",
            new[] { "security.E024" }, "secure-cross-origin-opener-policy", newerThanDjango32: true),
        "secure-cross-origin-opener-policy");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.HasMiddleware(SettingsCheckContext.SecurityMiddleware) != true) yield break;
        var value = context.Value("SECURE_CROSS_ORIGIN_OPENER_POLICY").Effective;
        if (value.Kind != PyValueKind.Str || Valid.Contains(value.StrValue!)) yield break;
        yield return context.At("SECURE_CROSS_ORIGIN_OPENER_POLICY", Rule, "security.E024",
            $"SECURE_CROSS_ORIGIN_OPENER_POLICY '{value.StrValue}' is not a valid policy (security.E024).",
            context.SetValueFix("SECURE_CROSS_ORIGIN_OPENER_POLICY", "\"same-origin\""));
    }
}

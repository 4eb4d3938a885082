using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ514 · security.W022: <c>SECURE_REFERRER_POLICY = None</c>.</summary>
public sealed class ReferrerPolicyNotSetRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ514", "referrer-policy-not-set", Severity.Warning, new[] { 200 },
        "SECURE_REFERRER_POLICY is None, so no Referrer-Policy header is sent (security.W022).",
        SettingsDocs.Build(
            "Reports `SECURE_REFERRER_POLICY = None` with `SecurityMiddleware` installed (the default since Django 3.1 is `\"same-origin\"`).",
            "Without a Referrer-Policy, full URLs (including tokens in query strings, such as password-reset or share links) leak to every third-party site the page links to or loads from.",
            "SECURE_REFERRER_POLICY = None",
            "SECURE_REFERRER_POLICY = \"same-origin\"",
            new[] { "security.W022" }, "secure-referrer-policy"),
        "secure-referrer-policy");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.HasMiddleware(SettingsCheckContext.SecurityMiddleware) != true) yield break;
        if (context.Value("SECURE_REFERRER_POLICY").Effective.Kind != PyValueKind.None) yield break;
        yield return context.At("SECURE_REFERRER_POLICY", Rule, "security.W022",
            "SECURE_REFERRER_POLICY is None: full URLs leak to other sites in the Referer header (security.W022).",
            context.SetValueFix("SECURE_REFERRER_POLICY", "\"same-origin\""));
    }
}

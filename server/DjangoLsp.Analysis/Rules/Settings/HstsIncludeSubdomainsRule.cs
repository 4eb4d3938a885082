using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ507 · security.W005: HSTS without <c>includeSubDomains</c>.</summary>
public sealed class HstsIncludeSubdomainsRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ507", "hsts-without-subdomains", Severity.Information, new[] { 319 },
        "HSTS is on but SECURE_HSTS_INCLUDE_SUBDOMAINS is not True (security.W005).",
        SettingsDocs.Build(
            "Reports HSTS enabled without `SECURE_HSTS_INCLUDE_SUBDOMAINS = True`.",
            "An attacker can set cookies for the parent domain from an insecure subdomain (cookie tossing), or lure users to an HTTP subdomain. Only set it when every subdomain serves HTTPS.",
            "SECURE_HSTS_SECONDS = 31536000",
            "SECURE_HSTS_SECONDS = 31536000\nSECURE_HSTS_INCLUDE_SUBDOMAINS = True",
            new[] { "security.W005" }, "secure-hsts-include-subdomains"),
        "secure-hsts-include-subdomains");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.HasMiddleware(SettingsCheckContext.SecurityMiddleware) != true) yield break;
        if (context.Value("SECURE_HSTS_SECONDS").Truthy != true) yield break;
        if (context.Value("SECURE_HSTS_INCLUDE_SUBDOMAINS").IsTrueSingleton != false) yield break;
        yield return context.At("SECURE_HSTS_INCLUDE_SUBDOMAINS", Rule, "security.W005",
            "HSTS does not cover subdomains (SECURE_HSTS_INCLUDE_SUBDOMAINS is not True) (security.W005).",
            context.SetValueFix("SECURE_HSTS_INCLUDE_SUBDOMAINS", "True", safeForFixAll: false));
    }
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ508 · security.W021: HSTS without <c>preload</c>.</summary>
public sealed class HstsPreloadRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ508", "hsts-without-preload", Severity.Information, new[] { 319 },
        "HSTS is on but SECURE_HSTS_PRELOAD is not True (security.W021).",
        SettingsDocs.Build(
            "Reports HSTS enabled without `SECURE_HSTS_PRELOAD = True`.",
            "Without preloading, the very first visit of each browser is still unprotected. Preloading (hstspreload.org) ships the policy inside browsers.",
            "SECURE_HSTS_SECONDS = 31536000",
            "SECURE_HSTS_SECONDS = 31536000\nSECURE_HSTS_PRELOAD = True",
            new[] { "security.W021" }, "secure-hsts-preload"),
        "secure-hsts-preload");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.HasMiddleware(SettingsCheckContext.SecurityMiddleware) != true) yield break;
        if (context.Value("SECURE_HSTS_SECONDS").Truthy != true) yield break;
        if (context.Value("SECURE_HSTS_PRELOAD").IsTrueSingleton != false) yield break;
        yield return context.At("SECURE_HSTS_PRELOAD", Rule, "security.W021",
            "HSTS is not marked for preloading (SECURE_HSTS_PRELOAD is not True) (security.W021).",
            context.SetValueFix("SECURE_HSTS_PRELOAD", "True", safeForFixAll: false));
    }
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ506 · security.W004: <c>SECURE_HSTS_SECONDS</c> not set.</summary>
public sealed class HstsNotSetRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ506", "hsts-not-set", Severity.Warning, new[] { 319, 523 },
        "SECURE_HSTS_SECONDS is not set or 0 (security.W004).",
        SettingsDocs.Build(
            "Reports deployed settings with `SecurityMiddleware` but no HTTP Strict Transport Security (`SECURE_HSTS_SECONDS` unset or 0).",
            "Without HSTS a browser's first request (typed URL, old bookmark) goes over plain HTTP, where an attacker on the network can strip TLS and read or change everything, cookies included.",
            "SECURE_HSTS_SECONDS = 0",
            "SECURE_HSTS_SECONDS = 31536000  # one year; start with 3600 while testing",
            new[] { "security.W004" }, "secure-hsts-seconds",
            "[HTTP Strict Transport Security](https://docs.djangoproject.com/en/stable/ref/middleware/#http-strict-transport-security)"),
        "secure-hsts-seconds");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.HasMiddleware(SettingsCheckContext.SecurityMiddleware) != true) yield break;
        var value = context.Value("SECURE_HSTS_SECONDS");
        if (value.Truthy != false) yield break;
        // HSTS cannot be undone for its max-age: the user confirms this fix.
        yield return context.At("SECURE_HSTS_SECONDS", Rule, "security.W004",
            "SECURE_HSTS_SECONDS is not set: browsers may reach the site over plain HTTP (security.W004).",
            context.SetValueFix("SECURE_HSTS_SECONDS", "31536000", safeForFixAll: false));
    }
}

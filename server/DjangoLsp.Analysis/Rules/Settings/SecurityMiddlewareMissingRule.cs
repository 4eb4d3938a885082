using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ505 · security.W001: <c>SecurityMiddleware</c> missing from MIDDLEWARE.</summary>
public sealed class SecurityMiddlewareMissingRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ505", "security-middleware-missing", Severity.Warning, new[] { 319, 693 },
        "django.middleware.security.SecurityMiddleware is not in MIDDLEWARE (security.W001).",
        SettingsDocs.Build(
            "Reports deployed settings whose `MIDDLEWARE` lacks `django.middleware.security.SecurityMiddleware`.",
            "Without it `SECURE_HSTS_SECONDS`, `SECURE_SSL_REDIRECT`, `SECURE_CONTENT_TYPE_NOSNIFF`, `SECURE_REFERRER_POLICY` and `SECURE_CROSS_ORIGIN_OPENER_POLICY` do nothing: no HTTPS redirect, no HSTS, no nosniff header.",
            "MIDDLEWARE = [\n    \"django.contrib.sessions.middleware.SessionMiddleware\",\n    ...\n]",
            "MIDDLEWARE = [\n    \"django.middleware.security.SecurityMiddleware\",\n    \"django.contrib.sessions.middleware.SessionMiddleware\",\n    ...\n]",
            new[] { "security.W001" }, "middleware"),
        "middleware");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.HasMiddleware(SettingsCheckContext.SecurityMiddleware) != false) yield break;
        yield return context.At("MIDDLEWARE", Rule, "security.W001",
            "MIDDLEWARE lacks SecurityMiddleware: HSTS, the HTTPS redirect and the nosniff/referrer headers are never sent (security.W001).",
            context.InsertMiddlewareFix(SettingsCheckContext.SecurityMiddleware, _ => (0, false)));
    }
}

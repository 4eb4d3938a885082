using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ332 · security.W002: <c>XFrameOptionsMiddleware</c> missing from MIDDLEWARE.</summary>
public sealed class XFrameMiddlewareMissingRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ332", "xframe-middleware-missing", Severity.Warning, new[] { 1021 },
        "django.middleware.clickjacking.XFrameOptionsMiddleware is not in MIDDLEWARE (security.W002).",
        SettingsDocs.Build(
            "Reports deployed settings whose `MIDDLEWARE` lacks `django.middleware.clickjacking.XFrameOptionsMiddleware`.",
            "Without an X-Frame-Options header (or CSP `frame-ancestors`) any site can load the pages in an invisible iframe and trick users into clicking (clickjacking).",
            "MIDDLEWARE = [\n    \"django.middleware.security.SecurityMiddleware\",\n    ...\n]",
            "MIDDLEWARE = [\n    \"django.middleware.security.SecurityMiddleware\",\n    ...\n    \"django.middleware.clickjacking.XFrameOptionsMiddleware\",\n]",
            new[] { "security.W002" }, "middleware",
            "[Clickjacking protection](https://docs.djangoproject.com/en/stable/ref/clickjacking/)"),
        "middleware", category: RuleCategory.Clickjacking);

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.HasMiddleware(SettingsCheckContext.XFrameMiddleware) != false) yield break;
        yield return context.At("MIDDLEWARE", Rule, "security.W002",
            "MIDDLEWARE lacks XFrameOptionsMiddleware: any site can frame these pages (clickjacking) (security.W002).",
            context.InsertMiddlewareFix(SettingsCheckContext.XFrameMiddleware, names => (names.Count - 1, true)));
    }
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ319 · security.W003: <c>CsrfViewMiddleware</c> missing from MIDDLEWARE.</summary>
public sealed class CsrfMiddlewareMissingRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ319", "csrf-middleware-missing", Severity.Error, new[] { 352 },
        "django.middleware.csrf.CsrfViewMiddleware is not in MIDDLEWARE (security.W003).",
        SettingsDocs.Build(
            "Reports deployed settings whose `MIDDLEWARE` lacks `django.middleware.csrf.CsrfViewMiddleware`.",
            "Without the middleware no view is protected against cross-site request forgery (unless each one uses `@csrf_protect`): any page the victim visits can submit forms to the site with the victim's cookies — change the e-mail, place orders, delete data.",
            "MIDDLEWARE = [\n    \"django.middleware.common.CommonMiddleware\",\n    \"django.contrib.auth.middleware.AuthenticationMiddleware\",\n]",
            "MIDDLEWARE = [\n    \"django.middleware.common.CommonMiddleware\",\n    \"django.middleware.csrf.CsrfViewMiddleware\",\n    \"django.contrib.auth.middleware.AuthenticationMiddleware\",\n]",
            new[] { "security.W003" }, "middleware",
            "[CSRF protection](https://docs.djangoproject.com/en/stable/ref/csrf/)"),
        "middleware", category: RuleCategory.Csrf, owasp2021: new[] { "A01:2021", "A05:2021" }, owasp2025: new[] { "A01:2025", "A02:2025" });

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.HasMiddleware(SettingsCheckContext.CsrfMiddleware) != false) yield break;
        yield return context.At("MIDDLEWARE", Rule, "security.W003",
            "MIDDLEWARE lacks CsrfViewMiddleware: views are not protected against cross-site request forgery (security.W003).",
            context.InsertMiddlewareFix(SettingsCheckContext.CsrfMiddleware, PlaceCsrf));
    }

    /// <summary>Django's documented order: after SessionMiddleware/CommonMiddleware, before AuthenticationMiddleware.</summary>
    private static (int, bool)? PlaceCsrf(IReadOnlyList<string?> names)
    {
        var common = Last(names, "django.middleware.common.CommonMiddleware");
        if (common >= 0) return (common, true);
        var session = Last(names, SettingsCheckContext.SessionMiddleware);
        if (session >= 0) return (session, true);
        var auth = Last(names, "django.contrib.auth.middleware.AuthenticationMiddleware");
        if (auth >= 0) return (auth, false);
        return (names.Count - 1, true);
    }

    private static int Last(IReadOnlyList<string?> names, string name)
    {
        for (var i = names.Count - 1; i >= 0; i--) if (names[i] == name) return i;
        return -1;
    }
}

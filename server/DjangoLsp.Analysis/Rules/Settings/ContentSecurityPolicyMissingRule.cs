using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ518: no Content Security Policy (Django 6.0's <c>SECURE_CSP</c> or django-csp).</summary>
public sealed class ContentSecurityPolicyMissingRule : ISettingsRule
{
    public const string DjangoCspMiddleware = "django.middleware.csp.ContentSecurityPolicyMiddleware";
    public const string DjangoCspPackageMiddleware = "csp.middleware.CSPMiddleware";

    public static readonly RuleDescriptor Rule = Create("DJ518", "content-security-policy-missing", Severity.Information, new[] { 1021, 79 },
        "No Content Security Policy is configured (Django 6.0 ContentSecurityPolicyMiddleware + SECURE_CSP, or django-csp).",
        SettingsDocs.Build(
            "Reports deployed settings without a Content Security Policy: neither Django 6.0's `django.middleware.csp.ContentSecurityPolicyMiddleware` (with `SECURE_CSP` or `SECURE_CSP_REPORT_ONLY`) nor django-csp's `csp.middleware.CSPMiddleware` is configured.",
            "A CSP is the second line of defence against XSS (it blocks injected inline scripts and foreign script sources) and, with `frame-ancestors`, against clickjacking.",
            "MIDDLEWARE = [\n    \"django.middleware.security.SecurityMiddleware\",\n    ...\n]",
            "from django.utils.csp import CSP  # Django 6.0\n\nMIDDLEWARE = [..., \"django.middleware.csp.ContentSecurityPolicyMiddleware\"]\nSECURE_CSP = {\"default-src\": [CSP.SELF], \"frame-ancestors\": [CSP.NONE]}",
            Array.Empty<string>(), "secure-csp",
            "[Content Security Policy (Django 6.0)](https://docs.djangoproject.com/en/stable/ref/csp/)"),
        "secure-csp");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        var django = context.HasMiddleware(DjangoCspMiddleware);
        var package = context.HasMiddleware(DjangoCspPackageMiddleware);
        if (package != false) yield break;
        if (django == null) yield break;
        if (django == true)
        {
            // The middleware sends nothing until a policy is configured.
            var configured = new[] { "SECURE_CSP", "SECURE_CSP_REPORT_ONLY" }
                .Any(name => context.Settings.IsSet(name) && context.Value(name).Truthy != false);
            if (configured || context.Settings.HasUnresolvedImports) yield break;
            yield return context.At("SECURE_CSP", Rule, null,
                "ContentSecurityPolicyMiddleware is installed but SECURE_CSP is not set, so no Content-Security-Policy header is sent.");
            yield break;
        }
        yield return context.At("MIDDLEWARE", Rule, null,
            "No Content Security Policy middleware: injected scripts are not blocked by the browser (add Django 6.0's ContentSecurityPolicyMiddleware with SECURE_CSP, or django-csp).");
    }
}

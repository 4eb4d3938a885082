using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ512 · security.W016: the CSRF cookie is sent over HTTP.</summary>
public sealed class CsrfCookieSecureRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ512", "csrf-cookie-not-secure", Severity.Warning, new[] { 614 },
        "CSRF_COOKIE_SECURE is not True while CsrfViewMiddleware is used (security.W016).",
        SettingsDocs.Build(
            "Reports `CSRF_COOKIE_SECURE` off while `CsrfViewMiddleware` is installed and `CSRF_USE_SESSIONS` is off.",
            "A CSRF token sent over plain HTTP can be read by a network attacker, who can then forge requests that pass the CSRF check.",
            "CSRF_COOKIE_SECURE = False",
            "CSRF_COOKIE_SECURE = True",
            new[] { "security.W016" }, "csrf-cookie-secure",
            note: $"An explicit `CSRF_COOKIE_SECURE = False` is also reported when `CsrfViewMiddleware` is missing ({SettingsDocs.BeyondDjangoMarkerText} in that case), since re-adding the middleware would send the token in clear."),
        "csrf-cookie-secure");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.Value("CSRF_USE_SESSIONS").Truthy != false) yield break;
        if (context.Value("CSRF_COOKIE_SECURE").Truthy != false) yield break;
        var middleware = context.HasMiddleware(SettingsCheckContext.CsrfMiddleware);
        var explicitlyOff = context.Binding("CSRF_COOKIE_SECURE") is { Value.Kind: PyValueKind.Bool };
        if (middleware == false && explicitlyOff)
        {
            yield return context.At("CSRF_COOKIE_SECURE", Rule, null,
                "CSRF_COOKIE_SECURE = False: once CsrfViewMiddleware is back, the CSRF token travels over plain HTTP.",
                context.SetValueFix("CSRF_COOKIE_SECURE", "True"));
            yield break;
        }
        if (middleware != true) yield break;
        yield return context.At("CSRF_COOKIE_SECURE", Rule, "security.W016",
            "CSRF_COOKIE_SECURE is not True: the CSRF token can travel over plain HTTP (security.W016).",
            context.SetValueFix("CSRF_COOKIE_SECURE", "True"));
    }
}

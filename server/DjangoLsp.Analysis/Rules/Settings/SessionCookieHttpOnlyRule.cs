using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ513 · security.W013/W014/W015: the session cookie is readable from JavaScript.</summary>
public sealed class SessionCookieHttpOnlyRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ513", "session-cookie-not-httponly", Severity.Warning, new[] { 1004 },
        "SESSION_COOKIE_HTTPONLY is not True while sessions are used (security.W013/W014/W015).",
        SettingsDocs.Build(
            "Reports `SESSION_COOKIE_HTTPONLY` turned off while `django.contrib.sessions` is installed (W013), `SessionMiddleware` is in `MIDDLEWARE` (W014), or both (W015).",
            "Without `HttpOnly`, any XSS on the site can read `document.cookie` and send the session id to the attacker, who then has the victim's session.",
            "SESSION_COOKIE_HTTPONLY = False",
            "SESSION_COOKIE_HTTPONLY = True  # the default",
            new[] { "security.W013", "security.W014", "security.W015" }, "session-cookie-httponly"),
        "session-cookie-httponly");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.Value("SESSION_COOKIE_HTTPONLY").Truthy != false) yield break;
        var app = context.HasApp("django.contrib.sessions");
        var middleware = context.HasMiddleware(SettingsCheckContext.SessionMiddleware);
        if (app == null || middleware == null) yield break;
        var id = (app.Value, middleware.Value) switch
        {
            (true, true) => "security.W015",
            (true, false) => "security.W013",
            (false, true) => "security.W014",
            _ => null,
        };
        if (id == null) yield break;
        yield return context.At("SESSION_COOKIE_HTTPONLY", Rule, id,
            $"SESSION_COOKIE_HTTPONLY is off: JavaScript (and any XSS) can read the session cookie ({id}).",
            context.SetValueFix("SESSION_COOKIE_HTTPONLY", "True"));
    }
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ511 · security.W010/W011/W012: the session cookie is sent over HTTP.</summary>
public sealed class SessionCookieSecureRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ511", "session-cookie-not-secure", Severity.Warning, new[] { 614 },
        "SESSION_COOKIE_SECURE is not True while sessions are used (security.W010/W011/W012).",
        SettingsDocs.Build(
            "Reports `SESSION_COOKIE_SECURE` off while `django.contrib.sessions` is installed (W010), `SessionMiddleware` is in `MIDDLEWARE` (W011), or both (W012).",
            "Without the `Secure` flag the browser also sends the session cookie over plain HTTP, where anyone on the network can copy it and take over the signed-in session.",
            "SESSION_COOKIE_SECURE = False",
            "SESSION_COOKIE_SECURE = True",
            new[] { "security.W010", "security.W011", "security.W012" }, "session-cookie-secure"),
        "session-cookie-secure");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.Value("SESSION_COOKIE_SECURE").Truthy != false) yield break;
        var app = context.HasApp("django.contrib.sessions");
        var middleware = context.HasMiddleware(SettingsCheckContext.SessionMiddleware);
        if (app == null || middleware == null) yield break;
        var id = (app.Value, middleware.Value) switch
        {
            (true, true) => "security.W012",
            (true, false) => "security.W010",
            (false, true) => "security.W011",
            _ => null,
        };
        if (id == null) yield break;
        yield return context.At("SESSION_COOKIE_SECURE", Rule, id,
            $"SESSION_COOKIE_SECURE is not True: the session cookie can travel over plain HTTP and be stolen ({id}).",
            context.SetValueFix("SESSION_COOKIE_SECURE", "True"));
    }
}

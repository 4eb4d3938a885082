using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ510 · security.W008: <c>SECURE_SSL_REDIRECT</c> not True.</summary>
public sealed class SslRedirectRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ510", "ssl-redirect-off", Severity.Warning, new[] { 319 },
        "SECURE_SSL_REDIRECT is not True (security.W008).",
        SettingsDocs.Build(
            "Reports deployed settings with `SecurityMiddleware` that do not redirect HTTP to HTTPS.",
            "Pages served over HTTP can be read and changed by anyone on the network path. If a proxy or load balancer already redirects, keep the setting on anyway (with `SECURE_PROXY_SSL_HEADER`) or silence this finding for the file.",
            "SECURE_SSL_REDIRECT = False",
            "SECURE_SSL_REDIRECT = True\nSECURE_PROXY_SSL_HEADER = (\"HTTP_X_FORWARDED_PROTO\", \"https\")  # behind a TLS-terminating proxy",
            new[] { "security.W008" }, "secure-ssl-redirect"),
        "secure-ssl-redirect");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.HasMiddleware(SettingsCheckContext.SecurityMiddleware) != true) yield break;
        var value = context.Value("SECURE_SSL_REDIRECT");
        if (value.IsTrueSingleton != false) yield break;
        yield return context.At("SECURE_SSL_REDIRECT", Rule, "security.W008",
            "SECURE_SSL_REDIRECT is not True: HTTP requests are not redirected to HTTPS (security.W008).",
            context.SetValueFix("SECURE_SSL_REDIRECT", "True", safeForFixAll: false));
    }
}

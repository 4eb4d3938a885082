using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ502: <c>ALLOWED_HOSTS</c> accepts any host (<c>"*"</c>).</summary>
public sealed class AllowedHostsWildcardRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ502", "allowed-hosts-wildcard", Severity.Warning, new[] { 20, 644 },
        "ALLOWED_HOSTS contains '*', so any Host header is accepted.",
        SettingsDocs.Build(
            "Reports `\"*\"` in `ALLOWED_HOSTS` of deployed settings.",
            "Django builds absolute URLs (password-reset e-mails, redirects, `request.build_absolute_uri()`) from the Host header. Accepting any host lets an attacker send a victim a reset link pointing at the attacker's domain, and poison shared caches.",
            "ALLOWED_HOSTS = [\"*\"]",
            "ALLOWED_HOSTS = [\"shop.example.com\", \"www.shop.example.com\"]",
            Array.Empty<string>(), "allowed-hosts",
            "[Host header validation](https://docs.djangoproject.com/en/stable/topics/security/#host-headers-virtual-hosting)"),
        "allowed-hosts");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        var value = context.Value("ALLOWED_HOSTS").Effective;
        if (!value.IsSequence) yield break;
        foreach (var item in value.Items)
        {
            if (item.Effective is { Kind: PyValueKind.Str, StrValue: "*" })
            {
                yield return context.AtValue(item, "ALLOWED_HOSTS", Rule, null,
                    "ALLOWED_HOSTS accepts any Host header ('*'): password-reset links and absolute URLs can point at an attacker's domain.");
                yield break;
            }
        }
    }
}

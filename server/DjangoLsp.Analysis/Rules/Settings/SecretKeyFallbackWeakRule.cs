using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ524 · security.W025: an entry of <c>SECRET_KEY_FALLBACKS</c> is weak by the same criteria as W009 (Django 4.1+).</summary>
public sealed class SecretKeyFallbackWeakRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ524", "secret-key-fallback-weak", Severity.Warning, new[] { 1391, 330 },
        "An entry of SECRET_KEY_FALLBACKS is shorter than 50 characters, has fewer than 5 distinct characters, or starts with 'django-insecure-' (security.W025).",
        SettingsDocs.Build(
            "Reports each entry of `SECRET_KEY_FALLBACKS` (or the fallback of an environment read inside it) that Django calls weak: fewer than 50 characters, fewer than 5 distinct characters, or the `django-insecure-` prefix of `startproject`.",
            "Django still accepts signatures made with every fallback key: sessions, password-reset links and signed cookies forged with a guessable old key are valid until the key is removed from the list. A weak fallback is as bad as a weak `SECRET_KEY`.",
            "SECRET_KEY = os.environ[\"DJANGO_SECRET_KEY\"]\nSECRET_KEY_FALLBACKS = [\"changeme\"]",
            "SECRET_KEY = os.environ[\"DJANGO_SECRET_KEY\"]\n# Old keys only while sessions signed with them expire; then remove them.\nSECRET_KEY_FALLBACKS = [os.environ[\"DJANGO_OLD_SECRET_KEY\"]]",
            new[] { "security.W025" }, "secret-key-fallbacks", addedInDjango: "4.1",
            note: "No automatic fix: which old keys may still be accepted is a deployment decision; a weak one should simply be removed."),
        "secret-key-fallbacks");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        var list = context.Value("SECRET_KEY_FALLBACKS").Effective;
        if (!list.IsSequence) yield break;
        for (var index = 0; index < list.Items.Count; index++)
        {
            var item = list.Items[index];
            var key = item.Effective;
            if (key.Kind != PyValueKind.Str || SecretKeyWeakRule.Weakness(key.StrValue!) is not { } why) continue;
            var message = item.Kind == PyValueKind.Environment
                ? $"SECRET_KEY_FALLBACKS[{index}] falls back to a constant that {why} when {item.EnvName} is unset (security.W025)."
                : $"SECRET_KEY_FALLBACKS[{index}] {why}: signatures made with it are still accepted (security.W025).";
            yield return context.AtValue(item, "SECRET_KEY_FALLBACKS", Rule, "security.W025", message);
        }
    }
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ522: the first (default) entry of <c>PASSWORD_HASHERS</c> is a fast, broken hash.</summary>
public sealed class WeakPasswordHasherRule : ISettingsRule
{
    private static readonly HashSet<string> Weak = new(StringComparer.Ordinal)
    {
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.UnsaltedMD5PasswordHasher",
        "django.contrib.auth.hashers.SHA1PasswordHasher",
        "django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher",
        "django.contrib.auth.hashers.CryptPasswordHasher",
    };

    public static readonly RuleDescriptor Rule = Create("DJ522", "weak-password-hasher", Severity.Error, new[] { 916, 328 },
        "PASSWORD_HASHERS starts with MD5/SHA1/unsalted/crypt, so new passwords are stored with a fast hash.",
        SettingsDocs.Build(
            "Reports deployed settings whose first `PASSWORD_HASHERS` entry (the one used for every new and upgraded password) is MD5, SHA1, an unsalted variant or crypt.",
            "These hashes are computed billions of times per second on a GPU: a leaked user table gives up most passwords within hours. Django's testing docs suggest MD5 only to speed up test runs, never in production.",
            "PASSWORD_HASHERS = [\n    \"django.contrib.auth.hashers.MD5PasswordHasher\",\n    \"django.contrib.auth.hashers.PBKDF2PasswordHasher\",\n]",
            "PASSWORD_HASHERS = [\n    \"django.contrib.auth.hashers.PBKDF2PasswordHasher\",  # or Argon2PasswordHasher\n    \"django.contrib.auth.hashers.MD5PasswordHasher\",     # only to verify and upgrade old hashes\n]",
            Array.Empty<string>(), "password-hashers",
            "[How Django stores passwords](https://docs.djangoproject.com/en/stable/topics/auth/passwords/)"),
        "password-hashers", category: RuleCategory.SettingsMisconfig, owasp2021: new[] { "A02:2021" }, owasp2025: new[] { "A04:2025" });

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        var hashers = context.Value("PASSWORD_HASHERS").Effective;
        if (!hashers.IsSequence || hashers.Items.Count == 0) yield break;
        var first = hashers.Items[0];
        if (first.Effective is not { Kind: PyValueKind.Str } name || !Weak.Contains(name.StrValue!)) yield break;
        yield return context.AtValue(first, "PASSWORD_HASHERS", Rule, null,
            $"PASSWORD_HASHERS starts with {name.StrValue!.Split('.').Last()}: new passwords are stored with a fast, crackable hash.");
    }
}

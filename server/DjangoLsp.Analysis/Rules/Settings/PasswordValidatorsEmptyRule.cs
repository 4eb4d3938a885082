using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ519: <c>AUTH_PASSWORD_VALIDATORS</c> empty.</summary>
public sealed class PasswordValidatorsEmptyRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ519", "password-validators-empty", Severity.Warning, new[] { 521 },
        "AUTH_PASSWORD_VALIDATORS is empty: any password, even '1', is accepted.",
        SettingsDocs.Build(
            "Reports deployed settings with `django.contrib.auth` installed and an empty (or unset) `AUTH_PASSWORD_VALIDATORS`.",
            "Without validators users can choose `123456` or their user name; credential stuffing and guessing then succeed quickly.",
            "AUTH_PASSWORD_VALIDATORS = []",
            "AUTH_PASSWORD_VALIDATORS = [\n    {\"NAME\": \"django.contrib.auth.password_validation.UserAttributeSimilarityValidator\"},\n    {\"NAME\": \"django.contrib.auth.password_validation.MinimumLengthValidator\"},\n    {\"NAME\": \"django.contrib.auth.password_validation.CommonPasswordValidator\"},\n    {\"NAME\": \"django.contrib.auth.password_validation.NumericPasswordValidator\"},\n]",
            Array.Empty<string>(), "auth-password-validators",
            "[Password validation](https://docs.djangoproject.com/en/stable/topics/auth/passwords/#password-validation)"),
        "auth-password-validators", owasp2021: new[] { "A07:2021" }, owasp2025: new[] { "A07:2025" });

    private const string Validators = """
        [
            {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
            {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
            {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
            {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
        ]
        """;

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (context.HasApp("django.contrib.auth") != true) yield break;
        if (context.Value("AUTH_PASSWORD_VALIDATORS").Truthy != false) yield break;
        yield return context.At("AUTH_PASSWORD_VALIDATORS", Rule, null,
            "AUTH_PASSWORD_VALIDATORS is empty: users may pick trivially guessable passwords.",
            context.SetValueFix("AUTH_PASSWORD_VALIDATORS", Validators.Replace("\r\n", "\n"), safeForFixAll: false));
    }
}

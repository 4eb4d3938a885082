using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ503 · security.W009: <c>SECRET_KEY</c> is short, repetitive, or Django's generated insecure key.</summary>
public sealed class SecretKeyWeakRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ503", "secret-key-weak", Severity.Warning, new[] { 1391, 330 },
        "SECRET_KEY is shorter than 50 characters, has fewer than 5 distinct characters, or starts with 'django-insecure-' (security.W009).",
        SettingsDocs.Build(
            "Reports a `SECRET_KEY` (or the fallback of an environment read) that Django itself calls weak: fewer than 50 characters, fewer than 5 distinct characters, or the `django-insecure-` prefix `startproject` writes.",
            "`SECRET_KEY` signs sessions, password-reset tokens, messages and `signing.dumps` data. A guessable or published key lets an attacker forge all of them; with the pickle session serializer it is remote code execution.",
            "SECRET_KEY = os.environ.get(\"DJANGO_SECRET_KEY\", \"changeme\")",
            "SECRET_KEY = os.environ[\"DJANGO_SECRET_KEY\"]  # fail loudly when it is missing",
            new[] { "security.W009" }, "secret-key"),
        "secret-key");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        var value = context.Value("SECRET_KEY");
        var effective = value.Effective;
        if (effective.Kind != PyValueKind.Str) yield break;
        var why = Weakness(effective.StrValue!);
        if (why == null) yield break;
        var prefix = value.Kind == PyValueKind.Environment
            ? $"SECRET_KEY falls back to a constant that {why} when {value.EnvName} is unset"
            : $"SECRET_KEY {why}";
        yield return context.At("SECRET_KEY", Rule, "security.W009", prefix + " (security.W009).",
            SecretKeyFix.FromEnvironment(context));
    }

    /// <summary>Why Django calls <paramref name="key"/> weak (its <c>_check_secret_key</c>), or null when it is strong enough.</summary>
    internal static string? Weakness(string key) =>
        key.Length == 0 ? "is empty"
        : key.StartsWith("django-insecure-", StringComparison.Ordinal) ? "starts with 'django-insecure-' (the key startproject generated)"
        : key.Length < 50 ? $"has only {key.Length} characters (at least 50 are needed)"
        : key.Distinct().Count() < 5 ? "has fewer than 5 distinct characters"
        : null;
}

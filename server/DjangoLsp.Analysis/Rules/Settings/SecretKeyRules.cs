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
        var key = effective.StrValue!;
        string? why = key.Length == 0 ? "is empty"
            : key.StartsWith("django-insecure-", StringComparison.Ordinal) ? "starts with 'django-insecure-' (the key startproject generated)"
            : key.Length < 50 ? $"has only {key.Length} characters (at least 50 are needed)"
            : key.Distinct().Count() < 5 ? "has fewer than 5 distinct characters"
            : null;
        if (why == null) yield break;
        var prefix = value.Kind == PyValueKind.Environment
            ? $"SECRET_KEY falls back to a constant that {why} when {value.EnvName} is unset"
            : $"SECRET_KEY {why}";
        yield return context.At("SECRET_KEY", Rule, "security.W009", prefix + " (security.W009).",
            SecretKeyFix.FromEnvironment(context));
    }
}

/// <summary>DJ504: a literal <c>SECRET_KEY</c> in a deployed settings module.</summary>
public sealed class SecretKeyHardcodedRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ504", "secret-key-hardcoded", Severity.Error, new[] { 798, 321 },
        "SECRET_KEY is a string literal in deployed settings instead of being read from the environment.",
        SettingsDocs.Build(
            "Reports a `SECRET_KEY` written as a literal in the settings that are deployed (even a long, random one).",
            "Everyone with access to the repository, its history, CI logs or a leaked backup has the key and can forge sessions, password-reset links and signed data. Keys in source are also never rotated.",
            "SECRET_KEY = \"p7#w0...a long random string...\"",
            "import os\n\nSECRET_KEY = os.environ[\"DJANGO_SECRET_KEY\"]",
            Array.Empty<string>(), "secret-key",
            "[Keep the secret key secret](https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#secret-key)"),
        "secret-key", owasp2021: new[] { "A02:2021", "A05:2021" }, owasp2025: new[] { "A04:2025", "A02:2025" });

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        var binding = context.Binding("SECRET_KEY");
        if (binding == null || binding.Value.Kind != PyValueKind.Str || binding.Value.StrValue!.Length == 0) yield break;
        yield return context.At("SECRET_KEY", Rule, null,
            "SECRET_KEY is hard-coded in deployed settings; read it from the environment or a secrets manager.",
            SecretKeyFix.FromEnvironment(context));
    }
}

/// <summary>Replaces the SECRET_KEY value with <c>os.environ["DJANGO_SECRET_KEY"]</c>, adding <c>import os</c> once.</summary>
internal static class SecretKeyFix
{
    public static IReadOnlyList<CodeFix> FromEnvironment(SettingsCheckContext context)
    {
        var binding = context.Binding("SECRET_KEY");
        if (binding == null || !binding.IsPlainAssignment) return Array.Empty<CodeFix>();
        var document = context.Document(binding.Path);
        if (document == null) return Array.Empty<CodeFix>();
        var tree = document.GetPythonSyntax();
        var edits = new List<DocumentEdit>();
        var importsOs = tree.Root.Statements.OfType<ImportStatementSyntax>()
            .Any(i => i.Names.Any(n => n.Name.Name == "os" && n.AliasToken == null));
        if (!importsOs)
        {
            // After the module docstring and any __future__ import; before everything else.
            var insertAt = 0;
            foreach (var statement in tree.Root.Statements)
            {
                if (statement is ExpressionStatementSyntax { Expression: StringLiteralExpressionSyntax } && insertAt == 0 ||
                    statement is FromImportStatementSyntax { Module.Name: "__future__" })
                {
                    insertAt = document.Text.Lines.GetLineFromPosition(Math.Max(statement.Span.Start, statement.Span.End - 1)).EndIncludingLineBreak;
                    continue;
                }
                break;
            }
            var needsBreakBefore = insertAt > 0 && insertAt == document.Text.Length && !document.Text.ToString().EndsWith('\n');
            edits.Add(new DocumentEdit(binding.Path, new TextChange(new TextSpan(insertAt, 0), (needsBreakBefore ? "\n" : "") + "import os\n")));
        }
        edits.Add(new DocumentEdit(binding.Path, new TextChange(binding.ValueSpan, "os.environ[\"DJANGO_SECRET_KEY\"]")));
        return new[] { new CodeFix("Read SECRET_KEY from the DJANGO_SECRET_KEY environment variable", edits, SafeForFixAll: false) };
    }
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

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

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ500 · security.W018: <c>DEBUG</c> is true in deployed settings.</summary>
public sealed class DebugEnabledRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ500", "debug-enabled-in-production", Severity.Error, new[] { 489, 215 },
        "DEBUG is True in deployed settings (security.W018).",
        SettingsDocs.Build(
            "Reports `DEBUG = True` (or an environment read that falls back to a true value) in a deployed settings module.",
            "With `DEBUG` on, every error page shows source code, local variables, settings and the SQL that ran; static files are served by Django and memory grows with every query. Attackers harvest secrets from these pages.",
            "DEBUG = True",
            "DEBUG = False\n# or: DEBUG = os.environ.get(\"DJANGO_DEBUG\", \"\") == \"1\"",
            new[] { "security.W018" }, "debug"),
        "debug");

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        var value = context.Value("DEBUG");
        if (value.Truthy != true) yield break;
        var fixes = value.Kind == PyValueKind.Bool ? context.SetValueFix("DEBUG", "False") : Array.Empty<CodeFix>();
        yield return context.At("DEBUG", Rule, "security.W018",
            $"DEBUG {Describe(value)} in deployed settings: error pages leak code, settings and SQL (security.W018).", fixes);
    }
}

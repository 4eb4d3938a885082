using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>DJ141: SESSION_SERIALIZER set to the PickleSerializer.</summary>
public sealed class PickleSessionSerializerRule : PythonRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DJ141", "pickle-session-serializer", Severity.Error, RuleCategory.Deserialization,
        new[] { "A08:2021" }, new[] { "A08:2025" }, new[] { 502 },
        "SESSION_SERIALIZER uses pickle: a leaked SECRET_KEY becomes remote code execution.",
        RuleDocs.Build(
            "Finds `SESSION_SERIALIZER = \"django.contrib.sessions.serializers.PickleSerializer\"` (removed from Django in 5.0).",
            "With signed-cookie or cache sessions, anyone who knows or guesses `SECRET_KEY` can craft a session that runs code when it is unpickled.",
            """
            SESSION_SERIALIZER = "django.contrib.sessions.serializers.PickleSerializer"
            """,
            """
            SESSION_SERIALIZER = "django.contrib.sessions.serializers.JSONSerializer"   # the default
            """,
            "[Django: Session serialization](https://docs.djangoproject.com/en/stable/topics/http/sessions/#session-serialization)",
            RuleDocs.OwaspCheatSheetDeserialization),
        "https://docs.djangoproject.com/en/stable/topics/http/sessions/#session-serialization");

    public PickleSessionSerializerRule() : base(Descriptor)
    {
    }

    public override IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken)
    {
        if (!document.Text.ToString().Contains("PickleSerializer", StringComparison.Ordinal)) yield break;
        var tree = document.GetPythonSyntax(cancellationToken);
        foreach (var assignment in tree.Root.DescendantNodes().OfType<AssignmentStatementSyntax>())
        {
            if (!assignment.Targets.Any(t => t is NameExpressionSyntax { Name: "SESSION_SERIALIZER" } or AttributeExpressionSyntax { Name: "SESSION_SERIALIZER" })) continue;
            if (assignment.Value is StringLiteralExpressionSyntax { Value: { } value } && value.EndsWith("PickleSerializer", StringComparison.Ordinal))
                yield return new Finding(Rule, document.Path, assignment.Value.Span,
                    "Sessions are pickled: anyone who learns SECRET_KEY can run code on the server. Use the JSONSerializer (the default).",
                    Severity.Error, Array.Empty<RelatedLocation>(), Array.Empty<CodeFix>());
        }
    }
}

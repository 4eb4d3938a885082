using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>DJ202: mark_safe(json.dumps(...)) — json.dumps does not escape &lt;/script&gt;.</summary>
public sealed class MarkSafeJsonRule : PythonRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DJ202", "mark-safe-json-dumps", Severity.Warning, RuleCategory.XssPython,
        new[] { RuleDocs.OwaspInjection2021 }, new[] { RuleDocs.OwaspInjection2025 }, new[] { 79 },
        "mark_safe(json.dumps(...)): JSON is not HTML-safe; use the json_script filter.",
        RuleDocs.Build(
            "Finds `mark_safe(json.dumps(...))` (and `SafeString(json.dumps(...))`).",
            "`json.dumps` does not escape `<`, `>` or `&`. A string containing `</script><script>...` inside the data ends the script block and runs the attacker's script.",
            """
            context["gallery_json"] = mark_safe(json.dumps(gallery))
            # template: <script>var gallery = {{ gallery_json }};</script>
            """,
            """
            context["gallery"] = gallery
            # template: {{ gallery|json_script:"gallery-data" }}
            #           <script>const gallery = JSON.parse(document.getElementById("gallery-data").textContent);</script>
            """,
            "[Django: json_script](https://docs.djangoproject.com/en/stable/ref/templates/builtins/#json-script)",
            RuleDocs.OwaspCheatSheetXss,
            "[CWE-79](https://cwe.mitre.org/data/definitions/79.html)"),
        "https://docs.djangoproject.com/en/stable/ref/templates/builtins/#json-script");

    public MarkSafeJsonRule() : base(Descriptor)
    {
    }

    private static readonly KeywordGroup Words = SourceKeywords.Register("dumps");

    protected override KeywordGroup Prefilter => Words;

    internal static bool IsJsonDumps(ExpressionSyntax expression, PythonSemanticModel model) =>
        expression.Unparenthesize() is CallExpressionSyntax call && model.GetCalleeName(call) is "json.dumps" or "simplejson.dumps"
            or "django.core.serializers.json.DjangoJSONEncoder().encode";

    protected internal override Finding? AnalyzeCall(CallExpressionSyntax call, RuleContext context)
    {
        var qualified = context.Semantics.GetCalleeName(call);
        if (qualified == null || !MarkSafeRule.MarkSafeNames.Contains(qualified)) return null;
        var argument = call.GetArgument(0, "s")?.Expression;
        if (argument == null || !IsJsonDumps(argument, context.Semantics)) return null;
        return Report(context, call, "mark_safe(json.dumps(...)) is not safe in HTML or <script>: json.dumps does not escape </script>. Pass the data to the template and use the json_script filter.",
            Severity.Warning);
    }
}

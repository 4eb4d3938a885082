using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>DJ205: a Jinja2 Environment with autoescape off (explicitly, or by Jinja2's default).</summary>
public sealed class Jinja2AutoescapeRule : PythonRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DJ205", "jinja2-autoescape-off", Severity.Warning, RuleCategory.XssPython,
        new[] { RuleDocs.OwaspInjection2021 }, new[] { RuleDocs.OwaspInjection2025 }, new[] { 79, 1336 },
        "jinja2.Environment created with autoescape off.",
        RuleDocs.Build(
            "Finds `jinja2.Environment(...)` with `autoescape=False`, or without `autoescape` (Jinja2's own default is off; Django's Jinja2 backend turns it on, a hand-made Environment does not).",
            "Without autoescaping every `{{ value }}` is inserted as raw HTML: any user data in the context is an XSS.",
            """
            env = jinja2.Environment(loader=FileSystemLoader("templates"))
            """,
            """
            env = jinja2.Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())
            """,
            "[Django: Jinja2 backend](https://docs.djangoproject.com/en/stable/topics/templates/#django.template.backends.jinja2.Jinja2)",
            "[Jinja2: autoescaping](https://jinja.palletsprojects.com/en/stable/api/#autoescaping)",
            RuleDocs.OwaspCheatSheetXss),
        "https://docs.djangoproject.com/en/stable/topics/templates/#django.template.backends.jinja2.Jinja2");

    public Jinja2AutoescapeRule() : base(Descriptor)
    {
    }

    private static readonly KeywordGroup Words = SourceKeywords.Register("jinja2");

    protected override KeywordGroup Prefilter => Words;

    protected internal override Finding? AnalyzeCall(CallExpressionSyntax call, RuleContext context)
    {
        if (context.Semantics.GetCalleeName(call) is not ("jinja2.Environment" or "jinja2.environment.Environment")) return null;
        if (call.ArgumentList.Arguments.Any(a => a.StarToken != null)) return null;
        var autoescape = call.GetKeywordArgument("autoescape")?.Expression.Unparenthesize();
        if (autoescape is LiteralExpressionSyntax { Kind: SyntaxKind.FalseLiteralExpression })
            return Report(context, autoescape, "Jinja2 autoescaping is switched off: every {{ value }} is inserted as raw HTML (XSS).", Severity.Warning);
        if (autoescape == null)
            return Report(context, call.Expression, "jinja2.Environment() without autoescape= has autoescaping off (Jinja2's default); pass autoescape=select_autoescape().", Severity.Warning);
        return null;
    }
}

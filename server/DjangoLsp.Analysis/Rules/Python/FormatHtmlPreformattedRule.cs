using System.Text;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Taint;
using DjangoLsp.Python.Syntax;
using DjangoLsp.Python.Syntax.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>DJ203: format_html given a string that was already formatted (f-string, %, .format): nothing gets escaped.</summary>
public sealed class FormatHtmlPreformattedRule : PythonRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DJ203", "format-html-preformatted", Severity.Error, RuleCategory.XssPython,
        new[] { RuleDocs.OwaspInjection2021 }, new[] { RuleDocs.OwaspInjection2025 }, new[] { 79 },
        "format_html() called with an already formatted string, so its values are not escaped.",
        RuleDocs.Build(
            "Finds `format_html()` whose format string is an f-string, `%`-formatted or `.format()`-ed with non-constant values.",
            "`format_html` escapes its *arguments*; the format string itself is trusted and marked safe. Formatting the values into it first bypasses the escaping, so the values are rendered as raw HTML.",
            """
            return format_html(f'<span class="badge">{name}</span>')
            """,
            """
            return format_html('<span class="badge">{}</span>', name)
            """,
            "[Django: format_html](https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.html.format_html)",
            RuleDocs.OwaspCheatSheetXss,
            "[CWE-79](https://cwe.mitre.org/data/definitions/79.html)"),
        "https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.html.format_html");

    public FormatHtmlPreformattedRule() : base(Descriptor)
    {
    }

    private static readonly KeywordGroup Words = SourceKeywords.Register("format_html");

    protected override KeywordGroup Prefilter => Words;

    protected internal override Finding? AnalyzeCall(CallExpressionSyntax call, RuleContext context)
    {
        if (context.Semantics.GetCalleeName(call) != "django.utils.html.format_html") return null;
        var format = call.GetArgument(0, "format_string")?.Expression;
        if (format == null) return null;
        var how = SqlBuilding.HowBuilt(format, context.Semantics);
        if (how == null || format.Unparenthesize() is NameExpressionSyntax) return null;
        var taint = context.Taint.Evaluate(format, context.CancellationToken);
        var origin = taint.OriginFor(SinkKind.Html);
        if (origin == TaintOrigin.None) return null;
        var message = $"format_html() is given a string already built with {how} from {Describe(taint, SinkKind.Html)}, so nothing is escaped; pass the values as format_html's arguments.";
        return Report(context, format, message, SeverityFor(origin), taint, CreateFix(call, format, context));
    }

    /// <summary>f"...{a}...{b}" → "...{}...{}", a, b (constant braces doubled).</summary>
    private static IReadOnlyList<CodeFix> CreateFix(CallExpressionSyntax call, ExpressionSyntax format, RuleContext context)
    {
        if (call.ArgumentList.Arguments.Count != 1 || format.Unparenthesize() is not StringLiteralExpressionSyntax { IsFormatted: true } literal)
            return Array.Empty<CodeFix>();
        var template = new StringBuilder();
        var values = new List<string>();
        foreach (var part in literal.Parts)
        {
            if (part is SyntaxToken token)
            {
                template.Append(StringLiteralInfo.Decode(token.Text, out _).Replace("{", "{{").Replace("}", "}}"));
                continue;
            }
            if (part is not FStringExpressionSyntax fstring || fstring.Kind != SyntaxKind.FStringExpression) return Array.Empty<CodeFix>();
            var raw = StringLiteralInfo.Parse(fstring.StartToken.Text).IsRaw;
            foreach (var piece in fstring.Parts)
            {
                if (piece is SyntaxToken middle)
                    template.Append(StringLiteralInfo.DecodeBody(middle.Text, raw, false, true, out _).Replace("{", "{{").Replace("}", "}}"));
                else if (piece is InterpolationSyntax interpolation)
                {
                    if (interpolation.EqualsToken != null || interpolation.ConversionToken != null) return Array.Empty<CodeFix>();
                    template.Append('{');
                    if (interpolation.FormatSpecParts.Count > 0)
                    {
                        if (interpolation.FormatSpecParts.Any(p => p is not SyntaxToken)) return Array.Empty<CodeFix>();
                        template.Append(':').Append(string.Concat(interpolation.FormatSpecParts.Cast<SyntaxToken>().Select(t => t.Text)));
                    }
                    template.Append('}');
                    values.Add(interpolation.Expression.ToString());
                }
            }
        }
        var quoted = PythonStrings.Quote(template.ToString(), preferSingle: template.ToString().Contains('"'));
        var edit = new TextChange(format.Span, quoted + ", " + string.Join(", ", values));
        return new[] { new CodeFix("Pass the values as format_html arguments", new[] { new DocumentEdit(context.Document.Path, edit) }) };
    }
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Templates.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>DJ227: a value printed into a hand-written <c>&lt;script type="application/json"&gt;</c> block instead of json_script.</summary>
public sealed class ScriptDataBlockOutputRule : TemplateOutputRule
{
    public static readonly RuleDescriptor Rule = TemplateRuleSupport.Xss(
        "DJ227", "json-block-without-json-script", Severity.Error, new[] { 79 },
        "A template variable is printed into a <script type=\"application/json\"> block by hand; use json_script.",
        """
        ## What it does
        Reports `{{ value }}` inside a `<script>` element whose type is JSON (`application/json`,
        `application/ld+json`, `importmap`, `speculationrules`).

        ## Why it matters
        The body of a `<script>` element ends at the first `</script>`, whatever its type. With `|safe` (needed to
        keep the JSON's quotes) a string such as `</script><script>alert('xss')//` in the data ends the block and
        runs. With autoescaping the quotes become `&quot;` and the JSON no longer parses, which is what pushes
        people to add `|safe`. `json_script` writes the whole element, serialises the value as JSON and escapes
        `<`, `>` and `&` as `\uXXXX`, so the data cannot end the element and still parses.

        ## Example
        ```html
        <script id="cart-data" type="application/json">{{ cart_json|safe }}</script>
        ```

        ## Fix
        ```html
        {{ cart|json_script:"cart-data" }}
        ```
        Pass the Python value (not JSON text) to the template. The quick fix makes this rewrite when the element
        has only `type` and `id` attributes and holds nothing else.

        ## References
        - Django: [json_script](https://docs.djangoproject.com/en/stable/ref/templates/builtins/#json-script)
        - [OWASP XSS Prevention Cheat Sheet, HTML entity encoding of JSON](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
        """,
        TemplateRuleSupport.JsonScriptDocs);

    public override RuleDescriptor Descriptor => Rule;

    internal override Finding? Check(TemplateRuleContext context, TemplateOutput output)
    {
        if (output.Context.Kind != OutputContextKind.ScriptOther || output.EscapedForContext && output.Escaping.Value != OutputValueKind.Unknown
            || OutputFacts.IsTrustedByName(output))
        {
            return null;
        }

        var script = HtmlElementFinder.EnclosingScript(context.Source, output.Span.Start);
        string? type = script?.Get("type")?.Value?.Trim().ToLowerInvariant();
        if (script == null || type == null || !IsJsonType(type))
        {
            return null; // text/template and friends hold HTML: DJ226 covers unescaped values there.
        }

        string what = OutputFacts.Display(output);
        var fix = ElementFix(context, output, script);
        if (OutputFacts.UnescapedCause(output) is { } cause)
        {
            return context.Report(Rule, output.Span,
                $"{what} is printed into a <script type=\"{type}\"> block and {cause}: </script> in the data ends the block and the rest runs as HTML. Use {{{{ value|json_script:\"id\" }}}} instead.",
                null, TemplateFixes.Some(fix));
        }

        return context.Report(Rule, output.Span,
            $"{what} is HTML-escaped inside a <script type=\"{type}\"> block, where entities are not decoded: the JSON breaks, and adding |safe would allow </script> injection. Use {{{{ value|json_script:\"id\" }}}} instead.",
            Severity.Information, TemplateFixes.Some(fix));
    }

    private static bool IsJsonType(string type)
    {
        int semicolon = type.IndexOf(';');
        string t = semicolon >= 0 ? type.Substring(0, semicolon).Trim() : type;
        return t is "application/json" or "text/json" or "application/ld+json" or "importmap" or "speculationrules" || t.EndsWith("+json", StringComparison.Ordinal);
    }

    /// <summary>Replaces <c>&lt;script id="x" type="application/json"&gt;{{ v|safe }}&lt;/script&gt;</c> with <c>{{ v|json_script:"x" }}</c>.</summary>
    private static CodeFix? ElementFix(TemplateRuleContext context, TemplateOutput output, HtmlStartTag script)
    {
        string s = context.Source;
        var id = script.Get("id");
        if (!OutputFacts.CanAppendFilter(output) || id?.Value is not { Length: > 0 } idValue || idValue.Contains('{') || idValue.Contains('"')
            || script.Attributes.Any(a => !a.Name.Equals("id", StringComparison.OrdinalIgnoreCase) && !a.Name.Equals("type", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        int close = s.IndexOf("</script", output.Span.End, StringComparison.OrdinalIgnoreCase);
        int closeEnd = close >= 0 ? s.IndexOf('>', close) : -1;
        if (closeEnd < 0 || s.AsSpan(script.End, output.Span.Start - script.End).Trim().Length > 0 || s.AsSpan(output.Span.End, close - output.Span.End).Trim().Length > 0)
        {
            return null;
        }

        string value = OutputFacts.ExpressionWithout(output, "safe", "safeseq", "escapejs", "escape", "force_escape");
        string replacement = "{{ " + value + "|json_script:\"" + idValue + "\" }}";
        return new CodeFix($"Use json_script (id \"{idValue}\"; the view must pass the Python value, not JSON text)",
            new[] { context.Edit(TextSpan.FromBounds(script.Start, closeEnd + 1), replacement) }, SafeForFixAll: false);
    }
}

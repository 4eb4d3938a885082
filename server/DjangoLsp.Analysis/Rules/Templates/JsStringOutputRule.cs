using DjangoLsp.Analysis.Engine;
using DjangoLsp.Templates.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>DJ220: a value inside a JavaScript string or template literal in &lt;script&gt; without |escapejs.</summary>
public sealed class JsStringOutputRule : TemplateOutputRule
{
    public static readonly RuleDescriptor Rule = TemplateRuleSupport.Xss(
        "DJ220", "js-string-without-escapejs", Severity.Error, new[] { 79, 80 },
        "A template variable inside a JavaScript string in <script> is not escaped with |escapejs.",
        """
        ## What it does
        Reports `{{ value }}` inside a quoted JavaScript string (`"..."`, `'...'`) or a template literal
        (`` `...` ``) in a `<script>` element when the value is not passed through `|escapejs`.

        ## Why it matters
        Django's autoescaping is made for HTML: it turns `<`, `>`, `&`, `'` and `"` into entities. Inside a
        `<script>` element the browser does not decode entities, and JavaScript has its own special characters:
        a backslash, a line break or (with `|safe`) a quote ends the string early and the rest of the value runs as
        code; `</script>` ends the whole element. In a template literal `${...}` runs code even when every quote is
        escaped.

        `|escapejs` replaces every character that matters to JavaScript or HTML (`\ ' " < > & = - ;` the backtick,
        line terminators and all control characters) with a `\uXXXX` escape. A payload such as
        `</script><script>alert('xss')//` becomes `\u003C/script\u003E\u003Cscript\u003Ealert(\u0027xss\u0027)//`:
        no `</script>` is left for the HTML parser and no quote for the JavaScript parser, so it stays a string.
        `|escapejs` does not escape `$` or `{`, so in a template literal the value must sit in a normal string
        inside an interpolation: `${"{{ value|escapejs }}"}`.

        ## Example
        ```html
        <script>
          var next = "{{ next }}";
          var title = `Hello {{ name }}`;
        </script>
        ```

        ## Fix
        ```html
        <script>
          var next = "{{ next|escapejs }}";
          var title = `Hello ${"{{ name|escapejs }}"}`;
        </script>
        ```
        For structured data, prefer `{{ data|json_script:"data-id" }}` and `JSON.parse(...)`.

        ## Not reported
        Literals, numbers and ids (`pk`, `*_id`), `{% url %}`/`{% static %}` paths and `|urlencode`d values.

        ## References
        - Django: [escapejs](https://docs.djangoproject.com/en/stable/ref/templates/builtins/#escapejs),
          [json_script](https://docs.djangoproject.com/en/stable/ref/templates/builtins/#json-script)
        - [OWASP XSS Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
        """,
        TemplateRuleSupport.EscapejsDocs);

    public override RuleDescriptor Descriptor => Rule;

    internal override Finding? Check(TemplateRuleContext context, TemplateOutput output)
    {
        var kind = output.Context.Kind;
        if (kind is not (OutputContextKind.JsStringDouble or OutputContextKind.JsStringSingle or OutputContextKind.JsTemplateLiteral)
            || !OutputFacts.NeedsReview(output))
        {
            return null;
        }

        // {% url %} and {% static %} give percent-quoted paths: in a <script> string the HTML escaping of ' is harmless.
        if (kind != OutputContextKind.JsTemplateLiteral && output.Escaping.Value == OutputValueKind.UrlPath)
        {
            return null;
        }

        string what = OutputFacts.Display(output);
        if (output.Escaping.Encoding == OutputEncoding.JsonScriptElement)
        {
            return context.Report(Rule, output.Span,
                $"{what} prints a whole <script> element (json_script) inside a JavaScript string. Put it before the <script> and read it with JSON.parse(document.getElementById(...).textContent).");
        }

        if (kind == OutputContextKind.JsTemplateLiteral)
        {
            return context.Report(Rule, output.Span,
                $"{what} is inside a JavaScript template literal in <script>; neither HTML autoescaping nor |escapejs stops ${{...}} from running code there. Put it in a string inside an interpolation: ${{\"{{{{ ...|escapejs }}}}\"}}.",
                null, TemplateFixes.Some(TemplateLiteralFix(context, output)));
        }

        string quote = kind == OutputContextKind.JsStringDouble ? "double-quoted" : "single-quoted";
        string cause = OutputFacts.UnescapedCause(output) is { } c
            ? $"{c}, so a quote or </script> in it breaks out"
            : "HTML autoescaping does not make it safe there (a backslash or line break still breaks the string)";
        return context.Report(Rule, output.Span,
            $"{what} is inside a {quote} JavaScript string in <script>; {cause}. Add |escapejs.",
            null, TemplateFixes.Some(TemplateFixes.AppendFilter(context, output, "|escapejs", "Add |escapejs")));
    }

    /// <summary><c>`a {{ v }}`</c> → <c>`a ${"{{ v|escapejs }}"}`</c>: a double-quoted string, where escapejs is exact.</summary>
    private static CodeFix? TemplateLiteralFix(TemplateRuleContext context, TemplateOutput output)
    {
        if (!OutputFacts.CanAppendFilter(output))
        {
            return null;
        }

        bool hasEscapejs = output.Filters.Count > 0 && output.Expression!.Filters.Count > 0 && output.Expression.Filters[^1].Name == "escapejs";
        var span = output.Span;
        int insertAt = OutputFacts.FilterInsertionPoint(output) - span.Start;
        string text = output.Text;
        string rewritten = "${\"" + (hasEscapejs ? text : text.Insert(insertAt, "|escapejs")) + "\"}";
        return new CodeFix("Put the value in an escaped string: ${\"...|escapejs\"}", new[] { context.Edit(new TextSpan(span.Start, span.Length), rewritten) });
    }
}

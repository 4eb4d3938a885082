using DjangoLsp.Analysis.Engine;
using DjangoLsp.Templates.Syntax;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>DJ228: a value inside &lt;iframe srcdoc&gt;, which is parsed as HTML again after attribute decoding.</summary>
public sealed class SrcdocOutputRule : TemplateOutputRule
{
    public static readonly RuleDescriptor Rule = TemplateRuleSupport.Xss(
        "DJ228", "iframe-srcdoc-from-template-variable", Severity.Error, new[] { 79 },
        "A template variable inside <iframe srcdoc> is escaped only once; the attribute is decoded and parsed as HTML.",
        """
        ## What it does
        Reports `{{ value }}` inside an `<iframe srcdoc="...">` attribute unless it is HTML-escaped twice.

        ## Why it matters
        The browser first decodes the attribute value (turning `&lt;script&gt;` back into `<script>`) and then
        parses the result as a complete HTML document in the frame. Autoescaping only survives the first step, so
        the value's markup runs in a frame that, without `sandbox`, has the page's origin.

        ## Example
        ```html
        <iframe srcdoc="{{ preview_html }}"></iframe>
        ```

        ## Fix
        ```html
        <iframe sandbox srcdoc="{{ preview_text|force_escape|force_escape }}"></iframe>
        ```
        To render user HTML on purpose, sanitise it with an allow-list sanitiser and keep `sandbox` (without
        `allow-same-origin`), or serve it from another origin.

        ## References
        - Django: [force_escape](https://docs.djangoproject.com/en/stable/ref/templates/builtins/#force-escape)
        - [HTML standard: iframe srcdoc](https://html.spec.whatwg.org/multipage/iframe-embed-object.html#attr-iframe-srcdoc)
        - [OWASP XSS Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
        """,
        TemplateRuleSupport.AutoescapeDocs);

    public override RuleDescriptor Descriptor => Rule;

    internal override Finding? Check(TemplateRuleContext context, TemplateOutput output)
    {
        if (output.Context.Kind != OutputContextKind.Srcdoc || !OutputFacts.NeedsReview(output))
        {
            return null;
        }

        string what = OutputFacts.Display(output);
        var fix = output.Context.Quote == AttributeQuote.Unquoted
            ? null
            : TemplateFixes.AppendFilter(context, output, "|force_escape|force_escape", "Escape twice for srcdoc (|force_escape|force_escape)", safeForFixAll: false);
        return context.Report(Rule, output.Span,
            $"{what} is inside <iframe srcdoc>, which the browser decodes and then parses as HTML, undoing autoescaping. Escape it twice (|force_escape|force_escape) or sandbox sanitised HTML.",
            null, TemplateFixes.Some(fix));
    }
}

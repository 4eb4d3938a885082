using DjangoLsp.Analysis.Engine;
using DjangoLsp.Templates.Syntax;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>DJ226: |safe, |safeseq or {% autoescape off %} on a value that is not known to be safe HTML.</summary>
public sealed class MarkedSafeOutputRule : TemplateOutputRule
{
    public static readonly RuleDescriptor Rule = TemplateRuleSupport.Xss(
        "DJ226", "autoescape-bypassed", Severity.Warning, new[] { 79, 80 },
        "|safe, |safeseq or {% autoescape off %} prints a value without HTML escaping.",
        """
        ## What it does
        Reports outputs in HTML (element text, quoted attributes, `<title>`/`<textarea>`, HTML comments,
        `<script type="text/template">` bodies) that are not HTML-escaped because of `|safe`, `|safeseq`,
        `{% autoescape off %}` or `{% filter safe %}`.

        ## Why it matters
        Autoescaping is Django's main defence against XSS. `|safe` tells Django the value is already trusted HTML;
        when it is a review, a profile field or anything else a user typed, `<img src=x onerror=alert(1)>` in it
        runs in every visitor's browser. The template cannot tell where the value came from, so each bypass
        deserves a look: it is correct only when the HTML was built by your code with user parts escaped.

        ## Example
        ```html
        <div class="gift-message">{{ order.gift_message|safe }}</div>
        {% autoescape off %}{{ profile.bio }}{% endautoescape %}
        ```

        ## Fix
        ```html
        <div class="gift-message">{{ order.gift_message|linebreaksbr }}</div>
        ```
        When the view really produces HTML, build it with `format_html()` (which escapes its arguments) or
        `escape()` the user parts before `mark_safe`, and keep `|safe` out of templates; for rich text, sanitise
        with an allow-list HTML sanitiser in the view.

        ## Not reported
        Literals, numbers and values through filters that give a number; form `help_text` and admin fieldset
        descriptions (developer-written, documented as not escaped); `{% autoescape off %}` in a template that
        contains no HTML markup at all (a plain-text e-mail); `|escape`/`|force_escape` after `|safe`;
        filters that escape their input (`linebreaks`, `urlize`, `join`) while autoescaping is on.

        ## References
        - Django: [safe](https://docs.djangoproject.com/en/stable/ref/templates/builtins/#safe),
          [autoescape](https://docs.djangoproject.com/en/stable/ref/templates/builtins/#autoescape),
          [format_html](https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.html.format_html)
        - [OWASP XSS Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
        """,
        TemplateRuleSupport.SafeDocs);

    public override RuleDescriptor Descriptor => Rule;

    internal override Finding? Check(TemplateRuleContext context, TemplateOutput output)
    {
        var kind = output.Context.Kind;
        bool htmlLike = kind is OutputContextKind.HtmlText or OutputContextKind.Rcdata or OutputContextKind.HtmlComment
            or OutputContextKind.AttrDouble or OutputContextKind.AttrSingle or OutputContextKind.ScriptOther
            || kind == OutputContextKind.UrlRest && output.Context.Quote != AttributeQuote.Unquoted;
        if (!htmlLike || !OutputFacts.NeedsReview(output) || OutputFacts.UnescapedCause(output) is not { } cause)
        {
            return null;
        }

        // {% autoescape off %} in a template without any markup is a plain-text template (an e-mail body or subject).
        if (!output.Autoescape && !OutputFacts.HasOwnFilter(output, "safe") && !OutputFacts.HasOwnFilter(output, "safeseq") && !context.HasMarkup)
        {
            return null;
        }

        string what = OutputFacts.Display(output);
        string where = kind switch
        {
            OutputContextKind.HtmlComment => "in an HTML comment (--> in the value ends it)",
            OutputContextKind.Rcdata => $"in {OutputFacts.Element(output)} (its end tag in the value ends it)",
            OutputContextKind.ScriptOther => "in a <script> template block (</script> in the value ends it)",
            OutputContextKind.HtmlText => "in HTML",
            _ => $"in the {output.Context.AttributeName ?? "quoted"} attribute (a quote in the value ends it)",
        };
        var severity = kind == OutputContextKind.HtmlComment ? Severity.Information : (Severity?)null;
        string fixHint = output.Autoescape
            ? "If it can contain user input, drop the bypass and build the HTML in the view with format_html() or escape()."
            : "If it can contain user input, escape it (|escape) or end {% autoescape off %} before it; build HTML in the view with format_html().";
        CodeFix? fix = output.Autoescape
            ? TemplateFixes.RemoveFilter(context, output, "safe", "Remove |safe") ?? TemplateFixes.RemoveFilter(context, output, "safeseq", "Remove |safeseq")
            : TemplateFixes.AppendFilter(context, output, "|force_escape", "Escape the value (|force_escape)", safeForFixAll: false);
        return context.Report(Rule, output.Span, $"{what} is printed {where} and {cause}. {fixHint}", severity, TemplateFixes.Some(fix));
    }
}

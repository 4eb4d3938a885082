using DjangoLsp.Analysis.Engine;
using DjangoLsp.Templates.Syntax;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>DJ223: a value inside a style attribute or a &lt;style&gt; element (CSS injection).</summary>
public sealed class CssOutputRule : TemplateOutputRule
{
    public static readonly RuleDescriptor Rule = TemplateRuleSupport.Xss(
        "DJ223", "css-from-template-variable", Severity.Warning, new[] { 79 },
        "A template variable is printed into CSS (a style attribute or a <style> element).",
        """
        ## What it does
        Reports `{{ value }}` inside a `style="..."` attribute or a `<style>` element.

        ## Why it matters
        No Django filter escapes for CSS. Autoescaping stops a value from leaving the attribute or element, but
        inside it an attacker can end the declaration (`;`, `}`) and add their own: overlay the page with
        `position:fixed` content (UI redressing), load `url(https://evil/...)` to track visitors or, with attribute
        selectors, leak form values one character at a time. With `|safe` or `{% autoescape off %}` in a
        `<style>` element, `</style><script>...` is plain XSS.

        ## Example
        ```html
        <div style="background-color: {{ profile.theme_color }}">
        ```

        ## Fix
        Validate the value in the form or model (e.g. a `RegexValidator(r"^#[0-9a-fA-F]{6}$")`) and, in the
        template, choose from fixed values:
        ```html
        <div class="theme-{{ profile.theme }}">   {# theme is one of a fixed set of choices #}
        ```

        ## Not reported
        Literals, numbers and values through filters that give a number.

        ## References
        - [OWASP XSS Prevention Cheat Sheet, CSS contexts](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
        - Django: [automatic HTML escaping](https://docs.djangoproject.com/en/stable/ref/templates/language/#automatic-html-escaping)
        """,
        TemplateRuleSupport.AutoescapeDocs);

    public override RuleDescriptor Descriptor => Rule;

    internal override Finding? Check(TemplateRuleContext context, TemplateOutput output)
    {
        var ctx = output.Context;
        if (ctx.Kind is not (OutputContextKind.StyleAttr or OutputContextKind.Css) || !OutputFacts.NeedsReview(output))
        {
            return null;
        }

        string what = OutputFacts.Display(output);
        string where = ctx.Kind == OutputContextKind.Css ? "a <style> element" : "a style attribute";
        if (OutputFacts.UnescapedCause(output) is { } cause)
        {
            string breakout = ctx.Kind == OutputContextKind.Css ? "</style><script>" : "a quote";
            return context.Report(Rule, output.Span,
                $"{what} is inside {where} (CSS) and {cause}: {breakout} in the value leaves the CSS and adds markup. Remove |safe and validate the value in the view.",
                Severity.Error);
        }

        string quoting = ctx.Quote == AttributeQuote.Unquoted ? " The attribute is also unquoted, so a space ends it." : string.Empty;
        return context.Report(Rule, output.Span,
            $"{what} is inside {where} (CSS); autoescaping does not stop CSS injection (ending the declaration with ; or }}, url(...)). Validate the value in the view against a fixed pattern or choose from fixed values.{quoting}",
            ctx.Quote == AttributeQuote.Unquoted ? Severity.Error : null);
    }
}

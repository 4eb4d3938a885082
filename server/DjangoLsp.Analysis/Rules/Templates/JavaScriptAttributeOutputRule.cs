using DjangoLsp.Analysis.Engine;
using DjangoLsp.Templates.Syntax;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>DJ222: a value inside JavaScript that lives in an attribute: on* event handlers and javascript: URLs.</summary>
public sealed class JavaScriptAttributeOutputRule : TemplateOutputRule
{
    public static readonly RuleDescriptor Rule = TemplateRuleSupport.Xss(
        "DJ222", "js-attribute-from-template-variable", Severity.Error, new[] { 79, 83 },
        "A template variable inside an on* event-handler attribute or a javascript: URL is not escaped for JavaScript.",
        """
        ## What it does
        Reports `{{ value }}` inside an event-handler attribute (`onclick`, `onload`, `onerror`, ...) or after
        `javascript:` in a URL attribute, unless it is inside a quoted JavaScript string and passed through
        `|escapejs`.

        ## Why it matters
        The browser HTML-decodes an attribute value before it runs it as JavaScript. Autoescaping turns `'` into
        `&#x27;`, and the browser turns it back into `'` before the handler runs, so
        `onclick="share('{{ name }}')"` with the name `');alert(document.cookie);('` runs the attacker's code.
        `|escapejs` writes `\u0027` instead, which the HTML decoder leaves alone and JavaScript reads as a quote
        character inside the string. Outside a string (`onclick="remove({{ item }})"`) no filter helps.

        ## Example
        ```html
        <a href="#" onclick="shareProduct('{{ product.name }}')">Share</a>
        <button onclick="select({{ choice }})">Pick</button>
        ```

        ## Fix
        ```html
        <a href="#" onclick="shareProduct('{{ product.name|escapejs }}')">Share</a>
        <button data-choice="{{ choice }}" class="pick">Pick</button>
        <script>/* read this.dataset.choice in a listener */</script>
        ```
        Better still, attach listeners from a script file and read values from `data-` attributes, which plain
        autoescaping protects.

        ## Not reported
        Literals, numbers and ids (`pk`, `*_id`), values with `|escapejs` inside a quoted JavaScript string.

        ## References
        - Django: [escapejs](https://docs.djangoproject.com/en/stable/ref/templates/builtins/#escapejs)
        - [OWASP XSS Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
        """,
        TemplateRuleSupport.EscapejsDocs);

    public override RuleDescriptor Descriptor => Rule;

    internal override Finding? Check(TemplateRuleContext context, TemplateOutput output)
    {
        var ctx = output.Context;
        bool handler = ctx.Kind == OutputContextKind.EventHandler;
        bool jsUrl = ctx.Kind == OutputContextKind.UrlRest && ctx.IsJavascriptUrl;
        if (!handler && !jsUrl || !OutputFacts.NeedsReview(output))
        {
            return null;
        }

        string what = OutputFacts.Display(output);
        string attribute = ctx.AttributeName ?? "event handler";
        if (jsUrl)
        {
            return context.Report(Rule, output.Span,
                $"{what} is inside a javascript: URL in the {attribute} attribute; it runs as JavaScript after HTML and percent decoding, which undo autoescaping and |urlencode. Use a click handler in a script and pass the value in a data- attribute.");
        }

        if (ctx.Quote == AttributeQuote.Unquoted)
        {
            return context.Report(Rule, output.Span,
                $"{what} is inside the unquoted {attribute} attribute; a space ends the attribute and the rest of the value runs as JavaScript. Quote the attribute and put the value in a quoted JavaScript string with |escapejs.");
        }

        bool inString = ctx.JsState is OutputContextKind.JsStringDouble or OutputContextKind.JsStringSingle;
        if (inString)
        {
            return context.Report(Rule, output.Span,
                $"{what} is inside a JavaScript string in the {attribute} attribute; the browser decodes HTML entities before running it, so autoescaping does not protect it. Add |escapejs.",
                null, TemplateFixes.Some(TemplateFixes.AppendFilter(context, output, "|escapejs", "Add |escapejs")));
        }

        return context.Report(Rule, output.Span,
            $"{what} is JavaScript code in the {attribute} attribute; whatever it contains runs when the event fires, and autoescaping is undone by the browser's attribute decoding. Put the value in a data- attribute and read it from a script, or in a quoted string with |escapejs.");
    }
}

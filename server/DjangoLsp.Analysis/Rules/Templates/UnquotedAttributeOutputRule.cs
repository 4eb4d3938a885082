using DjangoLsp.Analysis.Engine;
using DjangoLsp.Templates.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>DJ224: a value in an unquoted attribute, or in a tag where attribute names go.</summary>
public sealed class UnquotedAttributeOutputRule : TemplateOutputRule
{
    public static readonly RuleDescriptor Rule = TemplateRuleSupport.Xss(
        "DJ224", "unquoted-attribute-value", Severity.Error, new[] { 79, 83 },
        "A template variable is an unquoted attribute value (or sits where attribute names go), so it can add attributes.",
        """
        ## What it does
        Reports `{{ value }}` in an unquoted attribute value (`<input value={{ q }}>`) and in a start tag where
        attribute names go (`<div {{ extra }}>`).

        ## Why it matters
        Autoescaping escapes `< > & ' "` but not spaces or `=`. Without quotes, a space ends the attribute, so
        `q = "x onfocus=alert(document.cookie) autofocus"` adds an event handler that runs as soon as the page
        loads. The same payload works where attribute names go.

        ## Example
        ```html
        <input type="search" name="q" value={{ q }}>
        ```

        ## Fix
        ```html
        <input type="search" name="q" value="{{ q }}">
        ```
        The quick fix adds the double quotes. Build attribute lists in Python with `django.forms.utils.flatatt` or
        `format_html` instead of printing them into a tag.

        ## Not reported
        Literals, numbers and ids, `|urlencode`d values, `{% url %}`/`{% static %}` paths, and variables whose
        name says they are a prepared attribute string (`attrs`, `class_attrib`).

        ## References
        - Django: [automatic HTML escaping](https://docs.djangoproject.com/en/stable/ref/templates/language/#automatic-html-escaping)
        - [OWASP XSS Prevention Cheat Sheet, rule #2](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
        """,
        TemplateRuleSupport.AutoescapeDocs);

    public override RuleDescriptor Descriptor => Rule;

    internal override Finding? Check(TemplateRuleContext context, TemplateOutput output)
    {
        var ctx = output.Context;
        bool unquoted = ctx.Quote == AttributeQuote.Unquoted && ctx.Kind is OutputContextKind.AttrUnquoted or OutputContextKind.UrlRest;
        bool attrName = ctx.Kind == OutputContextKind.AttrName;
        if (!unquoted && !attrName || !OutputFacts.NeedsReview(output))
        {
            return null;
        }

        if (output.Escaping.Value == OutputValueKind.UrlPath && output.Escaping.Encoding is OutputEncoding.Html or OutputEncoding.HtmlTwice)
        {
            return null;
        }

        string what = OutputFacts.Display(output);
        string element = OutputFacts.Element(output);
        if (attrName)
        {
            // attrs / class_attrib / html_attrs: attribute strings prepared in Python (flatatt, format_html).
            if (output.Expression?.Value is { Kind: TemplateValueKind.Variable } value && value.LookupParts[^1].Contains("attr", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (IsKeyOfAttributeDictionary(context, output))
            {
                return null;
            }

            return context.Report(Rule, output.Span,
                $"{what} is inside the {element} start tag where attribute names go; autoescaping does not escape spaces or =, so the value can add an attribute such as onmouseover=. Put it in a quoted attribute value, or build the attributes in Python with flatatt/format_html.",
                Severity.Warning);
        }

        string attribute = ctx.AttributeName ?? "attribute";
        return context.Report(Rule, output.Span,
            $"{what} is the unquoted value of the {attribute} attribute; autoescaping does not escape spaces, so the value can add attributes such as onfocus=. Quote the attribute value.",
            null, TemplateFixes.Some(QuoteFix(context, output)));
    }

    /// <summary>
    /// <c>{% for name, value in widget.attrs.items %} {{ name }}="{{ value }}"</c>: the keys of an attribute dictionary
    /// built in Python (widget attrs, as Django's own django/forms/widgets/attrs.html prints them) are attribute names
    /// by design, like the prepared <c>attrs</c> strings above.
    /// </summary>
    private static bool IsKeyOfAttributeDictionary(TemplateRuleContext context, TemplateOutput output)
    {
        if (output.Expression is not { Filters.Count: 0, Value: { Kind: TemplateValueKind.Variable } value } || value.LookupParts.Count != 1)
        {
            return false;
        }

        foreach (var block in context.EnclosingBlocks(output.Node))
        {
            if (block.Name != "for")
            {
                continue;
            }

            // for <key>, <value> in <dict>.items
            var bits = string.Join(" ", block.OpenTag.Syntax.Bits.Skip(1).Select(b => b.Text)).Replace(",", " , ");
            var words = bits.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int inAt = Array.IndexOf(words, "in");
            if (inAt == 3 && words[0] == value.LookupParts[0] && words[1] == "," && inAt + 1 < words.Length)
            {
                var iterable = words[inAt + 1].Split('.');
                return iterable.Length >= 2 && iterable[^1] == "items" && iterable[^2].Contains("attr", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    /// <summary>Adds double quotes around the whole unquoted value (or single quotes when the value has a double quote).</summary>
    private static CodeFix? QuoteFix(TemplateRuleContext context, TemplateOutput output)
    {
        string s = context.Source;
        int eq = output.Span.Start - 1;
        // Walk back over the literal part of the value (and template tokens) to the '='.
        while (eq >= 0 && s[eq] != '=')
        {
            if (char.IsWhiteSpace(s[eq]) || s[eq] is '>' or '<' or '"' or '\'')
            {
                if (!char.IsWhiteSpace(s[eq]))
                {
                    return null;
                }

                // Spaces are allowed only between '=' and the value.
                int k = eq;
                while (k >= 0 && char.IsWhiteSpace(s[k])) k--;
                if (k < 0 || s[k] != '=')
                {
                    return null;
                }

                eq = k;
                break;
            }

            eq--;
        }

        if (eq < 0)
        {
            return null;
        }

        int start = eq + 1;
        while (start < s.Length && char.IsWhiteSpace(s[start])) start++;
        int end = start;
        while (end < s.Length)
        {
            if (HtmlElementFinder.TemplateTokenEnd(s, end) is int after)
            {
                end = after;
                continue;
            }

            if (char.IsWhiteSpace(s[end]) || s[end] == '>')
            {
                break;
            }

            end++;
        }

        string value = s.Substring(start, end - start);
        char quote = value.Contains('"') ? (value.Contains('\'') ? '\0' : '\'') : '"';
        if (quote == '\0' || end <= start)
        {
            return null;
        }

        return new CodeFix("Quote the attribute value", new[]
        {
            context.Edit(new TextSpan(start, 0), quote.ToString()),
            context.Edit(new TextSpan(end, 0), quote.ToString()),
        });
    }
}

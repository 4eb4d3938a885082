using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Templates.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>
/// Hovers that explain the security contract of Django's escaping filters and tags (|safe, |escapejs,
/// |json_script, {% autoescape off %}, {% csrf_token %}, ...) wherever they appear, with or without a finding.
/// </summary>
internal static class TemplateSecurityHovers
{
    private static readonly Dictionary<string, string> Filters = new(StringComparer.Ordinal)
    {
        ["safe"] = """
            **|safe** marks the value as safe HTML: autoescaping is skipped and every `<`, `>`, `"` and `'` in it reaches the page as markup.

            Use it only on HTML your own code built with user parts escaped (`format_html`, `escape`). On anything a user typed it is cross-site scripting. `|safe` makes no value safe for JavaScript or CSS.
            """,
        ["safeseq"] = """
            **|safeseq** marks every item of a list as safe HTML (usually before `|join`): autoescaping is skipped for each item.

            Same contract as `|safe`: only for items your code built as HTML.
            """,
        ["escapejs"] = """
            **|escapejs** escapes the value for a JavaScript string literal: `\ ' " < > & = - ;`, the backtick, line terminators and control characters become `\uXXXX`.

            Safe inside a quoted string (`"{{ v|escapejs }}"` or `'{{ v|escapejs }}'`), including in event-handler attributes. Not safe outside quotes (JavaScript code), in a template literal's `${}` reach (`$` and `{` are not escaped) or for HTML: it does not replace autoescaping elsewhere.
            """,
        ["json_script"] = """
            **|json_script:"id"** prints `<script id="id" type="application/json">…</script>` with the value serialised as JSON and `<`, `>`, `&` escaped as `\uXXXX`, so the data cannot end the element.

            Put it in HTML text (not inside another `<script>` or an attribute) and read it with `JSON.parse(document.getElementById("id").textContent)`. Pass the Python value, not JSON text.
            """,
        ["escape"] = """
            **|escape** HTML-escapes the value unless it is already marked safe (then it does nothing); with autoescaping on it changes nothing. Use `|force_escape` to escape unconditionally. HTML escaping is not JavaScript or CSS escaping.
            """,
        ["force_escape"] = """
            **|force_escape** HTML-escapes the value immediately and unconditionally (twice if applied twice, as `<iframe srcdoc>` needs). HTML escaping is not JavaScript or CSS escaping.
            """,
        ["urlencode"] = """
            **|urlencode** percent-encodes the value for a URL part (`/` is kept unless you pass `urlencode:""`). It encodes `:`, so the value cannot choose a `javascript:` scheme, but it is not HTML escaping.
            """,
    };

    public static HoverContent? Get(AnalysisDocument document, int position, CancellationToken cancellationToken)
    {
        var analysis = document.GetTemplateAnalysis(cancellationToken);
        if (analysis.IsJinja2)
        {
            return null;
        }

        var tree = analysis.Tree;
        int index = tree.FindTokenIndex(position);
        if (index < 0)
        {
            return null;
        }

        var token = tree.Tokens[index];
        int start = tree.GetTokenStart(index);
        int relative = position - start;
        if (token.Kind == TemplateTokenKind.Variable && token.Expression is { } expression)
        {
            foreach (var filter in expression.Filters)
            {
                if (relative >= filter.NameSpan.Start && relative <= filter.NameSpan.End && Filters.TryGetValue(filter.Name, out var markdown))
                {
                    return new HoverContent(markdown.Trim(), new TextSpan(start + filter.NameSpan.Start, filter.NameSpan.Length));
                }
            }

            return null;
        }

        if (token.Kind == TemplateTokenKind.Tag && token.Tag is { } tag && relative >= 0 && relative <= token.Width)
        {
            var span = new TextSpan(start, token.Width);
            switch (tag.Name)
            {
                case "autoescape" when tag.HasBit("off"):
                    return new HoverContent("""
                        **{% autoescape off %}** turns HTML escaping off for every variable until `{% endautoescape %}`: each one is printed as markup.

                        Only for text templates (e-mails) or values all built as HTML by your code; any user-controlled variable inside is cross-site scripting. Prefer `|safe` on the single value that needs it, or `format_html` in the view.
                        """.Trim(), span);
                case "csrf_token":
                    return new HoverContent("""
                        **{% csrf_token %}** prints a hidden `csrfmiddlewaretoken` input with a per-session secret. `CsrfViewMiddleware` rejects POST, PUT, PATCH and DELETE requests without it, which stops other sites from submitting your forms for a signed-in user.

                        Put it inside every `<form method="post">` that posts to this site, and never in a form that posts to another site (the token would leak).
                        """.Trim(), span);
            }
        }

        return null;
    }
}

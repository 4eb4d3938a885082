using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Templates.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>DJ320: a <c>&lt;form method="post"&gt;</c> to this site without <c>{% csrf_token %}</c> inside it.</summary>
public sealed partial class PostFormWithoutCsrfTokenRule : IDocumentAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DJ320", "post-form-without-csrf-token", Severity.Warning, RuleCategory.Csrf,
        TemplateRuleSupport.CsrfOwasp2021, TemplateRuleSupport.CsrfOwasp2025, new[] { 352 },
        "A <form method=\"post\"> to this site has no {% csrf_token %}.",
        """
        ## What it does
        Reports `<form method="post">` start tags (any case and quoting) whose form contains no
        `{% csrf_token %}`, when the form posts to this site (no `action`, a relative action or `{% url %}`).

        ## Why it matters
        Django's `CsrfViewMiddleware` rejects a POST without the token with 403. A form without the token
        therefore either does not work or its view was made `@csrf_exempt` to "fix" that, and then any page the
        signed-in user visits can submit the form in their name (change their e-mail, place an order).

        ## Example
        ```html
        <form method="post">
          <input type="email" name="email">
        </form>
        ```

        ## Fix
        ```html
        <form method="post">
          {% csrf_token %}
          <input type="email" name="email">
        </form>
        ```
        The quick fix inserts the tag right after the form's start tag with the indentation of the next line.

        ## When CSRF protection is off project-wide
        If the project's settings (`DJANGO_SETTINGS_MODULE` of `manage.py`, with its star-import chain) have a
        `MIDDLEWARE` without `django.middleware.csrf.CsrfViewMiddleware`, no view checks any token and the root cause
        is the settings (DJ319, reported there). The form is then still reported, as *information*, with a message
        that says protection is off project-wide and the settings' `MIDDLEWARE` line as related information; the
        quick fix still inserts the token, which the form needs as soon as the middleware is added. Adding the
        middleware to the settings turns this back into the warning above (in the editor, as soon as the settings
        buffer changes).

        ## Not reported
        GET forms, forms whose action is an absolute URL to another site (they must *not* get the token: it
        would leak to that site), forms whose method or action is computed by a template variable, and forms
        that contain `{% include %}` or a tag from a loaded library (they may print the token).

        ## References
        - Django: [Cross Site Request Forgery protection](https://docs.djangoproject.com/en/stable/ref/csrf/)
        - [OWASP CSRF Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html)
        """,
        TemplateRuleSupport.CsrfDocs);

    public IReadOnlyList<RuleDescriptor> SupportedRules { get; } = new[] { Rule };

    public bool Supports(DocumentKind kind) => kind == DocumentKind.DjangoTemplate;

    public IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken)
    {
        var analysis = document.GetTemplateAnalysis(cancellationToken);
        if (analysis.IsJinja2)
        {
            return Array.Empty<Finding>();
        }

        string source = document.Text.ToString();
        ProjectCsrfProtection.Off? off = null;
        bool offLookedUp = false;
        var tags = analysis.Tree.Root.DescendantNodes().OfType<TemplateTagNode>().ToList();
        var findings = new List<Finding>();
        foreach (var form in HtmlForms.Find(source, analysis))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!PostsToThisSite(form.Tag) && !HasPostButton(source, form))
            {
                continue;
            }

            bool mayHaveToken = tags.Any(t => t.Position >= form.Tag.End && t.Position < form.BodyEnd
                && (t.Name == "csrf_token" || t.Name == "include" || !BuiltInTags.IsKnownTag(t.Name)));
            if (mayHaveToken)
            {
                continue;
            }

            if (!offLookedUp)
            {
                off = ProjectCsrfProtection.Find(document, context, cancellationToken);
                offLookedUp = true;
            }

            var span = TextSpan.FromBounds(form.Tag.Start, form.Tag.End);
            var fixes = new[] { InsertTokenFix(document, source, form.Tag) };
            findings.Add(off == null
                ? new Finding(Rule, document.Path, span,
                    "This <form method=\"post\"> has no {% csrf_token %}: Django rejects its submissions (403), and if its view is made @csrf_exempt any other site can submit it for a signed-in user. Add {% csrf_token %} inside the form.",
                    Rule.DefaultSeverity, Array.Empty<RelatedLocation>(), fixes)
                // The root cause is the settings: no view checks a token, so this form is forgeable whatever it contains.
                // Reported as information, so the settings finding (DJ319) leads; the token is still needed once the
                // middleware is added, hence the fix.
                : new Finding(Rule, document.Path, span,
                    "CSRF protection is off project-wide (no CsrfViewMiddleware in MIDDLEWARE, DJ319): any other site can submit this <form method=\"post\"> for a signed-in user. Add the middleware in the settings first; this form will then also need {% csrf_token %}.",
                    Severity.Information, new[] { off.Location }, fixes));
        }

        return findings;
    }

    private static bool PostsToThisSite(HtmlStartTag tag)
    {
        var method = tag.Get("method")?.Value;
        if (method == null || method.Contains('{') || !method.Trim().Equals("post", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return IsOwnAction(tag);
    }

    /// <summary>A GET form whose submit button says formmethod="post".</summary>
    private static bool HasPostButton(string source, HtmlForm form)
    {
        if (!IsOwnAction(form.Tag))
        {
            return false;
        }

        int i = form.Tag.End;
        while (i < form.BodyEnd)
        {
            int lt = source.IndexOf('<', i, form.BodyEnd - i);
            if (lt < 0)
            {
                break;
            }

            var tag = HtmlElementFinder.ParseStartTag(source, lt);
            if (tag is { Name: "button" or "input" } && tag.Get("formmethod")?.Value?.Trim().Equals("post", StringComparison.OrdinalIgnoreCase) == true
                && (tag.Get("formaction")?.Value is not { } action || IsOwnUrl(action)))
            {
                return true;
            }

            i = lt + 1;
        }

        return false;
    }

    private static bool IsOwnAction(HtmlStartTag tag) => tag.Get("action")?.Value is not { } action || IsOwnUrl(action);

    /// <summary>Relative URLs and {% url %} go to this site; absolute URLs and template variables may go elsewhere.</summary>
    private static bool IsOwnUrl(string action)
    {
        string a = action.Trim();
        if (a.StartsWith("{{", StringComparison.Ordinal))
        {
            return false;
        }

        if (a.StartsWith("{%", StringComparison.Ordinal))
        {
            return a.StartsWith("{% url ", StringComparison.Ordinal) || a.StartsWith("{%url ", StringComparison.Ordinal);
        }

        return !a.StartsWith("//", StringComparison.Ordinal) && !UrlScheme().IsMatch(a);
    }

    // Generated at build time: the static Regex.IsMatch parsed the pattern on first use and looked it up in the regex cache on every call.
    [System.Text.RegularExpressions.GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial System.Text.RegularExpressions.Regex UrlScheme();

    /// <summary>Inserts the token after the start tag, on its own line with the next line's indentation.</summary>
    private static CodeFix InsertTokenFix(AnalysisDocument document, string source, HtmlStartTag tag)
    {
        int at = tag.End;
        int lineEnd = source.IndexOf('\n', at);
        bool restOfLineBlank = source.AsSpan(at, (lineEnd < 0 ? source.Length : lineEnd) - at).Trim().Length == 0;
        string text;
        if (restOfLineBlank && lineEnd >= 0)
        {
            string newline = lineEnd > 0 && source[lineEnd - 1] == '\r' ? "\r\n" : "\n";
            int next = lineEnd + 1;
            int indentEnd = next;
            while (indentEnd < source.Length && source[indentEnd] is ' ' or '\t') indentEnd++;
            string indent = source.Substring(next, indentEnd - next);
            string formIndent = FormIndent(source, tag.Start);
            bool nextClosesForm = source.AsSpan(indentEnd).StartsWith("</form", StringComparison.OrdinalIgnoreCase);
            if (nextClosesForm || indent.Length <= formIndent.Length && indentEnd < source.Length && source[indentEnd] is not ('\r' or '\n'))
            {
                indent = formIndent + (formIndent.Contains('\t') ? "\t" : "  ");
            }

            text = newline + indent + "{% csrf_token %}";
            at = lineEnd > 0 && source[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        }
        else
        {
            text = "{% csrf_token %}";
        }

        return new CodeFix("Add {% csrf_token %}", new[] { new DocumentEdit(document.Path, new TextChange(new TextSpan(at, 0), text)) });
    }

    private static string FormIndent(string source, int start)
    {
        int lineStart = start == 0 ? 0 : source.LastIndexOf('\n', start - 1) + 1;
        int i = lineStart;
        while (i < start && source[i] is ' ' or '\t') i++;
        return source.Substring(lineStart, i - lineStart);
    }
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Templates.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Templates;

/// <summary>DJ321: <c>{% csrf_token %}</c> inside a form that posts to another site, which leaks the token there.</summary>
public sealed class CsrfTokenInExternalFormRule : IDocumentAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        "DJ321", "csrf-token-sent-to-other-site", Severity.Warning, RuleCategory.Csrf,
        TemplateRuleSupport.CsrfOwasp2021, TemplateRuleSupport.CsrfOwasp2025, new[] { 352, 201 },
        "{% csrf_token %} is inside a form whose action is an absolute URL on another site.",
        """
        ## What it does
        Reports `{% csrf_token %}` inside a `<form>` whose `action` is an absolute URL (`https://...`, `//host/...`).

        ## Why it matters
        The CSRF token is a per-visitor secret. A form that posts to another site (a payment provider, a
        newsletter service) sends the token along with the form fields, so that site, its logs and anyone who
        compromises it can read it and forge requests to your site as that visitor until the token rotates.
        Django's documentation: "This should not be done for POST forms that target external URLs, since that
        would cause the CSRF token to be leaked".

        ## Example
        ```html
        <form method="post" action="https://payments.example.com/checkout">
          {% csrf_token %}
          <input type="hidden" name="amount" value="{{ total }}">
        </form>
        ```

        ## Fix
        ```html
        <form method="post" action="https://payments.example.com/checkout">
          <input type="hidden" name="amount" value="{{ total }}">
        </form>
        ```
        The quick fix removes the tag. If the URL is really your own site, use a relative URL or `{% url %}`.

        ## References
        - Django: [How to use CSRF protection](https://docs.djangoproject.com/en/stable/howto/csrf/)
        - [OWASP CSRF Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html)
        """,
        "https://docs.djangoproject.com/en/stable/howto/csrf/");

    public IReadOnlyList<RuleDescriptor> SupportedRules { get; } = new[] { Rule };

    public bool Supports(DocumentKind kind) => kind == DocumentKind.DjangoTemplate;

    public IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken)
    {
        // The tag's name is in the text of every {% csrf_token %}: most templates have none, and no tree walk is needed.
        string source = document.GetTextString();
        if (!source.Contains("csrf_token", StringComparison.Ordinal))
        {
            return Array.Empty<Finding>();
        }

        var analysis = document.GetTemplateAnalysis(cancellationToken);
        if (analysis.IsJinja2)
        {
            return Array.Empty<Finding>();
        }

        var tokens = analysis.Tree.Root.DescendantNodes().OfType<TemplateTagNode>().Where(t => t.Name == "csrf_token").ToList();
        if (tokens.Count == 0)
        {
            return Array.Empty<Finding>();
        }

        var findings = new List<Finding>();
        foreach (var form in HtmlForms.Find(source, analysis))
        {
            if (form.Tag.Get("action")?.Value is not { } action || !IsOtherSite(action))
            {
                continue;
            }

            foreach (var token in tokens.Where(t => t.Position >= form.Tag.End && t.Position < form.BodyEnd))
            {
                findings.Add(new Finding(Rule, document.Path, token.FullSpan,
                    $"{{% csrf_token %}} is inside a form that posts to {action.Trim()}; the token would be sent to that site. Remove it (other sites must not get your CSRF token).",
                    Rule.DefaultSeverity, Array.Empty<RelatedLocation>(), new[] { RemoveFix(document, source, token) }));
            }
        }

        return findings;
    }

    private static bool IsOtherSite(string action)
    {
        string a = action.Trim();
        return a.StartsWith("//", StringComparison.Ordinal) || a.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || a.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Removes the tag, and its whole line when nothing else is on it.</summary>
    private static CodeFix RemoveFix(AnalysisDocument document, string source, TemplateTagNode token)
    {
        var span = token.FullSpan;
        int lineStart = span.Start == 0 ? 0 : source.LastIndexOf('\n', span.Start - 1) + 1;
        int lineEnd = source.IndexOf('\n', span.End);
        bool alone = source.AsSpan(lineStart, span.Start - lineStart).Trim().Length == 0
            && source.AsSpan(span.End, (lineEnd < 0 ? source.Length : lineEnd) - span.End).Trim().Length == 0;
        var remove = alone && lineEnd >= 0 ? TextSpan.FromBounds(lineStart, lineEnd + 1) : span;
        return new CodeFix("Remove {% csrf_token %}", new[] { new DocumentEdit(document.Path, new TextChange(remove, string.Empty)) });
    }
}

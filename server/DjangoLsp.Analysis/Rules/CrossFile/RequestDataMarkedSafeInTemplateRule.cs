using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Rules.CrossFile;

/// <summary>DJ229: request data passed by a view in the context is printed with |safe (or under autoescape off).</summary>
public static class RequestDataMarkedSafeInTemplateRule
{
    public static readonly RuleDescriptor Rule = new(
        "DJ229", "request-data-unescaped-in-template", Severity.Error, RuleCategory.XssTemplate,
        new[] { "A03:2021" }, new[] { "A05:2025" }, new[] { 79 },
        "A template prints a context value that its view took from request data, with |safe or under {% autoescape off %}.",
        """
        ## What it does
        Follows each view that renders this template (found through the project's URLconf and template directories):
        when a context key's value comes from request data (taint analysis of the view) and the template prints that key
        with `|safe`/`|safeseq` or inside `{% autoescape off %}`, the output is reported in the template with the trace
        through the view as related information.

        ## Why it matters
        The attacker's text reaches the page unescaped: reflected or stored cross-site scripting (CWE-79).

        ## Example
        ```python
        return render(request, "search.html", {"q": request.GET.get("q", "")})
        ```
        ```django
        You searched for {{ q|safe }}
        ```

        ## Fixed
        Drop `|safe` (autoescaping is on by default), or sanitize in the view with a real HTML sanitizer.

        ## References
        - [OWASP Cross Site Scripting Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
        - [Django's automatic HTML escaping](https://docs.djangoproject.com/en/stable/ref/templates/language/#automatic-html-escaping)
        """,
        "https://docs.djangoproject.com/en/stable/ref/templates/language/#automatic-html-escaping");
}

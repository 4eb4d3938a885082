using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Rules.CrossFile;

/// <summary>DJ230: a mark_safe(...) value from the view is printed inside a &lt;script&gt; (JavaScript) context.</summary>
public static class MarkSafeValueInScriptRule
{
    public static readonly RuleDescriptor Rule = new(
        "DJ230", "mark-safe-context-value-in-script", Severity.Warning, RuleCategory.XssTemplate,
        new[] { "A03:2021" }, new[] { "A05:2025" }, new[] { 79 },
        "A view passes mark_safe(...) in the context and the template prints it inside JavaScript.",
        """
        ## What it does
        Reports a template output in a `<script>` block or event-handler attribute whose context value was wrapped in
        `mark_safe(...)` by a view that renders this template. The view is given as related information.

        ## Why it matters
        `mark_safe` switches off HTML escaping, which would not protect JavaScript anyway; any quote or `</script>` in the
        value ends the script context and lets data run as code (CWE-79).

        ## Example
        ```python
        return render(request, "page.html", {"config": mark_safe(json.dumps(data))})
        ```
        ```django
        <script>var config = {{ config }};</script>
        ```

        ## Fixed
        Pass the plain data and use `{{ data|json_script:"config" }}` with `JSON.parse(document.getElementById("config").textContent)`.

        ## References
        - [OWASP Cross Site Scripting Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
        - [json_script](https://docs.djangoproject.com/en/stable/ref/templates/builtins/#json-script)
        """,
        "https://docs.djangoproject.com/en/stable/ref/templates/builtins/#json-script");
}

using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Rules.Csrf;

/// <summary>DJ330: <c>@xframe_options_exempt</c> lets any site frame the view (clickjacking).</summary>
public static class XFrameOptionsExemptRule
{
    public static readonly RuleDescriptor Rule = new(
        "DJ330", "xframe-options-exempt", Severity.Warning, RuleCategory.Clickjacking,
        new[] { "A04:2021", "A05:2021" }, new[] { "A06:2025", "A02:2025" }, new[] { 1021 },
        "@xframe_options_exempt removes the X-Frame-Options header, so any site can frame the view.",
        """
        ## What it does
        Reports `xframe_options_exempt` (from `django.views.decorators.clickjacking`) on a view, including through
        `method_decorator`. The message says whether the view changes state, which makes framing exploitable.

        ## Why it matters
        Without `X-Frame-Options` (and without CSP `frame-ancestors`) an attacker's page can load the view in an invisible
        iframe and trick a signed-in user into clicking its buttons: confirm a checkout, change settings, delete data.

        ## Example
        ```python
        @login_required
        @xframe_options_exempt
        def checkout(request):
            ...
        ```

        ## Fix
        Keep the header; if partners must embed a page, allow exactly them with CSP `frame-ancestors` on that page, or use
        `@xframe_options_sameorigin` when only the site itself frames it.
        ```python
        @login_required
        def checkout(request):
            ...
        ```

        ## References
        - [Clickjacking protection](https://docs.djangoproject.com/en/stable/ref/clickjacking/)
        - [OWASP Clickjacking Defense Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Clickjacking_Defense_Cheat_Sheet.html)
        """,
        "https://docs.djangoproject.com/en/stable/ref/clickjacking/");
}

using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Rules.Csrf;

/// <summary>DJ310: <c>@csrf_exempt</c> on a view that changes state.</summary>
public static class CsrfExemptStateChangingRule
{
    public static readonly RuleDescriptor Rule = new(
        "DJ310", "csrf-exempt-state-changing-view", Severity.Warning, RuleCategory.Csrf,
        new[] { "A01:2021" }, new[] { "A01:2025" }, new[] { 352 },
        "@csrf_exempt (or method_decorator(csrf_exempt)) on a view that handles POST or writes data.",
        """
        ## What it does
        Reports `csrf_exempt` applied to a view that changes state: it handles POST/PUT/PATCH/DELETE, reads
        `request.POST`/`request.body`, calls `.save()`, `.delete()`, `.update()`, `.create()`, or (class-based views) defines
        `post`/`put`/`patch`/`delete`. The decorator, `method_decorator(csrf_exempt, name="dispatch")` and
        `csrf_exempt(view)` in a URLconf are all recognised when `csrf_exempt` is imported from `django.views.decorators.csrf`.

        ## Why it matters
        Without the CSRF check any web page the victim visits can submit a form to this view with the victim's cookies:
        change the account e-mail (then reset the password), place orders, delete data.

        ## Example
        ```python
        @csrf_exempt
        @login_required
        def change_email(request):
            if request.method == "POST":
                request.user.email = request.POST["email"]
                request.user.save()
        ```

        ## Fix
        Remove the decorator and send the token: `{% csrf_token %}` in forms, the `X-CSRFToken` header from JavaScript.
        Endpoints for other servers (webhooks) should authenticate each request with a signature instead of cookies and
        then may stay exempt — suppress the finding there with a comment explaining why.
        ```python
        @login_required
        @require_POST
        def change_email(request):
            ...
        ```

        ## References
        - [Cross Site Request Forgery protection](https://docs.djangoproject.com/en/stable/ref/csrf/)
        - [How to use CSRF protection](https://docs.djangoproject.com/en/stable/howto/csrf/)
        - [OWASP CSRF Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html)
        """,
        "https://docs.djangoproject.com/en/stable/ref/csrf/");
}

using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Rules.AccessControl;

/// <summary>DJ704: A login or password-reset view has no throttling or lockout in sight.</summary>
public static class LoginWithoutThrottlingRule
{
    public static readonly RuleDescriptor Rule = new(
        "DJ704", "login-without-throttling", Severity.Information, RuleCategory.AccessControl,
        new[] { "A07:2021" }, new[] { "A07:2025" }, new[] { 307 },
        "A login or password-reset view has no throttling or lockout in sight.",
        """
        ## What it does
        Reports `LoginView`/`PasswordResetView` subclasses and functions that call `authenticate(` when the project shows
        no throttling: django-axes not in INSTALLED_APPS, no `@ratelimit`, no DRF `throttle_classes` or
        `DEFAULT_THROTTLE_CLASSES`.

        ## Why it matters
        Unlimited guesses allow password brute force and credential stuffing (CWE-307).

        ## Example
        ```python
        def login_view(request):
            user = authenticate(request, username=request.POST["u"], password=request.POST["p"])
        ```

        ## Fix
        Add django-axes (lockout) or django-ratelimit (`@ratelimit(key="ip", rate="5/m")`), or DRF throttles for API logins.

        ## References
        - [django-axes](https://django-axes.readthedocs.io/)
        - [OWASP Authentication Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#login-throttling)
        """,
        "https://docs.djangoproject.com/en/stable/topics/auth/default/#limiting-access-to-logged-in-users");
}

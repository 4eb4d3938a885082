using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Rules.AccessControl;

/// <summary>DJ701: A routed view that changes state (POST handling or database writes) has no authentication or permission check.</summary>
public static class UnauthenticatedStateChangingViewRule
{
    public static readonly RuleDescriptor Rule = new(
        "DJ701", "unauthenticated-state-changing-view", Severity.Warning, RuleCategory.AccessControl,
        new[] { "A01:2021" }, new[] { "A01:2025" }, new[] { 862, 284 },
        "A routed view that changes state (POST handling or database writes) has no authentication or permission check.",
        """
        ## What it does
        Reports a view reachable through the URLconf that handles POST/PUT/PATCH/DELETE or writes to the database
        (`.save()`, `.delete()`, `.update()`, `.create()`, ...) while nothing restricts who may call it: no
        `login_required`, `permission_required`, `user_passes_test`, `staff_member_required`, no `LoginRequiredMixin`,
        `PermissionRequiredMixin` or `UserPassesTestMixin`, no non-AllowAny DRF `permission_classes` (or
        `DEFAULT_PERMISSION_CLASSES`), no `request.user.is_authenticated` check and no `LoginRequiredMiddleware`.
        Views only reachable through the admin, views not routed, and login/signup/password-reset views are not reported.

        ## Why it matters
        Anyone on the internet can change or delete data through the view (CWE-862, missing authorization).

        ## Example
        ```python
        def delete_review(request, pk):
            review = get_object_or_404(Review, pk=pk)
            if request.method == "POST":
                review.delete()
        ```

        ## Fix
        Decorate with `@login_required` (and check ownership), or `@permission_required(...)`/`@staff_member_required`.

        ## References
        - [Limiting access to logged-in users](https://docs.djangoproject.com/en/stable/topics/auth/default/#limiting-access-to-logged-in-users)
        - [OWASP A01 Broken Access Control](https://owasp.org/Top10/A01_2021-Broken_Access_Control/)
        """,
        "https://docs.djangoproject.com/en/stable/topics/auth/default/#limiting-access-to-logged-in-users");
}

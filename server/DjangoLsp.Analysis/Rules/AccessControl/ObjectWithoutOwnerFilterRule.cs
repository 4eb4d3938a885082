using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Rules.AccessControl;

/// <summary>DJ702: An object of a user-owned model is fetched by id without filtering by request.user (IDOR).</summary>
public static class ObjectWithoutOwnerFilterRule
{
    public static readonly RuleDescriptor Rule = new(
        "DJ702", "object-fetched-without-owner-filter", Severity.Warning, RuleCategory.AccessControl,
        new[] { "A01:2021" }, new[] { "A01:2025" }, new[] { 639, 285 },
        "An object of a user-owned model is fetched by id without filtering by request.user (IDOR).",
        """
        ## What it does
        Reports `get_object_or_404(Model, pk=...)`, `Model.objects.get(pk=/id=...)` and DRF `queryset = Model.objects.all()`
        (without a `get_queryset` override) in views when the model (read from the app's models.py) has an owner-like
        ForeignKey to the user model (`user`, `owner`, `customer`, `author`, `created_by`, ...) and the lookup does not filter
        on `request.user`. Staff-only views are not reported.

        ## Why it matters
        Any signed-in user can read or change another user's rows by changing the id in the URL (insecure direct object
        reference, CWE-639).

        ## Example
        ```python
        order = get_object_or_404(Order, pk=pk)
        ```

        ## Fix
        ```python
        order = get_object_or_404(Order, pk=pk, user=request.user)
        # or: request.user.orders.get(pk=pk)
        ```

        ## References
        - [OWASP IDOR prevention](https://cheatsheetseries.owasp.org/cheatsheets/Insecure_Direct_Object_Reference_Prevention_Cheat_Sheet.html)
        """,
        "https://docs.djangoproject.com/en/stable/topics/auth/default/#limiting-access-to-logged-in-users");
}

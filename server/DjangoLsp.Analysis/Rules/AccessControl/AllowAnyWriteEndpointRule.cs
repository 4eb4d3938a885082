using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Rules.AccessControl;

/// <summary>DJ703: A DRF endpoint that creates, updates or deletes data uses AllowAny.</summary>
public static class AllowAnyWriteEndpointRule
{
    public static readonly RuleDescriptor Rule = new(
        "DJ703", "allow-any-on-write-endpoint", Severity.Warning, RuleCategory.AccessControl,
        new[] { "A01:2021" }, new[] { "A01:2025" }, new[] { 306, 862 },
        "A DRF endpoint that creates, updates or deletes data uses AllowAny.",
        """
        ## What it does
        Reports `permission_classes = [AllowAny]` / `@permission_classes([AllowAny])` on DRF views and viewsets that write:
        `post`/`put`/`patch`/`delete`/`create`/`update`/`destroy` methods, writable viewset bases, `@api_view(["POST"])`
        or database writes in the body.

        ## Why it matters
        Anyone, without credentials, can change data through the endpoint (CWE-306).

        ## Example
        ```python
        @api_view(["POST"])
        @permission_classes([permissions.AllowAny])
        def warehouse_delivery(request): ...
        ```

        ## Fix
        Use `IsAuthenticated`, `IsAdminUser` or a custom permission; authenticate machine clients with a token or signature.

        ## References
        - [DRF permissions](https://www.django-rest-framework.org/api-guide/permissions/)
        """,
        "https://docs.djangoproject.com/en/stable/topics/auth/default/#limiting-access-to-logged-in-users");
}

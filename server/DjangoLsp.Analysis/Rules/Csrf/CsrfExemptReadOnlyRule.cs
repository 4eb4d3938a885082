using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Rules.Csrf;

/// <summary>DJ311: <c>@csrf_exempt</c> on a view that only reads (information: review it).</summary>
public static class CsrfExemptReadOnlyRule
{
    public static readonly RuleDescriptor Rule = new(
        "DJ311", "csrf-exempt-read-only-view", Severity.Information, RuleCategory.Csrf,
        new[] { "A01:2021" }, new[] { "A01:2025" }, new[] { 352 },
        "@csrf_exempt on a view that does not visibly change state (only GET handling seen).",
        """
        ## What it does
        Reports `csrf_exempt` on a view in which DjangoLsp sees no state change (no POST handling, no writes), or on a view
        passed to `csrf_exempt(...)` whose code it cannot see. It is information: the exemption is useless for a read-only
        view and dangerous as soon as someone adds POST handling.

        ## Why it matters
        CSRF protection only matters for unsafe methods, so a GET-only view gains nothing from the exemption; but the
        decorator stays when the view grows a form, and then it is a CSRF hole (see DJ310).

        ## Example
        ```python
        @csrf_exempt
        def product_feed(request):
            return JsonResponse(list(Product.objects.values("id", "name")), safe=False)
        ```

        ## Fix
        ```python
        @require_GET
        def product_feed(request):
            ...
        ```

        ## References
        - [Cross Site Request Forgery protection](https://docs.djangoproject.com/en/stable/ref/csrf/)
        """,
        "https://docs.djangoproject.com/en/stable/ref/csrf/");
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;
using static DjangoLsp.Analysis.Rules.Settings.SettingsRuleDescriptors;

namespace DjangoLsp.Analysis.Rules.Settings;

/// <summary>DJ312 · security.E101: the <c>CSRF_FAILURE_VIEW</c> function cannot be called as <c>view(request, reason=...)</c>.</summary>
public sealed class CsrfFailureViewSignatureRule : ISettingsRule
{
    public static readonly RuleDescriptor Rule = Create("DJ312", "csrf-failure-view-signature", Severity.Error, new[] { 352, 628 },
        "The CSRF_FAILURE_VIEW function does not take (request, reason) (security.E101).",
        SettingsDocs.Build(
            "Finds the `def` that `CSRF_FAILURE_VIEW` names in the project and reports it when Django's call `view(request, reason=reason)` would not bind to its parameters — like Django's check, which tries `inspect.signature(view).bind(None, reason=None)`. Views behind decorators other than Django's own view decorators, classes and names bound by assignment or import are not judged.",
            "Django calls the view only when it rejects a forged or stale request. With the wrong signature that call raises `TypeError`: every CSRF rejection becomes a 500 error, users lose the explanation, and the failure hides until an attack or an expired token triggers it in production.",
            "# shop/views.py\ndef csrf_failure(request):\n    return render(request, \"403_csrf.html\", status=403)",
            "# shop/views.py\ndef csrf_failure(request, reason=\"\"):\n    return render(request, \"403_csrf.html\", status=403)",
            new[] { "security.E101" }, "csrf-failure-view",
            "[Customising the CSRF failure view](https://docs.djangoproject.com/en/stable/ref/csrf/#rejected-requests)",
            note: "The quick fix adds a `reason=\"\"` parameter to a view that takes only the request."),
        "csrf-failure-view", category: RuleCategory.Csrf, owasp2021: new[] { "A05:2021" }, owasp2025: new[] { "A02:2025" });

    /// <summary>Django's view decorators keep the signature (functools.wraps), so the wrapped def can still be judged.</summary>
    private static readonly HashSet<string> SignatureKeepingDecorators = new(StringComparer.Ordinal)
    {
        "requires_csrf_token", "csrf_exempt", "csrf_protect", "ensure_csrf_cookie", "never_cache", "xframe_options_exempt",
        "xframe_options_deny", "xframe_options_sameorigin", "sensitive_post_parameters",
    };

    public IReadOnlyList<RuleDescriptor> Rules { get; } = new[] { Rule };

    public IEnumerable<SettingsProblem> Check(SettingsCheckContext context)
    {
        if (CsrfFailureView.Resolve(context) is not CsrfFailureView.Function view) yield break;
        var definition = view.Definition;
        if (!definition.Decorators.All(d => SignatureKeepingDecorators.Contains(DecoratorName(d.Expression)))) yield break;
        if (AcceptsRequestAndReason(definition.Parameters)) yield break;
        var line = context.Document(view.File) is { } doc ? doc.Text.Lines.GetLineFromPosition(definition.NameToken.Span.Start).LineNumber + 1 : 0;
        yield return context.At(CsrfFailureView.Setting, Rule, "security.E101",
            $"The CSRF failure view '{view.Path}' ({Path.GetFileName(view.File)}:{line}) does not take (request, reason): Django calls it as view(request, reason=reason) (security.E101).",
            AddReasonFix(definition, view.File));
    }

    private static string DecoratorName(ExpressionSyntax expression) => expression switch
    {
        NameExpressionSyntax name => name.Name,
        AttributeExpressionSyntax attribute => attribute.Name,
        CallExpressionSyntax call => DecoratorName(call.Expression),
        _ => "",
    };

    /// <summary>Python's binding of one positional argument and the keyword <c>reason</c> (inspect.Signature.bind).</summary>
    internal static bool AcceptsRequestAndReason(ParameterListSyntax parameters)
    {
        var positionalTaken = false;
        var reasonTaken = false;
        var keywordOnly = false;
        var positionalOnly = parameters.Items.Any(i => i is PositionalOnlySeparatorSyntax);
        foreach (var item in parameters.Items)
        {
            if (item is PositionalOnlySeparatorSyntax)
            {
                positionalOnly = false;
                continue;
            }
            if (item is not ParameterSyntax parameter) continue;
            var star = parameter.StarToken?.Text;
            var name = parameter.NameToken?.Text;
            if (star == "**")
            {
                reasonTaken = true;
                continue;
            }
            if (star == "*")
            {
                if (name != null) positionalTaken = true; // *args takes the request; a bare * takes nothing
                keywordOnly = true;
                continue;
            }
            if (!keywordOnly && !positionalTaken)
            {
                positionalTaken = true; // the request
                continue;
            }
            if (name == "reason" && !positionalOnly && !reasonTaken)
            {
                reasonTaken = true;
                continue;
            }
            if (parameter.Default == null) return false; // a required parameter Django does not pass
        }
        return positionalTaken && reasonTaken;
    }

    /// <summary>For <c>def view(request)</c>: adds <c>reason=""</c> after the request parameter.</summary>
    private static IReadOnlyList<CodeFix> AddReasonFix(FunctionDefinitionSyntax definition, string file)
    {
        var items = definition.Parameters.Items;
        if (items.Count != 1 || items[0] is not ParameterSyntax { StarToken: null, NameToken: not null } request) return Array.Empty<CodeFix>();
        var edit = new DocumentEdit(file, new TextChange(new TextSpan(request.Span.End, 0), ", reason=\"\""));
        return new[] { new CodeFix($"Add a 'reason' parameter to {definition.Name}", new[] { edit }) };
    }
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>DJ302: is_safe_url was removed in Django 4.0; rename to url_has_allowed_host_and_scheme.</summary>
public sealed class IsSafeUrlRemovedRule : PythonRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DJ302", "is-safe-url-removed", Severity.Warning, RuleCategory.OpenRedirect,
        new[] { "A06:2021", "A01:2021" }, new[] { "A01:2025" }, new[] { 601, 477 },
        "is_safe_url was removed in Django 4.0; use url_has_allowed_host_and_scheme.",
        RuleDocs.Build(
            "Finds calls to `django.utils.http.is_safe_url`, deprecated in Django 3.0 and removed in 4.0.",
            "On Django 4.0+ the import fails: the view crashes, or a `try/except ImportError` fallback silently removes the redirect check. The new name also makes the `allowed_hosts` contract explicit.",
            """
            from django.utils.http import is_safe_url
            if not is_safe_url(target, host=request.get_host()):
                target = "/"
            """,
            """
            from django.utils.http import url_has_allowed_host_and_scheme
            if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
                target = "/"
            """,
            "[Django 3.0 release notes: is_safe_url renamed](https://docs.djangoproject.com/en/stable/releases/3.0/#features-deprecated-in-3-0)",
            RuleDocs.OwaspCheatSheetRedirect),
        "https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.http.url_has_allowed_host_and_scheme");

    public IsSafeUrlRemovedRule() : base(Descriptor)
    {
    }

    private const string NewName = "url_has_allowed_host_and_scheme";

    private static readonly KeywordGroup Words = SourceKeywords.Register("is_safe_url");

    protected override KeywordGroup Prefilter => Words;

    protected internal override Finding? AnalyzeCall(CallExpressionSyntax call, RuleContext context)
    {
        if (context.Semantics.GetCalleeName(call) is not ("django.utils.http.is_safe_url")) return null;
        var edits = new List<TextChange>();
        var callee = call.Expression.Unparenthesize();
        var nameToken = callee switch
        {
            NameExpressionSyntax n => n.Identifier,
            AttributeExpressionSyntax a => a.NameToken,
            _ => null,
        };
        if (nameToken == null) return null;
        var aliased = false;
        if (callee is NameExpressionSyntax name)
        {
            var binding = context.Semantics.GetReachingBinding(name);
            if (binding?.Node is ImportAliasSyntax alias)
            {
                if (alias.AliasToken is { IsMissing: false }) aliased = true;
                else edits.Add(new TextChange(alias.Name.Span, NewName));
            }
        }
        if (!aliased) edits.Add(new TextChange(nameToken.Span, NewName));
        var host = call.GetKeywordArgument("host");
        if (host != null) edits.Add(new TextChange(host.Span, "allowed_hosts={" + host.Expression + "}"));
        var callsInFile = context.Semantics.Tree.Root.DescendantNodes().OfType<CallExpressionSyntax>()
            .Count(c => context.Semantics.GetCalleeName(c) == "django.utils.http.is_safe_url");
        var fix = new CodeFix("Rename to url_has_allowed_host_and_scheme",
            edits.OrderBy(e => e.Span.Start).Select(e => new DocumentEdit(context.Document.Path, e)).ToList(), SafeForFixAll: callsInFile == 1);
        return Report(context, callee, "is_safe_url() was removed in Django 4.0 (ImportError); use url_has_allowed_host_and_scheme().", Severity.Warning,
            fixes: new[] { fix });
    }
}

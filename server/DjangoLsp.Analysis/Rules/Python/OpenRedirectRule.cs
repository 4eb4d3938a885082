using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Analysis.Taint;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>DJ301: redirect to a URL from the request that url_has_allowed_host_and_scheme did not check.</summary>
public sealed class OpenRedirectRule : TaintSinkRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DJ301", "open-redirect", Severity.Error, RuleCategory.OpenRedirect,
        new[] { "A01:2021" }, new[] { "A01:2025" }, new[] { 601 },
        "redirect()/HttpResponseRedirect to a URL from the request without url_has_allowed_host_and_scheme.",
        RuleDocs.Build(
            "Finds `redirect()`, `HttpResponseRedirect`, `HttpResponsePermanentRedirect` and `RedirectView.get_redirect_url()` whose target comes from the request and is not checked by `url_has_allowed_host_and_scheme` on the path that reaches the redirect.",
            "A link to your site that bounces to `https://evil.example/login` is a perfect phishing tool: the victim sees your domain in the link. `//evil.example` and `https:evil.example` are absolute URLs too, so checking for a leading `/` is not enough.",
            """
            def logout_view(request):
                logout(request)
                return redirect(request.GET.get("next", "/"))
            """,
            """
            def logout_view(request):
                logout(request)
                next_url = request.GET.get("next", "/")
                if not url_has_allowed_host_and_scheme(url=next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
                    next_url = "/"
                return redirect(next_url)
            """,
            "[Django: url_has_allowed_host_and_scheme](https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.http.url_has_allowed_host_and_scheme)",
            RuleDocs.OwaspCheatSheetRedirect,
            "[CWE-601](https://cwe.mitre.org/data/definitions/601.html)"),
        "https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.http.url_has_allowed_host_and_scheme");

    public OpenRedirectRule() : base(Descriptor)
    {
    }

    protected override IReadOnlyDictionary<string, (int Position, string? Keyword)> Sinks { get; } = new Dictionary<string, (int, string?)>
    {
        ["django.shortcuts.redirect"] = (0, "to"),
        ["django.http.HttpResponseRedirect"] = (0, "redirect_to"),
        ["django.http.HttpResponsePermanentRedirect"] = (0, "redirect_to"),
        ["django.http.response.HttpResponseRedirect"] = (0, "redirect_to"),
        ["django.http.response.HttpResponsePermanentRedirect"] = (0, "redirect_to"),
    };

    protected override SinkKind Kind => SinkKind.Redirect;
    protected override string[] Keywords => new[] { "redirect", "Redirect" };

    protected override string Message(string api, TaintValue taint) =>
        $"{api} redirects to {Describe(taint, SinkKind.Redirect)} that url_has_allowed_host_and_scheme did not check (open redirect).";

    public override IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken)
    {
        foreach (var finding in base.Analyze(document, context, cancellationToken)) yield return finding;
        if (!document.GetTextString().Contains("get_redirect_url", StringComparison.Ordinal)) yield break;
        var taint = TaintWorkspace.ModelFor(document, context, cancellationToken);
        var ruleContext = new RuleContext(document, taint, cancellationToken);
        foreach (var function in taint.Semantics.Functions.Where(f => f.Name == "get_redirect_url"))
        {
            foreach (var @return in function.Body.DescendantNodes(n => n is not (FunctionDefinitionSyntax or LambdaExpressionSyntax)).OfType<ReturnStatementSyntax>())
            {
                if (@return.Value == null || taint.Semantics.IsConstant(@return.Value)) continue;
                var value = taint.Evaluate(@return.Value, cancellationToken);
                if (value.OriginFor(SinkKind.Redirect) == TaintOrigin.Request)
                    yield return Report(ruleContext, @return.Value, Message("RedirectView.get_redirect_url()", value), Severity.Error, value);
            }
        }
    }

    /// <summary>Inserts the url_has_allowed_host_and_scheme guard (and its import) before the redirecting statement.</summary>
    protected override IReadOnlyList<CodeFix> Fixes(CallExpressionSyntax call, ExpressionSyntax argument, RuleContext context)
    {
        var text = context.Document.Text;
        var statement = call.Ancestors().OfType<SimpleStatementSyntax>().FirstOrDefault();
        if (statement == null) return Array.Empty<CodeFix>();
        var line = text.Lines.GetLineFromPosition(statement.Span.Start);
        var indent = text.ToString(TextSpan.FromBounds(line.Start, statement.Span.Start));
        if (indent.Any(c => c is not (' ' or '\t'))) return Array.Empty<CodeFix>();
        var requestText = FindRequest(call, context);
        if (requestText == null) return Array.Empty<CodeFix>();

        var model = context.Semantics;
        var edits = new List<TextChange>();
        string variable;
        var insertion = "";
        if (argument.Unparenthesize() is NameExpressionSyntax name) variable = name.Name;
        else
        {
            variable = model.LookupBindings("next_url", call).Count == 0 ? "next_url" : "redirect_to";
            insertion += $"{indent}{variable} = {argument}\n";
            edits.Add(new TextChange(argument.Span, variable));
        }
        var fallback = model.Imports("django.conf.settings") ? "settings.LOGIN_REDIRECT_URL" : "\"/\"";
        var unit = indent.Contains('\t') ? "\t" : "    ";
        insertion += $"{indent}if not url_has_allowed_host_and_scheme(url={variable}, allowed_hosts={{{requestText}.get_host()}}, require_https={requestText}.is_secure()):\n"
                     + $"{indent}{unit}{variable} = {fallback}\n";
        edits.Add(new TextChange(new TextSpan(line.Start, 0), insertion));
        var import = ImportEdits.EnsureFromImport(context, "django.utils.http", "url_has_allowed_host_and_scheme");
        if (import != null) edits.Add(import.Value);
        edits.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new[] { new CodeFix("Check the URL with url_has_allowed_host_and_scheme before redirecting",
            edits.Select(e => new DocumentEdit(context.Document.Path, e)).ToList()) };
    }

    private static string? FindRequest(SyntaxNode node, RuleContext context)
    {
        var function = node.Ancestors().OfType<FunctionDefinitionSyntax>().FirstOrDefault();
        if (function == null) return null;
        var names = function.Parameters.Parameters.Select(p => p.NameToken?.Text).ToList();
        if (names.Contains("request")) return "request";
        if (names.FirstOrDefault() == "self") return "self.request";
        return null;
    }
}

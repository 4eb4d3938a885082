using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>
/// Hovers on security-relevant Django/Python APIs (mark_safe, raw, extra, RawSQL, csrf_exempt, redirect, ...)
/// explaining their contract, even where there is no finding. Reports no findings itself.
/// </summary>
public sealed class PythonApiHoverAnalyzer : IDocumentAnalyzer
{
    private static readonly Dictionary<string, string> ByQualifiedName = new(StringComparer.Ordinal)
    {
        ["django.utils.safestring.mark_safe"] = "**mark_safe(s)** — tells templates *not* to escape `s`. Only for HTML you built from constants or escaped pieces; never for user data. Prefer `format_html()`. See DJ200.",
        ["django.utils.safestring.SafeString"] = "**SafeString** — a string templates will not escape. Same contract as `mark_safe`. See DJ200.",
        ["django.utils.html.format_html"] = "**format_html(format_string, *args)** — escapes every argument and marks the result safe. The format string itself is trusted: never pre-format it with f-strings, `%` or `.format`. See DJ203.",
        ["django.db.models.expressions.RawSQL"] = "**RawSQL(sql, params)** — raw SQL inside a queryset. `sql` must be constant with `%s` placeholders; values go in `params`. See DJ101.",
        ["django.db.models.RawSQL"] = "**RawSQL(sql, params)** — raw SQL inside a queryset. `sql` must be constant with `%s` placeholders; values go in `params`. See DJ101.",
        ["django.views.decorators.csrf.csrf_exempt"] = "**@csrf_exempt** — switches off CSRF protection for the view. Only for endpoints authenticated by something other than cookies (signed webhooks, token APIs); any cookie-authenticated POST becomes forgeable.",
        ["django.shortcuts.redirect"] = "**redirect(to)** — 302 to a model, view name or URL. A URL from the request must pass `url_has_allowed_host_and_scheme` first (open redirect). See DJ301.",
        ["django.http.HttpResponseRedirect"] = "**HttpResponseRedirect(url)** — 302 to `url` as given. A URL from the request must pass `url_has_allowed_host_and_scheme` first. See DJ301.",
        ["django.http.HttpResponsePermanentRedirect"] = "**HttpResponsePermanentRedirect(url)** — 301 to `url` as given (cached by browsers). Check request-supplied URLs with `url_has_allowed_host_and_scheme`. See DJ301.",
        ["django.utils.http.url_has_allowed_host_and_scheme"] = "**url_has_allowed_host_and_scheme(url, allowed_hosts, require_https=False)** — True only for relative URLs or URLs on `allowed_hosts` (pass `{request.get_host()}` and `require_https=request.is_secure()`). Redirect only on the branch where it returned True.",
        ["django.utils.http.is_safe_url"] = "**is_safe_url** — removed in Django 4.0; use `url_has_allowed_host_and_scheme`. See DJ302.",
        ["django.http.HttpResponse"] = "**HttpResponse(content)** — sent as `text/html` by default, unescaped. Render templates or use `format_html` for HTML built from data. See DJ204.",
        ["django.template.Template"] = "**Template(source)** — compiles template *code*. Never from request data (server-side template injection); pass data as context. See DJ131.",
        ["builtins.eval"] = "**eval(source)** — runs arbitrary Python. Never on input; use `int()`, `json.loads`, `ast.literal_eval`. See DJ130.",
        ["builtins.exec"] = "**exec(source)** — runs arbitrary Python. Never on input. See DJ130.",
        ["pickle.loads"] = "**pickle.loads(data)** — runs code chosen by whoever wrote `data`. Only for bytes you produced and nobody could alter. See DJ140.",
        ["pickle.load"] = "**pickle.load(file)** — runs code chosen by whoever wrote the file. See DJ140.",
        ["os.system"] = "**os.system(command)** — runs `command` through `/bin/sh`. Use `subprocess.run([...])` with an argument list. See DJ120.",
        ["django.views.static.serve"] = "**django.views.static.serve** — development-only file server without access control. See DJ161.",
    };

    private static readonly Dictionary<string, string> ByMethodName = new(StringComparer.Ordinal)
    {
        ["raw"] = "**Manager.raw(raw_query, params=None)** — runs raw SQL and maps rows to models. `raw_query` must be constant with `%s` placeholders; values go in `params`. See DJ101.",
        ["extra"] = "**QuerySet.extra(select, where, params, tables, order_by, select_params)** — raw SQL fragments (a last resort, slated for deprecation). Only constants in `where`/`select`/`tables`/`order_by`; values in `params`/`select_params`. See DJ101.",
        ["execute"] = "**cursor.execute(sql, params=None)** — raw SQL. `sql` must be constant with `%s` placeholders; pass values in `params` so the driver quotes them. See DJ101.",
        ["executemany"] = "**cursor.executemany(sql, param_list)** — raw SQL run once per parameter tuple. `sql` must be constant with `%s` placeholders. See DJ101.",
    };

    public IReadOnlyList<RuleDescriptor> SupportedRules => Array.Empty<RuleDescriptor>();

    public bool Supports(DocumentKind kind) => kind == DocumentKind.Python;

    public IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken) => Array.Empty<Finding>();

    public HoverContent? GetHover(AnalysisDocument document, int position, AnalysisContext context, CancellationToken cancellationToken)
    {
        var tree = document.GetPythonSyntax(cancellationToken);
        var token = tree.Root.FindToken(position);
        if (token.Kind != SyntaxKind.IdentifierToken || !token.Span.Contains(position) && token.Span.End != position) return null;
        var expression = token.Parent switch
        {
            NameExpressionSyntax name => (ExpressionSyntax)name,
            AttributeExpressionSyntax attribute when attribute.NameToken == token => attribute,
            _ => null,
        };
        if (expression == null) return null;
        var model = document.GetPythonSemantics(cancellationToken);
        var qualified = model.GetQualifiedName(expression);
        if (qualified != null && ByQualifiedName.TryGetValue(qualified, out var markdown)) return new HoverContent(markdown, token.Span);
        if (expression is AttributeExpressionSyntax method && method.Parent is CallExpressionSyntax && ByMethodName.TryGetValue(method.Name, out markdown))
        {
            var receiver = method.Expression.GetDottedText() ?? "";
            var plausible = method.Name switch
            {
                "raw" => receiver.EndsWith("objects", StringComparison.Ordinal) || receiver.EndsWith("manager", StringComparison.OrdinalIgnoreCase),
                "execute" or "executemany" => receiver.Contains("cursor", StringComparison.OrdinalIgnoreCase) || (qualified?.Contains("cursor()", StringComparison.Ordinal) ?? false),
                _ => true,
            };
            if (plausible) return new HoverContent(markdown, token.Span);
        }
        return null;
    }
}

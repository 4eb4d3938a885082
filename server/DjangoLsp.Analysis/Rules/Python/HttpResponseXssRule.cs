using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Taint;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>DJ204: HttpResponse with request data and an HTML content type (the default).</summary>
public sealed class HttpResponseXssRule : TaintSinkRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DJ204", "http-response-with-request-data", Severity.Error, RuleCategory.XssPython,
        new[] { RuleDocs.OwaspInjection2021 }, new[] { RuleDocs.OwaspInjection2025 }, new[] { 79 },
        "HttpResponse (text/html by default) contains unescaped request data.",
        RuleDocs.Build(
            "Finds `HttpResponse(...)` whose content contains request data that was not escaped, when the content type is HTML (Django's default `text/html`).",
            "The response body is rendered by the browser as HTML: markup in the request data runs as script (reflected XSS). Templates escape automatically; string building does not.",
            """
            return HttpResponse("<p>Your friend will see: " + request.GET["note"] + "</p>")
            """,
            """
            return HttpResponse(format_html("<p>Your friend will see: {}</p>", request.GET["note"]))
            # or HttpResponse(text, content_type="text/plain")
            """,
            "[Django: Request and response objects](https://docs.djangoproject.com/en/stable/ref/request-response/#httpresponse-objects)",
            RuleDocs.OwaspCheatSheetXss,
            "[CWE-79](https://cwe.mitre.org/data/definitions/79.html)"),
        "https://docs.djangoproject.com/en/stable/ref/request-response/#httpresponse-objects");

    public HttpResponseXssRule() : base(Descriptor)
    {
    }

    protected override IReadOnlyDictionary<string, (int Position, string? Keyword)> Sinks { get; } = new Dictionary<string, (int, string?)>
    {
        ["django.http.HttpResponse"] = (0, "content"),
        ["django.http.response.HttpResponse"] = (0, "content"),
        ["django.http.HttpResponseBadRequest"] = (0, "content"),
        ["django.http.HttpResponseNotFound"] = (0, "content"),
        ["django.http.HttpResponseForbidden"] = (0, "content"),
        ["django.http.HttpResponseServerError"] = (0, "content"),
    };

    protected override bool IsDangerous(CallExpressionSyntax call, RuleContext context)
    {
        var contentType = call.GetKeywordArgument("content_type")?.Expression;
        if (contentType == null) return true;
        var value = context.Semantics.GetConstantString(contentType);
        return value != null && value.Contains("html", StringComparison.OrdinalIgnoreCase);
    }

    protected override SinkKind Kind => SinkKind.Html;
    protected override string[] Keywords => new[] { "HttpResponse" };

    protected override string Message(string api, TaintValue taint) =>
        $"{api} sends {Describe(taint, SinkKind.Html)} as HTML without escaping (reflected XSS); render a template, use format_html(), or send text/plain.";
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Taint;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>DJ131: a template compiled from request data (server-side template injection).</summary>
public sealed class TemplateInjectionRule : TaintSinkRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DJ131", "template-from-request", Severity.Error, RuleCategory.CodeInjection,
        new[] { RuleDocs.OwaspInjection2021 }, new[] { RuleDocs.OwaspInjection2025 }, new[] { 1336, 94 },
        "A Django or Jinja2 template is compiled from request data (server-side template injection).",
        RuleDocs.Build(
            "Finds `django.template.Template(...)`, `Engine.from_string(...)`, `engines[...].from_string(...)` and Jinja2 `Template`/`from_string` whose source comes from the request.",
            "Template source is code: the user can read any context variable and attribute (`{{ settings.SECRET_KEY }}` through objects, `{% debug %}`), call methods, and with Jinja2 usually run arbitrary Python.",
            """
            rendered = Template(request.POST["message"]).render(Context({"order": order}))
            """,
            """
            rendered = render_to_string("orders/gift_card.html", {"order": order, "message": request.POST["message"]})
            """,
            "[Django: The Django template language for Python programmers](https://docs.djangoproject.com/en/stable/ref/templates/api/)",
            "[OWASP Server-Side Template Injection testing](https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/07-Input_Validation_Testing/18-Testing_for_Server-side_Template_Injection)",
            "[CWE-1336](https://cwe.mitre.org/data/definitions/1336.html)"),
        "https://docs.djangoproject.com/en/stable/ref/templates/api/");

    public TemplateInjectionRule() : base(Descriptor)
    {
    }

    protected override IReadOnlyDictionary<string, (int Position, string? Keyword)> Sinks { get; } = new Dictionary<string, (int, string?)>
    {
        ["django.template.Template"] = (0, "template_string"),
        ["django.template.base.Template"] = (0, "template_string"),
        ["jinja2.Template"] = (0, "source"),
    };

    protected override (string Api, ExpressionSyntax Argument)? FindSink(CallExpressionSyntax call, RuleContext context)
    {
        if (call.Expression.Unparenthesize() is AttributeExpressionSyntax { Name: "from_string" } fromString)
        {
            var argument = call.GetArgument(0, "template_code") ?? call.GetArgument(0, "source");
            var receiver = context.Semantics.GetQualifiedName(fromString.Expression);
            var looksLikeEngine = receiver == null || receiver.StartsWith("django.template", StringComparison.Ordinal) || receiver.StartsWith("jinja2", StringComparison.Ordinal);
            return argument != null && looksLikeEngine ? ("from_string", argument.Expression) : null;
        }
        return base.FindSink(call, context);
    }

    protected override SinkKind Kind => SinkKind.Code;
    protected override string[] Keywords => new[] { "Template", "from_string" };

    protected override string Message(string api, TaintValue taint) =>
        $"A template is compiled from {Describe(taint, SinkKind.Code)} (server-side template injection); render a fixed template and pass the data as context.";
}

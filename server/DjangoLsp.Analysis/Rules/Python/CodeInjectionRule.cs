using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Taint;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>DJ130: eval / exec / compile of non-constant input.</summary>
public sealed class CodeInjectionRule : TaintSinkRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DJ130", "eval-of-data", Severity.Error, RuleCategory.CodeInjection,
        new[] { RuleDocs.OwaspInjection2021 }, new[] { RuleDocs.OwaspInjection2025 }, new[] { 95 },
        "eval, exec or compile run code built from non-constant data.",
        RuleDocs.Build(
            "Finds `eval()`, `exec()` and `compile()` whose source is not a constant. Request data is an error; other non-constant data is a warning.",
            "`eval` runs arbitrary Python: `__import__('os').system('...')` in the input runs on your server. There is no safe way to sandbox it.",
            """
            quantity = eval(request.POST.get("quantity", "1"))
            """,
            """
            quantity = int(request.POST.get("quantity", "1"))
            # or ast.literal_eval(text) for Python literals
            """,
            "[Python: eval](https://docs.python.org/3/library/functions.html#eval)",
            "[OWASP Code Injection](https://owasp.org/www-community/attacks/Code_Injection)",
            "[CWE-95](https://cwe.mitre.org/data/definitions/95.html)"),
        "https://docs.djangoproject.com/en/stable/topics/security/");

    public CodeInjectionRule() : base(Descriptor)
    {
    }

    protected override IReadOnlyDictionary<string, (int Position, string? Keyword)> Sinks { get; } = new Dictionary<string, (int, string?)>
    {
        ["builtins.eval"] = (0, "source"),
        ["builtins.exec"] = (0, "source"),
        ["builtins.compile"] = (0, "source"),
    };

    protected override SinkKind Kind => SinkKind.Code;
    protected override bool ReportUnknown => true;
    protected override string[] Keywords => new[] { "eval", "exec", "compile" };

    /// <summary>
    /// <c>exec(compile(source, ...))</c>: the code object runs compile()'s source, and compile() is reported for that
    /// source already; one finding (at the source) instead of two on the same line.
    /// </summary>
    protected override (string Api, ExpressionSyntax Argument)? FindSink(CallExpressionSyntax call, RuleContext context)
    {
        var sink = base.FindSink(call, context);
        if (sink is { Api: "builtins.eval" or "builtins.exec" } found && found.Argument.Unparenthesize() is CallExpressionSyntax inner &&
            context.Semantics.GetCalleeName(inner) == "builtins.compile")
            return null;
        return sink;
    }

    protected override string Message(string api, TaintValue taint) =>
        $"{api.Replace("builtins.", "")} runs Python code built from {Describe(taint, SinkKind.Code)}; parse the value instead (int(), json.loads, ast.literal_eval).";
}

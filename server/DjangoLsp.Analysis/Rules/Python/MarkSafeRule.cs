using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Taint;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>DJ200: mark_safe / SafeString on non-constant data that was not escaped.</summary>
public sealed class MarkSafeRule : TaintSinkRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DJ200", "mark-safe-of-data", Severity.Error, RuleCategory.XssPython,
        new[] { RuleDocs.OwaspInjection2021 }, new[] { RuleDocs.OwaspInjection2025 }, new[] { 79 },
        "mark_safe / SafeString applied to non-constant data that was not escaped.",
        RuleDocs.Build(
            "Finds `mark_safe()`, `SafeString()` and `SafeText()` applied to data that is not a constant and did not go through `escape`, `conditional_escape` or `format_html`. Request data is an error; other non-constant data is a warning.",
            "`mark_safe` switches off autoescaping for the value: any `<script>` or `onerror=` in it runs in the visitor's browser (stored or reflected XSS).",
            """
            banner = mark_safe(f"Results for <strong>{q}</strong>")
            """,
            """
            banner = format_html("Results for <strong>{}</strong>", q)
            """,
            "[Django: mark_safe](https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.safestring.mark_safe)",
            "[Django: format_html](https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.html.format_html)",
            RuleDocs.OwaspCheatSheetXss,
            "[CWE-79](https://cwe.mitre.org/data/definitions/79.html)"),
        "https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.safestring.mark_safe");

    public MarkSafeRule() : base(Descriptor)
    {
    }

    internal static readonly IReadOnlySet<string> MarkSafeNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "django.utils.safestring.mark_safe", "django.utils.safestring.SafeString", "django.utils.safestring.SafeText",
        "django.utils.html.mark_safe", "django.utils.safestring.SafeData",
    };

    protected override IReadOnlyDictionary<string, (int Position, string? Keyword)> Sinks { get; } =
        MarkSafeNames.ToDictionary(n => n, _ => (0, (string?)"s"));

    protected override (string Api, ExpressionSyntax Argument)? FindSink(CallExpressionSyntax call, RuleContext context)
    {
        var sink = base.FindSink(call, context);
        // mark_safe(json.dumps(...)) has its own rule (DJ202) with a better fix.
        if (sink is { } s && MarkSafeJsonRule.IsJsonDumps(s.Argument, context.Semantics)) return null;
        return sink;
    }

    /// <summary>Unknown data is reported only when HTML is being assembled from it (f-string, %, format, +, join).</summary>
    protected override bool ReportsUnknown(ExpressionSyntax argument, RuleContext context) =>
        SqlBuilding.HowBuilt(argument, context.Semantics) != null;

    protected override SinkKind Kind => SinkKind.Html;
    protected override bool ReportUnknown => true;
    protected override string[] Keywords => new[] { "mark_safe", "SafeString", "SafeText" };

    protected override string Message(string api, TaintValue taint) =>
        $"{api} marks {Describe(taint, SinkKind.Html)} as safe HTML without escaping it; use format_html() or escape the data first.";
}

using System.Text.RegularExpressions;
using DjangoLsp.Analysis.Dependencies.Advisories;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Dependencies.VulnerableApis;

/// <summary>
/// One Django advisory whose vulnerable code path is reached through a recognisable API call: the advisory's PyPA id
/// and CVE (both as in the embedded advisory data), what the call looks like in Python, and (for template filters)
/// in templates. Matching is deliberately about the shape that reaches the bug (dynamic aliases, <c>**kwargs</c>,
/// <c>html=True</c>), not every use of the method.
/// </summary>
public sealed record VulnerableApi(
    string AdvisoryId,
    string Cve,
    string Api,
    string Why,
    Func<CallExpressionSyntax, bool> MatchesCall,
    Regex? TemplateFilter = null)
{
    /// <summary>The advisory in <paramref name="advisories"/> (Django's) this entry is about, by id or CVE alias.</summary>
    public Advisory? Find(IReadOnlyList<Advisory> advisories) =>
        advisories.FirstOrDefault(a => a.Id == AdvisoryId || a.Aliases.Contains(Cve));

    /// <summary>
    /// Words one of which a file must contain to be worth parsing for this entry. The name of the function or method of
    /// every call <see cref="MatchesCall"/> accepts contains one of them (<c>values</c> for <c>values_list</c>), so calls
    /// whose name contains none are not tried (<see cref="NamesCall"/>).
    /// </summary>
    public required IReadOnlyList<string> Keywords { get; init; }

    /// <summary>Whether a call to a function or method named <paramref name="calleeName"/> may be one of this entry.</summary>
    public bool NamesCall(string calleeName)
    {
        foreach (var keyword in Keywords)
            if (calleeName.Contains(keyword, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// The bug needs attacker-chosen names (aliases, kinds, delimiters), not just attacker-chosen data: a call is an error
    /// only when those arguments come from the request, a warning when they are merely not constant.
    /// </summary>
    public bool NeedsInputNames { get; init; }
}

/// <summary>The curated table: Django advisories of the embedded PyPA snapshot mapped to the API calls that reach them.</summary>
public static partial class VulnerableApiTable
{
    public static readonly IReadOnlyList<VulnerableApi> Django = new VulnerableApi[]
    {
        new("PYSEC-2024-70", "CVE-2024-42005", "QuerySet.values()/values_list() with dynamic field names",
            "SQL injection in column aliases when JSONField keys come from *args",
            c => IsMethod(c, "values", "values_list") && c.ArgumentList.Arguments.Any(a => a.StarToken != null || !a.IsKeyword && !IsStringLiteral(a.Expression)))
            { Keywords = new[] { "values" }, NeedsInputNames = true },
        new("PYSEC-2022-213", "CVE-2022-34265", "Trunc()/Extract() with a non-literal kind or lookup_name",
            "SQL injection through the kind/lookup_name argument",
            c => IsCallee(c, "Trunc", "Extract") && DynamicArgument(c, 1, "kind", "lookup_name"))
            { Keywords = new[] { "Trunc", "Extract" }, NeedsInputNames = true },
        new("PYSEC-2022-190", "CVE-2022-28346", "QuerySet.annotate()/aggregate()/extra() with **kwargs",
            "SQL injection in column aliases passed as dictionary keys",
            c => IsMethod(c, "annotate", "aggregate", "extra") && c.ArgumentList.Arguments.Any(IsDoubleStar))
            { Keywords = new[] { "annotate", "aggregate", "extra" }, NeedsInputNames = true },
        new("PYSEC-2022-191", "CVE-2022-28347", "QuerySet.explain() with **options",
            "SQL injection through the option names of explain()",
            c => IsMethod(c, "explain") && c.ArgumentList.Arguments.Any(IsDoubleStar))
            { Keywords = new[] { "explain" }, NeedsInputNames = true },
        new("PYSEC-2021-109", "CVE-2021-35042", "QuerySet.order_by() with dynamic field names",
            "SQL injection when order_by() input comes from the request",
            c => IsMethod(c, "order_by") && c.ArgumentList.Arguments.Any(a => a.StarToken != null || !a.IsKeyword && !IsStringLiteral(a.Expression)))
            { Keywords = new[] { "order_by" }, NeedsInputNames = true },
        new("PYSEC-2020-35", "CVE-2020-7471", "StringAgg() with a non-literal delimiter",
            "SQL injection through the delimiter",
            c => IsCallee(c, "StringAgg") && DynamicArgument(c, 1, "delimiter"))
            { Keywords = new[] { "StringAgg" }, NeedsInputNames = true },
        new("PYSEC-2023-100", "CVE-2023-36053", "EmailValidator/URLValidator (and forms.EmailField/URLField)",
            "regular-expression denial of service on very long domain names",
            c => IsCallee(c, "EmailValidator", "URLValidator", "validate_email")
                 || c.Expression is AttributeExpressionSyntax { Name: "EmailField" or "URLField", Expression: NameExpressionSyntax { Name: "forms" } })
            { Keywords = new[] { "EmailValidator", "URLValidator", "validate_email", "EmailField", "URLField" } },
        new("PYSEC-2024-47", "CVE-2024-27351", "Truncator.words(html=True) / truncatewords_html",
            "regular-expression denial of service in HTML truncation",
            c => IsMethod(c, "words") && HtmlTrue(c), TruncateWordsHtmlFilter())
            { Keywords = new[] { "words", "truncatewords_html" } },
        new("PYSEC-2023-226", "CVE-2023-43665", "Truncator.chars()/words(html=True) / truncatechars_html / truncatewords_html",
            "denial of service in HTML truncation",
            c => IsMethod(c, "chars", "words") && HtmlTrue(c), TruncateHtmlFilter())
            { Keywords = new[] { "chars", "words", "truncatechars_html", "truncatewords_html" } },
        new("PYSEC-2024-56", "CVE-2024-38875", "urlize()/urlizetrunc()", "denial of service on inputs with many brackets",
            c => IsCallee(c, "urlize", "urlizetrunc"), UrlizeFilter()) { Keywords = new[] { "urlize" } },
        new("PYSEC-2024-68", "CVE-2024-41990", "urlize()/urlizetrunc()", "denial of service on very large inputs",
            c => IsCallee(c, "urlize", "urlizetrunc"), UrlizeFilter()) { Keywords = new[] { "urlize" } },
        new("PYSEC-2024-69", "CVE-2024-41991", "urlize()/urlizetrunc()", "denial of service on inputs with many Unicode characters",
            c => IsCallee(c, "urlize", "urlizetrunc"), UrlizeFilter()) { Keywords = new[] { "urlize" } },
        new("PYSEC-2024-102", "CVE-2024-45230", "urlize()/urlizetrunc()", "denial of service on very large inputs with a specific sequence of characters",
            c => IsCallee(c, "urlize", "urlizetrunc"), UrlizeFilter()) { Keywords = new[] { "urlize" } },
    };

    // The template filters, generated at build time (the table is built on the first check of every run; compiling
    // patterns with RegexOptions.Compiled there cost tens of milliseconds of IL generation and JIT per process).
    [GeneratedRegex(@"\{\{[^}]*\|\s*(?<f>truncatewords_html)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TruncateWordsHtmlFilter();

    [GeneratedRegex(@"\{\{[^}]*\|\s*(?<f>truncatechars_html|truncatewords_html)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TruncateHtmlFilter();

    [GeneratedRegex(@"\{\{[^}]*\|\s*(?<f>urlize|urlizetrunc)\b", RegexOptions.CultureInvariant)]
    private static partial Regex UrlizeFilter();

    private static string? CalleeName(CallExpressionSyntax call) => call.Expression switch
    {
        NameExpressionSyntax n => n.Name,
        AttributeExpressionSyntax a => a.Name,
        _ => null,
    };

    private static bool IsCallee(CallExpressionSyntax call, params string[] names) => CalleeName(call) is { } n && names.Contains(n);

    private static bool IsMethod(CallExpressionSyntax call, params string[] names) =>
        call.Expression is AttributeExpressionSyntax a && names.Contains(a.Name);

    private static bool IsStringLiteral(ExpressionSyntax expression) => expression is StringLiteralExpressionSyntax { IsFormatted: false };

    private static bool IsDoubleStar(ArgumentSyntax argument) => argument.StarToken?.Text == "**";

    /// <summary>The argument at <paramref name="position"/> (or given by one of the keywords) is not a plain string literal.</summary>
    private static bool DynamicArgument(CallExpressionSyntax call, int position, params string[] keywords)
    {
        var arguments = call.ArgumentList.Arguments;
        if (arguments.Any(a => a.StarToken != null)) return true;
        var keyword = arguments.FirstOrDefault(a => a.NameToken is { } t && keywords.Contains(t.Text));
        if (keyword != null) return !IsStringLiteral(keyword.Expression);
        var positional = arguments.Where(a => !a.IsKeyword).ToList();
        return positional.Count > position && !IsStringLiteral(positional[position].Expression);
    }

    private static bool HtmlTrue(CallExpressionSyntax call) =>
        call.ArgumentList.Arguments.Any(a => a.NameToken?.Text == "html" && a.Expression.ToString().Trim() != "False");
}

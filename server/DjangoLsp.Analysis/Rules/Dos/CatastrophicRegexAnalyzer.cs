using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Rules.Crypto;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Dos;

/// <summary>DJ802: a constant regex with catastrophic backtracking in URL patterns, validators or re calls.</summary>
public sealed class CatastrophicRegexAnalyzer : PythonRuleAnalyzer
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "DJ802",
        Name: "catastrophic-backtracking-regex",
        DefaultSeverity: Severity.Warning,
        Category: RuleCategory.Dos,
        Owasp2021: new[] { "A04:2021" },
        Owasp2025: new[] { "A06:2025" },
        Cwe: new[] { 1333, 400 },
        Summary: "A regular expression with nested or overlapping repetition can backtrack exponentially (ReDoS).",
        Documentation: """
            ## What it does
            Checks constant patterns given to `re_path()`/`url()`, `RegexValidator`, `RegexField` and the `re`
            functions (`re.compile`, `re.match`, `re.search`, …) for the two shapes that make Python's
            backtracking engine exponential:
            - a repeated group containing an unbounded repetition that can split the same text several ways:
              `(a+)+`, `([\w-]+,?)+`, `(\s*\w+\s*)*`, `(.*a){20}`;
            - a repeated alternation whose branches overlap: `(a|a)*`, `(\w|\d)+`.

            The detector is deliberately conservative: separators that the inner repetition cannot match make a
            pattern safe (`([\w-]+,)+`, `(\d+\.)+`), atomic groups and possessive quantifiers (`(?>...)`, `a++`,
            Python 3.11+) are safe, and patterns it cannot fully parse (verbose mode, back-references) are not
            reported.

            ## Why it matters
            On a subject that almost matches — `"aaaaaaaaaaaaaaaaaaaaaaaaaaaa!"` — the engine tries every way of
            splitting the text between the inner and the outer repetition: 2^n attempts. URL patterns run on
            every request's path and validators on every submitted field (Django runs all validators; `max_length`
            does not stop them), so an anonymous visitor can pin a worker per request.

            ## Example
            ```python
            re_path(r"^tags/(?P<tags>([\w-]+,?)+)/$", views.tagged)
            sku_validator = RegexValidator(r"^([A-Z0-9]+[- ]?)+$")
            ```

            ## Fix
            Make each repetition consume a separator, so a string splits one way only:
            ```python
            re_path(r"^tags/(?P<tags>[\w-]+(?:,[\w-]+)*)/$", views.tagged)
            sku_validator = RegexValidator(r"^[A-Z0-9]+(?:[- ][A-Z0-9]+)*$")
            ```
            No automatic fix is offered: the rewrite depends on what the pattern means.

            ## References
            - Django: [`re_path()`](https://docs.djangoproject.com/en/stable/ref/urls/#re-path),
              [`RegexValidator`](https://docs.djangoproject.com/en/stable/ref/validators/#regexvalidator)
            - OWASP: [Regular expression Denial of Service — ReDoS](https://owasp.org/www-community/attacks/Regular_expression_Denial_of_Service_-_ReDoS)
            - CWE-1333: Inefficient Regular Expression Complexity
            """,
        DjangoDocsUrl: "https://docs.djangoproject.com/en/stable/ref/validators/#regexvalidator");

    private static readonly HashSet<string> ReFunctions = new(StringComparer.Ordinal)
    {
        "compile", "match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split",
    };

    /// <summary>Every last segment <see cref="PatternArgument"/> accepts.</summary>
    private static readonly HashSet<string> CallNames = new(ReFunctions.Concat(new[] { "re_path", "url", "RegexValidator", "RegexField" }), StringComparer.Ordinal);

    public CatastrophicRegexAnalyzer() : base(Descriptor)
    {
    }

    protected override IEnumerable<Finding> Analyze(PythonFile file, CancellationToken cancellationToken)
    {
        foreach (var call in file.Calls())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pattern = PatternArgument(file, call);
            if (pattern is not StringLiteralExpressionSyntax { IsBytes: false, Value: { } text } literal) continue;
            if (HasVerboseFlag(file, call)) continue;
            var culprit = RegexBacktracking.FindCatastrophicBacktracking(text);
            if (culprit == null) continue;
            yield return Report(file, literal.Span,
                $"`{culprit}` can backtrack exponentially on a near-match (ReDoS): make each repetition consume a separator.",
                Severity.Warning);
        }
    }

    private static ExpressionSyntax? PatternArgument(PythonFile file, CallExpressionSyntax call)
    {
        // The qualified name of `x.attr` ends with `.attr` (or is null), so most calls are settled by their last
        // name without resolving the callee.
        if (call.Expression is AttributeExpressionSyntax { Name: var attribute } && !CallNames.Contains(attribute)) return null;
        var name = file.CalleeName(call);
        if (name == null) return null;
        // Spans, not substrings: most resolved callees (builtins.len, a local helper) are none of these.
        var dot = name.LastIndexOf('.');
        var last = name.AsSpan(dot + 1);
        if (last is "re_path" or "url" && (name.StartsWith("django.", StringComparison.Ordinal) || dot < 0))
            return Syntactic.Argument(call, 0, "route") ?? Syntactic.Argument(call, 0, "regex");
        if (last is "RegexValidator" or "RegexField") return Syntactic.Argument(call, 0, "regex");
        if (dot > 0 && name.AsSpan(0, dot) is "re" or "regex" && ReFunctions.Contains(last.ToString())) return Syntactic.Argument(call, 0, "pattern");
        return null;
    }

    private static bool HasVerboseFlag(PythonFile file, CallExpressionSyntax call) =>
        call.ArgumentList.Arguments.Skip(1).Any(a => a.Expression.DescendantNodesAndSelf().OfType<ExpressionSyntax>()
            .Any(e => file.QualifiedName(e) is "re.X" or "re.VERBOSE" or "regex.X" or "regex.VERBOSE"));
}

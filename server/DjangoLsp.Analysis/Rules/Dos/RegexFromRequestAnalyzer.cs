using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Rules.Crypto;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Dos;

/// <summary>DJ801: a regular expression compiled from request data (ReDoS, pattern injection).</summary>
public sealed class RegexFromRequestAnalyzer : PythonRuleAnalyzer
{
    public static readonly RuleDescriptor Descriptor = new(
        Id: "DJ801",
        Name: "regex-from-request-data",
        DefaultSeverity: Severity.Error,
        Category: RuleCategory.Dos,
        Owasp2021: new[] { "A03:2021" },
        Owasp2025: new[] { "A05:2025" },
        Cwe: new[] { 1333, 730, 400 },
        Summary: "A regular expression pattern comes from the request (ReDoS, regex injection).",
        Documentation: """
            ## What it does
            Reports `re.compile`, `re.match`, `re.search`, `re.fullmatch`, `re.findall`, `re.finditer`, `re.sub`,
            `re.subn` and `re.split` (and the same functions of the third-party `regex` module) whose *pattern*
            comes from the request (`request.GET`, `request.POST`, `request.data`, headers, cookies …), directly or
            through a local variable. A pattern wrapped in `re.escape(...)` is safe and not reported.

            Patterns of unknown, non-request origin are not reported: frameworks (Django included) build
            patterns from configuration all the time, and those are trusted.

            ## Why it matters
            Python's `re` engine backtracks. A client who chooses the pattern can send `(a+)+$` and a matching
            subject, and one request keeps a worker busy for minutes; a few such requests take the site down. Even
            without ReDoS, a chosen pattern matches far more than intended (`.*`).

            ## Example
            ```python
            pattern = re.compile(request.GET.get("pattern", ""), re.IGNORECASE)
            ```

            ## Fix
            The input is a search term, not a pattern: escape it.
            ```python
            pattern = re.compile(re.escape(request.GET.get("pattern", "")), re.IGNORECASE)
            ```
            The quick fix wraps the pattern in `re.escape(...)`. It changes meaning when users were meant to write
            regexes, so it is not applied by fix-all; in that case use a linear-time engine (`google-re2`) with a
            length limit instead.

            ## References
            - Python: [`re.escape`](https://docs.python.org/3/library/re.html#re.escape)
            - OWASP: [Regular expression Denial of Service — ReDoS](https://owasp.org/www-community/attacks/Regular_expression_Denial_of_Service_-_ReDoS)
            - CWE-1333: Inefficient Regular Expression Complexity
            """,
        DjangoDocsUrl: "https://docs.djangoproject.com/en/stable/ref/validators/#regexvalidator");

    private static readonly HashSet<string> PatternFunctions = new(StringComparer.Ordinal)
    {
        "compile", "match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split",
    };

    public RegexFromRequestAnalyzer() : base(Descriptor)
    {
    }

    protected override IEnumerable<Finding> Analyze(PythonFile file, CancellationToken cancellationToken)
    {
        // re.*/regex.* names come only from an import of re or regex: without one, no callee needs resolving.
        // (The semantic model answers from its list of import bindings, so no pre-filter over the import statements.)
        if (!file.Semantics.Imports("re") && !file.Semantics.Imports("regex")) yield break;
        foreach (var call in file.Calls())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!IsRegexCall(file, call)) continue;
            var pattern = Syntactic.Argument(call, 0, "pattern");
            if (pattern == null || Syntactic.IsConstant(pattern)) continue;
            if (pattern is CallExpressionSyntax inner && file.CalleeName(inner) is "re.escape" or "regex.escape") continue;
            if (!RequestData.IsFromRequest(file, pattern, out var trace, cancellationToken)) continue;
            var reName = call.Expression is AttributeExpressionSyntax { Expression: NameExpressionSyntax module } ? module.Name : "re";
            var needsImport = reName == "re" && !file.Imports.Binds("re", "re");
            var fix = SourceEdits.Fix("Match the input literally (re.escape)", false,
                SourceEdits.Replace(file, pattern.Span, $"{reName}.escape({pattern})"),
                needsImport ? SourceEdits.AddImport(file, "import re", "re", "re") : null);
            yield return new Finding(Rule, file.Path, pattern.Span,
                "Regular expression pattern from request data: a crafted pattern can backtrack for minutes (ReDoS). Escape it or use a linear-time engine.",
                Severity.Error, trace, new[] { fix });
        }
    }

    private static bool IsRegexCall(PythonFile file, CallExpressionSyntax call)
    {
        // The qualified name of `x.attr` ends with `.attr` (or is null): most calls are settled by their last name
        // without resolving the callee (as in DJ802).
        if (call.Expression is AttributeExpressionSyntax { Name: var attribute } && !PatternFunctions.Contains(attribute)) return false;
        var name = file.CalleeName(call);
        if (name == null) return false;
        var dot = name.LastIndexOf('.');
        if (dot < 0) return false;
        var module = name.AsSpan(0, dot);
        return (module is "re" or "regex") && PatternFunctions.Contains(name[(dot + 1)..]);
    }
}

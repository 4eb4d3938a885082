using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Syntax;

/// <summary>
/// Publishes Python and template syntax errors as findings with the code <c>syntax</c>, so a user sees why a
/// broken file gets no security findings. <see cref="AnalysisOptions.ReportSyntaxErrors"/> turns this off for
/// users whose other extensions already report them.
/// </summary>
public sealed class SyntaxErrorAnalyzer : IDocumentAnalyzer
{
    public static readonly RuleDescriptor Rule = new(
        Id: "syntax",
        Name: "syntax-error",
        DefaultSeverity: Severity.Error,
        Category: RuleCategory.Other,
        Owasp2021: Array.Empty<string>(),
        Owasp2025: Array.Empty<string>(),
        Cwe: Array.Empty<int>(),
        Summary: "The file does not parse; analysis of the broken region is incomplete.",
        Documentation: """
            ## What it does
            Reports Python and Django template syntax errors (code `syntax`).

            ## Why it matters
            DjangoLsp analyses what it can parse. Around a syntax error the parser recovers, but findings in the
            broken region may be missing until the code parses again.

            ## Configuration
            Set `djangolsp.reportSyntaxErrors` to `false` when another extension already reports syntax errors.
            """);

    public IReadOnlyList<RuleDescriptor> SupportedRules { get; } = new[] { Rule };

    public bool Supports(DocumentKind kind) => kind is DocumentKind.Python or DocumentKind.DjangoTemplate;

    public IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken)
    {
        if (!context.Options.ReportSyntaxErrors) yield break;
        if (document.Kind == DocumentKind.Python)
        {
            foreach (var diagnostic in document.GetPythonSyntax(cancellationToken).Diagnostics)
            {
                var severity = diagnostic.IsWarning ? Severity.Warning : Severity.Error;
                yield return new Finding(Rule, document.Path, diagnostic.Span, diagnostic.Message, severity,
                    Array.Empty<RelatedLocation>(), Array.Empty<CodeFix>());
            }
        }
        else
        {
            var analysis = document.GetTemplateAnalysis(cancellationToken);
            if (analysis.IsJinja2) yield break;
            foreach (var diagnostic in analysis.Diagnostics)
                yield return new Finding(Rule, document.Path, diagnostic.Span, $"{diagnostic.Message} ({diagnostic.Code})");
        }
    }
}

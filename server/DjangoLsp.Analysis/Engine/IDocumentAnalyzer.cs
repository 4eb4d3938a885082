namespace DjangoLsp.Analysis.Engine;

/// <summary>
/// The analyzer contract (Roslyn's DiagnosticAnalyzer, in small): documents in, findings (with fixes) and
/// hover content out. Analyzers know nothing of JSON-RPC or LSP; the server maps their output.
/// Implementations must be thread-safe and stateless between calls (state lives in document features).
/// </summary>
public interface IDocumentAnalyzer
{
    /// <summary>Every rule this analyzer can report. The rule catalog is the union over all analyzers.</summary>
    IReadOnlyList<RuleDescriptor> SupportedRules { get; }

    /// <summary>Whether this analyzer looks at documents of <paramref name="kind"/> at all.</summary>
    bool Supports(DocumentKind kind);

    /// <summary>Findings for one document. Must honour <paramref name="cancellationToken"/> promptly.</summary>
    IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Hover that explains an API's security contract at <paramref name="position"/> (e.g. on <c>mark_safe</c>)
    /// even where there is no finding; null when this analyzer has nothing to say there.
    /// </summary>
    HoverContent? GetHover(AnalysisDocument document, int position, AnalysisContext context, CancellationToken cancellationToken) => null;
}

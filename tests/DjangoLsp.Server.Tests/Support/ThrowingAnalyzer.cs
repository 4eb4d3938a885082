using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Server.Tests.Support;

/// <summary>TEST-ONLY analyzer that always throws, to check one broken analyzer never takes the server down.</summary>
public sealed class ThrowingAnalyzer : IDocumentAnalyzer
{
    public IReadOnlyList<RuleDescriptor> SupportedRules => Array.Empty<RuleDescriptor>();
    public bool Supports(DocumentKind kind) => true;
    public IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("analyzer bug");
}

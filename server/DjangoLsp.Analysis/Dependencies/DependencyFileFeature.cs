using DjangoLsp.Analysis.Dependencies.Parsing;
using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Dependencies;

/// <summary>The parsed dependency file of a document, cached on the document snapshot.</summary>
public sealed class DependencyFileFeature : DocumentFeature<DependencyFile>
{
    public static readonly DependencyFileFeature Instance = new();

    public override DependencyFile Compute(AnalysisDocument document, CancellationToken cancellationToken) =>
        DependencyFileParser.Parse(document.Path, document.Text);
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Syntax;

namespace DjangoLsp.Analysis.Semantics;

/// <summary>The semantic model of a Python document, cached per snapshot (rebuilt from the incrementally reparsed tree).</summary>
public sealed class PythonSemanticModelFeature : DocumentFeature<PythonSemanticModel>
{
    public static readonly PythonSemanticModelFeature Instance = new();

    private PythonSemanticModelFeature()
    {
    }

    // The node index is one walk that every rule needs anyway; the scope builder uses it to skip expressions that cannot bind.
    public override PythonSemanticModel Compute(AnalysisDocument document, CancellationToken cancellationToken) =>
        PythonSemanticModel.Create(document.GetPythonSyntax(cancellationToken), document.GetPythonNodes(cancellationToken), cancellationToken);
}

public static class PythonSemanticsDocumentExtensions
{
    /// <summary>The document's semantic model (computed once per snapshot).</summary>
    public static PythonSemanticModel GetPythonSemantics(this AnalysisDocument document, CancellationToken cancellationToken = default) =>
        document.GetFeature(PythonSemanticModelFeature.Instance, cancellationToken);
}

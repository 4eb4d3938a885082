using DjangoLsp.Analysis.Engine;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Syntax;

/// <summary>
/// The Python syntax tree of a document, cached on the snapshot and reparsed incrementally from the previous
/// snapshot's tree when the document was edited.
/// </summary>
public sealed class PythonSyntaxFeature : DocumentFeature<PythonSyntaxTree>
{
    public static readonly PythonSyntaxFeature Instance = new();

    private PythonSyntaxFeature()
    {
    }

    public override PythonSyntaxTree Compute(AnalysisDocument document, CancellationToken cancellationToken) =>
        PythonSyntaxTree.Parse(document.Text, document.Path);

    public override PythonSyntaxTree Update(PythonSyntaxTree previous, SourceText previousText, IReadOnlyList<TextChange> changes,
        AnalysisDocument document, CancellationToken cancellationToken) =>
        previous.WithChanges(document.Text, changes);
}

public static class PythonDocumentExtensions
{
    /// <summary>The document's Python syntax tree (parsed once per snapshot, incrementally when possible).</summary>
    public static PythonSyntaxTree GetPythonSyntax(this AnalysisDocument document, CancellationToken cancellationToken = default) =>
        document.GetFeature(PythonSyntaxFeature.Instance, cancellationToken);
}

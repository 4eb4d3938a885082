using DjangoLsp.Analysis.Engine;
using DjangoLsp.Templates.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Syntax;

/// <summary>
/// The template tree plus the context/escaping of every output, cached on the snapshot and updated
/// incrementally from the previous snapshot when the document was edited.
/// </summary>
public sealed class TemplateSyntaxFeature : DocumentFeature<TemplateAnalysis>
{
    public static readonly TemplateSyntaxFeature Instance = new();

    private TemplateSyntaxFeature()
    {
    }

    public override TemplateAnalysis Compute(AnalysisDocument document, CancellationToken cancellationToken) =>
        TemplateAnalysis.Analyze(TemplateSyntaxTree.Parse(document.Text, document.Path));

    public override TemplateAnalysis Update(TemplateAnalysis previous, SourceText previousText, IReadOnlyList<TextChange> changes,
        AnalysisDocument document, CancellationToken cancellationToken) =>
        previous.WithChanges(document.Text, changes);
}

public static class TemplateDocumentExtensions
{
    /// <summary>The document's template analysis (tree, outputs with contexts and escaping).</summary>
    public static TemplateAnalysis GetTemplateAnalysis(this AnalysisDocument document, CancellationToken cancellationToken = default) =>
        document.GetFeature(TemplateSyntaxFeature.Instance, cancellationToken);
}

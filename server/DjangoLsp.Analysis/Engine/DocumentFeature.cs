using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Engine;

/// <summary>
/// Something derived from a document's text (a syntax tree, a semantic model) and cached on the document.
/// When a document is produced by an edit, <see cref="Update"/> gets the previous version's value and the
/// text changes so it can reuse work (incremental reparse) instead of starting over.
/// </summary>
public abstract class DocumentFeature<T> where T : class
{
    /// <summary>Computes the value from scratch.</summary>
    public abstract T Compute(AnalysisDocument document, CancellationToken cancellationToken);

    /// <summary>
    /// Computes the value for <paramref name="document"/> from the value of the previous version and the edits
    /// that turned the previous text into the new one. The default starts over.
    /// </summary>
    public virtual T Update(T previous, SourceText previousText, IReadOnlyList<TextChange> changes,
        AnalysisDocument document, CancellationToken cancellationToken) => Compute(document, cancellationToken);
}

using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Rules;

/// <summary>
/// A document's text as one string, made once per snapshot. Most rules first look for their API names in the text;
/// <c>SourceText.ToString()</c> copies the whole text on every call, a dozen times per file.
/// </summary>
public sealed class DocumentStringFeature : DocumentFeature<string>
{
    public static readonly DocumentStringFeature Instance = new();

    private DocumentStringFeature()
    {
    }

    public override string Compute(AnalysisDocument document, CancellationToken cancellationToken) => document.Text.ToString();
}

public static class DocumentStringExtensions
{
    /// <summary>The document's text as one string (made once per snapshot, shared by all rules).</summary>
    public static string GetTextString(this AnalysisDocument document) => document.GetFeature(DocumentStringFeature.Instance);
}

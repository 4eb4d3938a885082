using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Engine;

/// <summary>A place in some file (absolute file system path) used for related information and taint traces.</summary>
public sealed record RelatedLocation(string Path, TextSpan Span, string Message);

/// <summary>One text replacement in one file. Spans are in the text the finding was computed on.</summary>
public sealed record DocumentEdit(string Path, TextChange Change);

/// <summary>
/// A quick-fix. <see cref="Edits"/> are minimal text edits; <see cref="SafeForFixAll"/> says whether
/// <c>source.fixAll.djangolsp</c> may apply it without the user looking at it.
/// </summary>
public sealed record CodeFix(string Title, IReadOnlyList<DocumentEdit> Edits, bool SafeForFixAll = true);

/// <summary>A problem found in a document. The span is the sink (the dangerous call or argument), never the source.</summary>
public sealed record Finding(
    RuleDescriptor Rule,
    string Path,
    TextSpan Span,
    string Message,
    Severity Severity,
    IReadOnlyList<RelatedLocation> Related,
    IReadOnlyList<CodeFix> Fixes)
{
    public Finding(RuleDescriptor rule, string path, TextSpan span, string message)
        : this(rule, path, span, message, rule.DefaultSeverity, Array.Empty<RelatedLocation>(), Array.Empty<CodeFix>())
    {
    }
}

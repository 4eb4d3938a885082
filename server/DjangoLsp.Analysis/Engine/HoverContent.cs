using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Engine;

/// <summary>Markdown to show on hover, and the span it applies to (highlighted by the editor).</summary>
public sealed record HoverContent(string Markdown, TextSpan Span);

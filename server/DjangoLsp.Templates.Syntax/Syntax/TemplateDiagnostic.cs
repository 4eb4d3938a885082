using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Templates.Syntax;

/// <summary>A syntax problem with the span it covers (absolute in the tree's text, or relative inside a token's green data).</summary>
public sealed record TemplateDiagnostic(TextSpan Span, string Code, string Message)
{
    internal TemplateDiagnostic Shift(int delta) => this with { Span = new TextSpan(Span.Start + delta, Span.Length) };

    public override string ToString() => $"{Span}: {Code}: {Message}";
}

/// <summary>Stable diagnostic codes.</summary>
public static class TemplateDiagnosticCodes
{
    public const string UnterminatedTag = "TPL001";
    public const string UnclosedBlock = "TPL002";
    public const string UnexpectedEndTag = "TPL003";
    public const string MisplacedIntermediateTag = "TPL004";
    public const string InvalidFilterExpression = "TPL005";
    public const string EmptyTag = "TPL006";
    public const string InvalidTagArguments = "TPL007";
}

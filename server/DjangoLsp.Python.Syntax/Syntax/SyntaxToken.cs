using DjangoLsp.Python.Syntax.Green;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Python.Syntax;

/// <summary>A token with its leading and trailing trivia.</summary>
public sealed class SyntaxToken : SyntaxNode
{
    internal SyntaxToken(GreenToken green, SyntaxNode? parent, int position) : base(green, parent, position)
    {
    }

    private GreenToken GreenToken => (GreenToken)Green;

    /// <summary>The token's text without trivia (empty for missing, INDENT, DEDENT and end-of-file tokens).</summary>
    public string Text => GreenToken.Text;

    public override bool IsMissing => GreenToken.IsMissing;

    /// <summary>True for keywords and for soft keywords used as keywords is not tracked here; see the parent node.</summary>
    public bool IsKeyword => Kind >= SyntaxKind.FalseKeyword && Kind <= SyntaxKind.YieldKeyword;

    public IReadOnlyList<SyntaxTrivia> LeadingTrivia => MakeTrivia(GreenToken.LeadingTrivia, Position);

    public IReadOnlyList<SyntaxTrivia> TrailingTrivia => MakeTrivia(GreenToken.TrailingTrivia, Span.End);

    private static SyntaxTrivia[] MakeTrivia(GreenTrivia[] trivia, int start)
    {
        var result = new SyntaxTrivia[trivia.Length];
        for (int i = 0; i < trivia.Length; i++)
        {
            result[i] = new SyntaxTrivia(trivia[i].Kind, trivia[i].Text, new TextSpan(start, trivia[i].FullWidth));
            start += trivia[i].FullWidth;
        }
        return result;
    }

    /// <summary>The next token in the tree (null after end of file).</summary>
    public SyntaxToken? GetNextToken()
    {
        var root = this.Ancestors().LastOrDefault() ?? this;
        int end = FullSpan.End;
        if (end >= root.FullSpan.End) return null;
        var t = root.FindToken(end);
        // Skip zero-width tokens that sit at our own end but precede us in the tree.
        return ReferenceEquals(t.Green, Green) ? null : t;
    }
}

/// <summary>A piece of trivia: whitespace, a comment, a line end, a line continuation or skipped text.</summary>
public readonly record struct SyntaxTrivia(SyntaxKind Kind, string Text, TextSpan Span);

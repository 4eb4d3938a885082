using DjangoLsp.Python.Syntax.Green;
using DjangoLsp.Python.Syntax.Parsing;

namespace DjangoLsp.Python.Syntax;

/// <summary>An identifier used as an expression.</summary>
public sealed class NameExpressionSyntax : ExpressionSyntax
{
    internal NameExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken Identifier => GetToken(0)!;
    public string Name => GetTokenText(0);
}

/// <summary>A number, <c>True</c>, <c>False</c>, <c>None</c> or <c>...</c> (see <see cref="SyntaxNode.Kind"/>).</summary>
public sealed class LiteralExpressionSyntax : ExpressionSyntax
{
    internal LiteralExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken Token => GetToken(0)!;
}

/// <summary>One or more adjacent string literals, possibly including f-strings and t-strings.</summary>
public sealed class StringLiteralExpressionSyntax : ExpressionSyntax
{
    internal StringLiteralExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    /// <summary><see cref="SyntaxKind.StringToken"/> tokens and <see cref="FStringExpressionSyntax"/> nodes.</summary>
    public IReadOnlyList<SyntaxNode> Parts => GetList<SyntaxNode>(0);

    /// <summary>True if any part is an f-string or t-string.</summary>
    public bool IsFormatted => Parts.Any(p => !p.IsToken);

    /// <summary>True if the literal is bytes (<c>b"..."</c>).</summary>
    public bool IsBytes => Parts.FirstOrDefault() is SyntaxToken t && StringLiteralInfo.Parse(t.Text).IsBytes;

    /// <summary>
    /// The decoded value of a plain (non-f) string literal with adjacent parts joined, escapes processed;
    /// bytes are decoded as Latin-1 characters. Null if the literal contains f-strings.
    /// </summary>
    public string? Value
    {
        get
        {
            // Read from the green parts: rules ask for literal values often and for the red string tokens rarely, and
            // most literals have one part (no builder needed).
            if (Green.GetSlot(0) is not { } parts) return "";
            string? single = null;
            System.Text.StringBuilder? joined = null;
            for (int i = 0; i < parts.SlotCount; i++)
            {
                var part = parts.GetSlot(i);
                if (part is null) continue;
                if (part is not GreenToken token) return null;
                var decoded = StringLiteralInfo.Decode(token.Text, out _);
                if (single is null) single = decoded;
                else (joined ??= new System.Text.StringBuilder(single)).Append(decoded);
            }
            return joined?.ToString() ?? single ?? "";
        }
    }
}

/// <summary>An f-string (<c>f"..."</c>) or t-string (<c>t"..."</c>, <see cref="SyntaxKind.TStringExpression"/>).</summary>
public sealed class FStringExpressionSyntax : ExpressionSyntax
{
    internal FStringExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken StartToken => GetToken(0)!;
    /// <summary><see cref="SyntaxKind.FStringMiddleToken"/> tokens and <see cref="InterpolationSyntax"/> nodes.</summary>
    public IReadOnlyList<SyntaxNode> Parts => GetList<SyntaxNode>(1);
    public SyntaxToken EndToken => GetToken(2)!;
}

/// <summary><c>( expression )</c>.</summary>
public sealed class ParenthesizedExpressionSyntax : ExpressionSyntax
{
    internal ParenthesizedExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Expression => GetRequired<ExpressionSyntax>(1);
}

/// <summary>Tuple, list or set display (see <see cref="SyntaxNode.Kind"/>); tuples may lack parentheses.</summary>
public sealed class CollectionExpressionSyntax : ExpressionSyntax
{
    internal CollectionExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken? OpenToken => GetToken(0);
    public IReadOnlyList<ExpressionSyntax> Elements => GetList<ExpressionSyntax>(1);
    public SyntaxToken? CloseToken => GetToken(2);
}

/// <summary><c>{k: v, **m}</c>.</summary>
public sealed class DictExpressionSyntax : ExpressionSyntax
{
    internal DictExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    /// <summary><see cref="DictEntrySyntax"/> and <see cref="DoubleStarredExpressionSyntax"/> items.</summary>
    public IReadOnlyList<SyntaxNode> Items => GetList<SyntaxNode>(1).Where(n => !n.IsToken).ToList();
}

/// <summary>List, set, dict comprehension or generator expression (see <see cref="SyntaxNode.Kind"/>).</summary>
public sealed class ComprehensionExpressionSyntax : ExpressionSyntax
{
    internal ComprehensionExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    /// <summary>The element expression, or a <see cref="DictEntrySyntax"/> for dict comprehensions.</summary>
    public SyntaxNode Element => GetSlot(1)!;
    public IReadOnlyList<ComprehensionClauseSyntax> Clauses => GetList<ComprehensionClauseSyntax>(2);
}

/// <summary><c>op operand</c> for <c>+ - ~ not</c>.</summary>
public sealed class UnaryExpressionSyntax : ExpressionSyntax
{
    internal UnaryExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken OperatorToken => GetToken(0)!;
    public ExpressionSyntax Operand => GetRequired<ExpressionSyntax>(1);
}

/// <summary><c>left op right</c>: arithmetic/bitwise (<see cref="SyntaxKind.BinaryExpression"/>) or <c>and</c>/<c>or</c> (<see cref="SyntaxKind.BooleanExpression"/>).</summary>
public sealed class BinaryExpressionSyntax : ExpressionSyntax
{
    internal BinaryExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Left => GetRequired<ExpressionSyntax>(0);
    public SyntaxToken OperatorToken => GetToken(1)!;
    public ExpressionSyntax Right => GetRequired<ExpressionSyntax>(2);
}

/// <summary>A comparison chain <c>a &lt; b &lt;= c</c>.</summary>
public sealed class CompareExpressionSyntax : ExpressionSyntax
{
    internal CompareExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Left => GetRequired<ExpressionSyntax>(0);
    public IReadOnlyList<CompareOperandSyntax> Operands => GetList<CompareOperandSyntax>(1);
}

/// <summary><c>await expression</c>.</summary>
public sealed class AwaitExpressionSyntax : ExpressionSyntax
{
    internal AwaitExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Expression => GetRequired<ExpressionSyntax>(1);
}

/// <summary><c>body if test else orelse</c>.</summary>
public sealed class ConditionalExpressionSyntax : ExpressionSyntax
{
    internal ConditionalExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax WhenTrue => GetRequired<ExpressionSyntax>(0);
    public ExpressionSyntax Condition => GetRequired<ExpressionSyntax>(2);
    public ExpressionSyntax WhenFalse => GetRequired<ExpressionSyntax>(4);
}

/// <summary><c>lambda params: body</c>.</summary>
public sealed class LambdaExpressionSyntax : ExpressionSyntax
{
    internal LambdaExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ParameterListSyntax Parameters => GetRequired<ParameterListSyntax>(1);
    public ExpressionSyntax Body => GetRequired<ExpressionSyntax>(3);
}

/// <summary><c>name := value</c>.</summary>
public sealed class NamedExpressionSyntax : ExpressionSyntax
{
    internal NamedExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Target => GetRequired<ExpressionSyntax>(0);
    public ExpressionSyntax Value => GetRequired<ExpressionSyntax>(2);
}

/// <summary><c>*expression</c>.</summary>
public sealed class StarredExpressionSyntax : ExpressionSyntax
{
    internal StarredExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Expression => GetRequired<ExpressionSyntax>(1);
}

/// <summary><c>**expression</c> in a dict display.</summary>
public sealed class DoubleStarredExpressionSyntax : ExpressionSyntax
{
    internal DoubleStarredExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Expression => GetRequired<ExpressionSyntax>(1);
}

/// <summary><c>yield [value]</c> or <c>yield from value</c> (<see cref="SyntaxKind.YieldFromExpression"/>).</summary>
public sealed class YieldExpressionSyntax : ExpressionSyntax
{
    internal YieldExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax? Value => Kind == SyntaxKind.YieldFromExpression ? Get<ExpressionSyntax>(2) : Get<ExpressionSyntax>(1);
}

/// <summary><c>expression.name</c>.</summary>
public sealed class AttributeExpressionSyntax : ExpressionSyntax
{
    internal AttributeExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Expression => GetRequired<ExpressionSyntax>(0);
    public SyntaxToken DotToken => GetToken(1)!;
    public SyntaxToken NameToken => GetToken(2)!;
    public string Name => GetTokenText(2);
}

/// <summary><c>expression(arguments)</c>.</summary>
public sealed class CallExpressionSyntax : ExpressionSyntax
{
    internal CallExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Expression => GetRequired<ExpressionSyntax>(0);
    public ArgumentListSyntax ArgumentList => GetRequired<ArgumentListSyntax>(1);
}

/// <summary><c>expression[index]</c>; the index may be a slice or a tuple of slices.</summary>
public sealed class SubscriptExpressionSyntax : ExpressionSyntax
{
    internal SubscriptExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Expression => GetRequired<ExpressionSyntax>(0);
    public ExpressionSyntax Index => GetRequired<ExpressionSyntax>(2);
}

/// <summary><c>lower:upper:step</c> inside a subscript.</summary>
public sealed class SliceExpressionSyntax : ExpressionSyntax
{
    internal SliceExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax? Lower => Get<ExpressionSyntax>(0);
    public ExpressionSyntax? Upper => Get<ExpressionSyntax>(2);
    public ExpressionSyntax? Step => Get<ExpressionSyntax>(4);
}

/// <summary>A pattern of a case clause. Which parts exist depends on <see cref="SyntaxNode.Kind"/>.</summary>
public sealed class GenericPatternSyntax : PatternSyntax
{
    internal GenericPatternSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    /// <summary>Sub-patterns (or, sequence, class, group, as, key-value and keyword patterns).</summary>
    public IReadOnlyList<PatternSyntax> Patterns => ChildNodes().OfType<PatternSyntax>().ToList();

    /// <summary>Value, mapping key or class expression, if any.</summary>
    public ExpressionSyntax? Expression => ChildNodes().OfType<ExpressionSyntax>().FirstOrDefault();

    /// <summary>The bound or keyword name, if any.</summary>
    public SyntaxToken? NameToken => ChildNodesAndTokens().OfType<SyntaxToken>().LastOrDefault(t => t.Kind == SyntaxKind.IdentifierToken);
}

using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax;

/// <summary>Base of all expressions.</summary>
public abstract class ExpressionSyntax : SyntaxNode
{
    internal ExpressionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }
}

/// <summary>Base of all statements.</summary>
public abstract class StatementSyntax : SyntaxNode
{
    internal StatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }
}

/// <summary>A statement that fits on one logical line; ends with an optional ';' and/or the NEWLINE.</summary>
public abstract class SimpleStatementSyntax : StatementSyntax
{
    internal SimpleStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    /// <summary>The ';' after the statement, if any.</summary>
    public SyntaxToken? SemicolonToken => GetToken(SlotCount - 2);

    /// <summary>The NEWLINE ending the logical line (null when another statement follows a ';').</summary>
    public SyntaxToken? NewLineToken => GetToken(SlotCount - 1);
}

/// <summary>Base of match-statement patterns.</summary>
public abstract class PatternSyntax : SyntaxNode
{
    internal PatternSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }
}

/// <summary>The root: a whole file.</summary>
public sealed class ModuleSyntax : SyntaxNode
{
    internal ModuleSyntax(GreenNode g, SyntaxNode? p, int pos, PythonSyntaxTree? tree) : base(g, p, pos) => Tree = tree;

    /// <summary>The tree whose root this is (null for a module built outside a tree).</summary>
    internal PythonSyntaxTree? Tree { get; }

    public IReadOnlyList<StatementSyntax> Statements => GetList<StatementSyntax>(0);

    public SyntaxToken EndOfFileToken => GetToken(1)!;
}

/// <summary>A suite: either NEWLINE INDENT statements DEDENT, or simple statements on the header's line.</summary>
public sealed class BlockSyntax : SyntaxNode
{
    internal BlockSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken? NewLineToken => GetToken(0);
    public SyntaxToken? IndentToken => GetToken(1);
    public IReadOnlyList<StatementSyntax> Statements => GetList<StatementSyntax>(2);
    public SyntaxToken? DedentToken => GetToken(3);
}

/// <summary><c>@expression NEWLINE</c> before a def or class.</summary>
public sealed class DecoratorSyntax : SyntaxNode
{
    internal DecoratorSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken AtToken => GetToken(0)!;
    public ExpressionSyntax Expression => GetRequired<ExpressionSyntax>(1);
    public SyntaxToken NewLineToken => GetToken(2)!;
}

/// <summary><c>a.b.c</c> in imports.</summary>
public sealed class DottedNameSyntax : SyntaxNode
{
    internal DottedNameSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public IReadOnlyList<SyntaxToken> Identifiers => GetList<SyntaxToken>(0).Where(t => t.Kind == SyntaxKind.IdentifierToken).ToList();

    /// <summary>The dotted name as written without whitespace, e.g. <c>os.path</c>.</summary>
    public string Name
    {
        get
        {
            // Read from the green tokens: every import asks for its name, hardly anything for the red tokens.
            if (Green.GetSlot(0) is not { } list) return "";
            string? single = null;
            System.Text.StringBuilder? joined = null;
            for (int i = 0; i < list.SlotCount; i++)
            {
                if (list.GetSlot(i) is not GreenToken { Kind: SyntaxKind.IdentifierToken } identifier) continue;
                if (single is null) single = identifier.Text;
                else (joined ??= new System.Text.StringBuilder(single)).Append('.').Append(identifier.Text);
            }
            return joined?.ToString() ?? single ?? "";
        }
    }
}

/// <summary><c>( arguments )</c> of a call or class definition.</summary>
public sealed class ArgumentListSyntax : SyntaxNode
{
    internal ArgumentListSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken OpenParenToken => GetToken(0)!;
    public IReadOnlyList<ArgumentSyntax> Arguments => GetList<ArgumentSyntax>(1);
    public SyntaxToken CloseParenToken => GetToken(2)!;
}

/// <summary>One argument: positional, <c>name=value</c>, <c>*args</c> or <c>**kwargs</c>.</summary>
public sealed class ArgumentSyntax : SyntaxNode
{
    internal ArgumentSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    /// <summary>The keyword name for <c>name=value</c>.</summary>
    public SyntaxToken? NameToken => GetToken(0);
    public SyntaxToken? EqualsToken => GetToken(1);
    /// <summary><c>*</c> or <c>**</c> for unpacking.</summary>
    public SyntaxToken? StarToken => GetToken(2);
    public ExpressionSyntax Expression => GetRequired<ExpressionSyntax>(3);
    public bool IsKeyword => NameToken is not null;
}

/// <summary>Parameters of a def (parenthesized) or a lambda (bare).</summary>
public sealed class ParameterListSyntax : SyntaxNode
{
    internal ParameterListSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken? OpenParenToken => GetToken(0);
    /// <summary>Parameters and the <c>/</c> separator in source order.</summary>
    public IReadOnlyList<SyntaxNode> Items => GetList<SyntaxNode>(1).Where(n => !n.IsToken).ToList();
    public IReadOnlyList<ParameterSyntax> Parameters => GetList<ParameterSyntax>(1);
    public SyntaxToken? CloseParenToken => GetToken(2);
}

/// <summary>One parameter: <c>name[: annotation][= default]</c>, <c>*args</c>, <c>**kwargs</c> or a bare <c>*</c>.</summary>
public sealed class ParameterSyntax : SyntaxNode
{
    internal ParameterSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken? StarToken => GetToken(0);
    /// <summary>The name; null for the bare <c>*</c> separator.</summary>
    public SyntaxToken? NameToken => GetToken(1);
    public SyntaxToken? ColonToken => GetToken(2);
    public ExpressionSyntax? Annotation => Get<ExpressionSyntax>(3);
    public SyntaxToken? EqualsToken => GetToken(4);
    public ExpressionSyntax? Default => Get<ExpressionSyntax>(5);
}

/// <summary>The <c>/</c> marking the end of positional-only parameters.</summary>
public sealed class PositionalOnlySeparatorSyntax : SyntaxNode
{
    internal PositionalOnlySeparatorSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken SlashToken => GetToken(0)!;
}

/// <summary>PEP 695 <c>[T, *Ts, **P]</c>.</summary>
public sealed class TypeParameterListSyntax : SyntaxNode
{
    internal TypeParameterListSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public IReadOnlyList<TypeParameterSyntax> Parameters => GetList<TypeParameterSyntax>(1);
}

/// <summary>One type parameter with optional bound and PEP 696 default.</summary>
public sealed class TypeParameterSyntax : SyntaxNode
{
    internal TypeParameterSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken? StarToken => GetToken(0);
    public SyntaxToken NameToken => GetToken(1)!;
    public ExpressionSyntax? Bound => Get<ExpressionSyntax>(3);
    public ExpressionSyntax? Default => Get<ExpressionSyntax>(5);
}

/// <summary><c>elif test: block</c>.</summary>
public sealed class ElifClauseSyntax : SyntaxNode
{
    internal ElifClauseSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Condition => GetRequired<ExpressionSyntax>(1);
    public BlockSyntax Body => GetRequired<BlockSyntax>(3);
}

/// <summary><c>else: block</c>.</summary>
public sealed class ElseClauseSyntax : SyntaxNode
{
    internal ElseClauseSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public BlockSyntax Body => GetRequired<BlockSyntax>(2);
}

/// <summary><c>except[*] [type [as name]]: block</c>.</summary>
public sealed class ExceptClauseSyntax : SyntaxNode
{
    internal ExceptClauseSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken? StarToken => GetToken(1);
    public ExpressionSyntax? Type => Get<ExpressionSyntax>(2);
    public SyntaxToken? NameToken => GetToken(4);
    public BlockSyntax Body => GetRequired<BlockSyntax>(6);
}

/// <summary><c>finally: block</c>.</summary>
public sealed class FinallyClauseSyntax : SyntaxNode
{
    internal FinallyClauseSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public BlockSyntax Body => GetRequired<BlockSyntax>(2);
}

/// <summary><c>expression [as target]</c> in a with statement.</summary>
public sealed class WithItemSyntax : SyntaxNode
{
    internal WithItemSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Expression => GetRequired<ExpressionSyntax>(0);
    public ExpressionSyntax? Target => Get<ExpressionSyntax>(2);
}

/// <summary><c>name [as alias]</c> in import statements.</summary>
public sealed class ImportAliasSyntax : SyntaxNode
{
    internal ImportAliasSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public DottedNameSyntax Name => GetRequired<DottedNameSyntax>(0);
    public SyntaxToken? AsToken => GetToken(1);
    public SyntaxToken? AliasToken => GetToken(2);
}

/// <summary><c>case pattern [if guard]: block</c>.</summary>
public sealed class CaseClauseSyntax : SyntaxNode
{
    internal CaseClauseSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public PatternSyntax Pattern => GetRequired<PatternSyntax>(1);
    public ExpressionSyntax? Guard => Get<ExpressionSyntax>(3);
    public BlockSyntax Body => GetRequired<BlockSyntax>(5);
}

/// <summary>Base of comprehension clauses.</summary>
public abstract class ComprehensionClauseSyntax : SyntaxNode
{
    internal ComprehensionClauseSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }
}

/// <summary><c>[async] for target in iterable</c> inside a comprehension.</summary>
public sealed class ComprehensionForSyntax : ComprehensionClauseSyntax
{
    internal ComprehensionForSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken? AsyncKeyword => GetToken(0);
    public ExpressionSyntax Target => GetRequired<ExpressionSyntax>(2);
    public ExpressionSyntax Iterable => GetRequired<ExpressionSyntax>(4);
}

/// <summary><c>if condition</c> inside a comprehension.</summary>
public sealed class ComprehensionIfSyntax : ComprehensionClauseSyntax
{
    internal ComprehensionIfSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Condition => GetRequired<ExpressionSyntax>(1);
}

/// <summary><c>key: value</c> in a dict display or comprehension.</summary>
public sealed class DictEntrySyntax : SyntaxNode
{
    internal DictEntrySyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Key => GetRequired<ExpressionSyntax>(0);
    public ExpressionSyntax Value => GetRequired<ExpressionSyntax>(2);
}

/// <summary>One <c>op right</c> link of a comparison chain (<c>not in</c> and <c>is not</c> use two tokens).</summary>
public sealed class CompareOperandSyntax : SyntaxNode
{
    internal CompareOperandSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken OperatorToken => GetToken(0)!;
    public SyntaxToken? SecondOperatorToken => GetToken(1);
    public ExpressionSyntax Right => GetRequired<ExpressionSyntax>(2);
}

/// <summary>A replacement field <c>{expr[=][!conv][:spec]}</c> of an f-string or t-string.</summary>
public sealed class InterpolationSyntax : SyntaxNode
{
    internal InterpolationSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Expression => GetRequired<ExpressionSyntax>(1);
    /// <summary>The <c>=</c> of a self-documenting field (<c>f"{x=}"</c>).</summary>
    public SyntaxToken? EqualsToken => GetToken(2);
    /// <summary>The conversion name after <c>!</c> (<c>r</c>, <c>s</c> or <c>a</c>).</summary>
    public SyntaxToken? ConversionToken => GetToken(4);
    public SyntaxToken? ColonToken => GetToken(5);
    /// <summary>Format spec parts: <see cref="SyntaxKind.FStringMiddleToken"/> tokens and nested <see cref="InterpolationSyntax"/>.</summary>
    public IReadOnlyList<SyntaxNode> FormatSpecParts => GetList<SyntaxNode>(6);
    public SyntaxToken CloseBraceToken => GetToken(7)!;
}

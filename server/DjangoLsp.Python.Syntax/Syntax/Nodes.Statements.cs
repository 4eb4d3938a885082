using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax;

/// <summary>An expression used as a statement (calls, docstrings, ...).</summary>
public sealed class ExpressionStatementSyntax : SimpleStatementSyntax
{
    internal ExpressionStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Expression => GetRequired<ExpressionSyntax>(0);
}

/// <summary><c>t1 = t2 = value</c>.</summary>
public sealed class AssignmentStatementSyntax : SimpleStatementSyntax
{
    internal AssignmentStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    /// <summary>Every target left of an <c>=</c>, left to right.</summary>
    public IReadOnlyList<ExpressionSyntax> Targets => GetList<ExpressionSyntax>(0);
    public ExpressionSyntax Value => GetRequired<ExpressionSyntax>(1);
}

/// <summary><c>target op= value</c>.</summary>
public sealed class AugmentedAssignmentStatementSyntax : SimpleStatementSyntax
{
    internal AugmentedAssignmentStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Target => GetRequired<ExpressionSyntax>(0);
    public SyntaxToken OperatorToken => GetToken(1)!;
    public ExpressionSyntax Value => GetRequired<ExpressionSyntax>(2);
}

/// <summary><c>target: annotation [= value]</c>.</summary>
public sealed class AnnotatedAssignmentStatementSyntax : SimpleStatementSyntax
{
    internal AnnotatedAssignmentStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Target => GetRequired<ExpressionSyntax>(0);
    public ExpressionSyntax Annotation => GetRequired<ExpressionSyntax>(2);
    public ExpressionSyntax? Value => Get<ExpressionSyntax>(4);
}

/// <summary><c>pass</c>, <c>break</c> or <c>continue</c> (see <see cref="SyntaxNode.Kind"/>).</summary>
public sealed class KeywordStatementSyntax : SimpleStatementSyntax
{
    internal KeywordStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken Keyword => GetToken(0)!;
}

/// <summary><c>return [value]</c>.</summary>
public sealed class ReturnStatementSyntax : SimpleStatementSyntax
{
    internal ReturnStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax? Value => Get<ExpressionSyntax>(1);
}

/// <summary><c>raise [exc [from cause]]</c>.</summary>
public sealed class RaiseStatementSyntax : SimpleStatementSyntax
{
    internal RaiseStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax? Exception => Get<ExpressionSyntax>(1);
    public ExpressionSyntax? Cause => Get<ExpressionSyntax>(3);
}

/// <summary><c>global a, b</c> or <c>nonlocal a, b</c> (see <see cref="SyntaxNode.Kind"/>).</summary>
public sealed class NameDeclarationStatementSyntax : SimpleStatementSyntax
{
    internal NameDeclarationStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public IReadOnlyList<SyntaxToken> Names => GetList<SyntaxToken>(1).Where(t => t.Kind == SyntaxKind.IdentifierToken).ToList();
}

/// <summary><c>del a, b[0]</c>.</summary>
public sealed class DeleteStatementSyntax : SimpleStatementSyntax
{
    internal DeleteStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public IReadOnlyList<ExpressionSyntax> Targets => GetList<ExpressionSyntax>(1);
}

/// <summary><c>assert test[, message]</c>.</summary>
public sealed class AssertStatementSyntax : SimpleStatementSyntax
{
    internal AssertStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Condition => GetRequired<ExpressionSyntax>(1);
    public ExpressionSyntax? Message => Get<ExpressionSyntax>(3);
}

/// <summary><c>import a.b as c, d</c>.</summary>
public sealed class ImportStatementSyntax : SimpleStatementSyntax
{
    internal ImportStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public IReadOnlyList<ImportAliasSyntax> Names => GetList<ImportAliasSyntax>(1);
}

/// <summary><c>from [.]*module import names</c> / <c>import *</c>.</summary>
public sealed class FromImportStatementSyntax : SimpleStatementSyntax
{
    internal FromImportStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    /// <summary>Number of leading dots (relative import level).</summary>
    public int Level => GetList<SyntaxToken>(1).Sum(t => t.Text.Length);
    public DottedNameSyntax? Module => Get<DottedNameSyntax>(2);
    public IReadOnlyList<ImportAliasSyntax> Names => GetList<ImportAliasSyntax>(5);
    public bool IsStarImport => GetList<SyntaxToken>(5).Any(t => t.Kind == SyntaxKind.StarToken);
}

/// <summary>PEP 695 <c>type Name[T] = value</c>.</summary>
public sealed class TypeAliasStatementSyntax : SimpleStatementSyntax
{
    internal TypeAliasStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken NameToken => GetToken(1)!;
    public TypeParameterListSyntax? TypeParameters => Get<TypeParameterListSyntax>(2);
    public ExpressionSyntax Value => GetRequired<ExpressionSyntax>(4);
}

/// <summary>Base of statements with blocks.</summary>
public abstract class CompoundStatementSyntax : StatementSyntax
{
    internal CompoundStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }
}

/// <summary><c>if test: block elif...: else:</c>.</summary>
public sealed class IfStatementSyntax : CompoundStatementSyntax
{
    internal IfStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Condition => GetRequired<ExpressionSyntax>(1);
    public BlockSyntax Body => GetRequired<BlockSyntax>(3);
    public IReadOnlyList<ElifClauseSyntax> ElifClauses => GetList<ElifClauseSyntax>(4);
    public ElseClauseSyntax? Else => Get<ElseClauseSyntax>(5);
}

/// <summary><c>while test: block [else: block]</c>.</summary>
public sealed class WhileStatementSyntax : CompoundStatementSyntax
{
    internal WhileStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Condition => GetRequired<ExpressionSyntax>(1);
    public BlockSyntax Body => GetRequired<BlockSyntax>(3);
    public ElseClauseSyntax? Else => Get<ElseClauseSyntax>(4);
}

/// <summary><c>[async] for target in iterable: block [else: block]</c>.</summary>
public sealed class ForStatementSyntax : CompoundStatementSyntax
{
    internal ForStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken? AsyncKeyword => GetToken(0);
    public ExpressionSyntax Target => GetRequired<ExpressionSyntax>(2);
    public ExpressionSyntax Iterable => GetRequired<ExpressionSyntax>(4);
    public BlockSyntax Body => GetRequired<BlockSyntax>(6);
    public ElseClauseSyntax? Else => Get<ElseClauseSyntax>(7);
}

/// <summary><c>try: ... except ...: ... else: ... finally: ...</c>.</summary>
public sealed class TryStatementSyntax : CompoundStatementSyntax
{
    internal TryStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public BlockSyntax Body => GetRequired<BlockSyntax>(2);
    public IReadOnlyList<ExceptClauseSyntax> ExceptClauses => GetList<ExceptClauseSyntax>(3);
    public ElseClauseSyntax? Else => Get<ElseClauseSyntax>(4);
    public FinallyClauseSyntax? Finally => Get<FinallyClauseSyntax>(5);
}

/// <summary><c>[async] with item, ...: block</c> (items optionally parenthesized).</summary>
public sealed class WithStatementSyntax : CompoundStatementSyntax
{
    internal WithStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public SyntaxToken? AsyncKeyword => GetToken(0);
    public IReadOnlyList<WithItemSyntax> Items => GetList<WithItemSyntax>(3);
    public BlockSyntax Body => GetRequired<BlockSyntax>(6);
}

/// <summary><c>@decorators [async] def name[T](params) -> returns: block</c>.</summary>
public sealed class FunctionDefinitionSyntax : CompoundStatementSyntax
{
    internal FunctionDefinitionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public IReadOnlyList<DecoratorSyntax> Decorators => GetList<DecoratorSyntax>(0);
    public SyntaxToken? AsyncKeyword => GetToken(1);
    public SyntaxToken DefKeyword => GetToken(2)!;
    public SyntaxToken NameToken => GetToken(3)!;
    /// <summary>The function's name (empty if missing).</summary>
    public string Name => GetTokenText(3);
    public TypeParameterListSyntax? TypeParameters => Get<TypeParameterListSyntax>(4);
    public ParameterListSyntax Parameters => GetRequired<ParameterListSyntax>(5);
    public ExpressionSyntax? ReturnAnnotation => Get<ExpressionSyntax>(7);
    public BlockSyntax Body => GetRequired<BlockSyntax>(9);
}

/// <summary><c>@decorators class Name[T](bases, keywords): block</c>.</summary>
public sealed class ClassDefinitionSyntax : CompoundStatementSyntax
{
    internal ClassDefinitionSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public IReadOnlyList<DecoratorSyntax> Decorators => GetList<DecoratorSyntax>(0);
    public SyntaxToken NameToken => GetToken(2)!;
    public string Name => GetTokenText(2);
    public TypeParameterListSyntax? TypeParameters => Get<TypeParameterListSyntax>(3);
    /// <summary>Bases and keywords (<c>metaclass=...</c>); null when there are no parentheses.</summary>
    public ArgumentListSyntax? Arguments => Get<ArgumentListSyntax>(4);
    public BlockSyntax Body => GetRequired<BlockSyntax>(6);
}

/// <summary><c>match subject: case ...</c>.</summary>
public sealed class MatchStatementSyntax : CompoundStatementSyntax
{
    internal MatchStatementSyntax(GreenNode g, SyntaxNode? p, int pos) : base(g, p, pos) { }

    public ExpressionSyntax Subject => GetRequired<ExpressionSyntax>(1);
    public IReadOnlyList<CaseClauseSyntax> Cases => GetList<CaseClauseSyntax>(5);
}

using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax;

/// <summary>Creates the typed red node for a green node.</summary>
internal static class SyntaxFactory
{
    public static SyntaxNode CreateRed(GreenNode g, SyntaxNode? parent, int position)
    {
        if (g is GreenToken token) return new SyntaxToken(token, parent, position);
        return CreateRedNode(g, parent, position);
    }

    /// <summary>The red node for <paramref name="g"/>, which must not be a token (the bulk walk knows it is not).</summary>
    public static SyntaxNode CreateRedNode(GreenNode g, SyntaxNode? parent, int position)
    {
        System.Diagnostics.Debug.Assert(!g.IsToken);
        return g.Kind switch
        {
            SyntaxKind.Module => new ModuleSyntax(g, parent, position, null),
            SyntaxKind.Block => new BlockSyntax(g, parent, position),
            SyntaxKind.Decorator => new DecoratorSyntax(g, parent, position),
            SyntaxKind.DottedName => new DottedNameSyntax(g, parent, position),
            SyntaxKind.ArgumentList => new ArgumentListSyntax(g, parent, position),
            SyntaxKind.Argument => new ArgumentSyntax(g, parent, position),
            SyntaxKind.ParameterList => new ParameterListSyntax(g, parent, position),
            SyntaxKind.Parameter => new ParameterSyntax(g, parent, position),
            SyntaxKind.PositionalOnlySeparator => new PositionalOnlySeparatorSyntax(g, parent, position),
            SyntaxKind.TypeParameterList => new TypeParameterListSyntax(g, parent, position),
            SyntaxKind.TypeParameter => new TypeParameterSyntax(g, parent, position),
            SyntaxKind.ElifClause => new ElifClauseSyntax(g, parent, position),
            SyntaxKind.ElseClause => new ElseClauseSyntax(g, parent, position),
            SyntaxKind.ExceptClause => new ExceptClauseSyntax(g, parent, position),
            SyntaxKind.FinallyClause => new FinallyClauseSyntax(g, parent, position),
            SyntaxKind.WithItem => new WithItemSyntax(g, parent, position),
            SyntaxKind.ImportAlias => new ImportAliasSyntax(g, parent, position),
            SyntaxKind.CaseClause => new CaseClauseSyntax(g, parent, position),
            SyntaxKind.ComprehensionFor => new ComprehensionForSyntax(g, parent, position),
            SyntaxKind.ComprehensionIf => new ComprehensionIfSyntax(g, parent, position),
            SyntaxKind.DictEntry => new DictEntrySyntax(g, parent, position),
            SyntaxKind.CompareOperand => new CompareOperandSyntax(g, parent, position),
            SyntaxKind.Interpolation => new InterpolationSyntax(g, parent, position),

            SyntaxKind.ExpressionStatement => new ExpressionStatementSyntax(g, parent, position),
            SyntaxKind.AssignmentStatement => new AssignmentStatementSyntax(g, parent, position),
            SyntaxKind.AugmentedAssignmentStatement => new AugmentedAssignmentStatementSyntax(g, parent, position),
            SyntaxKind.AnnotatedAssignmentStatement => new AnnotatedAssignmentStatementSyntax(g, parent, position),
            SyntaxKind.PassStatement or SyntaxKind.BreakStatement or SyntaxKind.ContinueStatement => new KeywordStatementSyntax(g, parent, position),
            SyntaxKind.ReturnStatement => new ReturnStatementSyntax(g, parent, position),
            SyntaxKind.RaiseStatement => new RaiseStatementSyntax(g, parent, position),
            SyntaxKind.GlobalStatement or SyntaxKind.NonlocalStatement => new NameDeclarationStatementSyntax(g, parent, position),
            SyntaxKind.DeleteStatement => new DeleteStatementSyntax(g, parent, position),
            SyntaxKind.AssertStatement => new AssertStatementSyntax(g, parent, position),
            SyntaxKind.ImportStatement => new ImportStatementSyntax(g, parent, position),
            SyntaxKind.FromImportStatement => new FromImportStatementSyntax(g, parent, position),
            SyntaxKind.TypeAliasStatement => new TypeAliasStatementSyntax(g, parent, position),
            SyntaxKind.IfStatement => new IfStatementSyntax(g, parent, position),
            SyntaxKind.WhileStatement => new WhileStatementSyntax(g, parent, position),
            SyntaxKind.ForStatement => new ForStatementSyntax(g, parent, position),
            SyntaxKind.TryStatement => new TryStatementSyntax(g, parent, position),
            SyntaxKind.WithStatement => new WithStatementSyntax(g, parent, position),
            SyntaxKind.FunctionDefinition => new FunctionDefinitionSyntax(g, parent, position),
            SyntaxKind.ClassDefinition => new ClassDefinitionSyntax(g, parent, position),
            SyntaxKind.MatchStatement => new MatchStatementSyntax(g, parent, position),

            SyntaxKind.NameExpression => new NameExpressionSyntax(g, parent, position),
            SyntaxKind.NumberLiteralExpression or SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression
                or SyntaxKind.NoneLiteralExpression or SyntaxKind.EllipsisLiteralExpression => new LiteralExpressionSyntax(g, parent, position),
            SyntaxKind.StringLiteralExpression => new StringLiteralExpressionSyntax(g, parent, position),
            SyntaxKind.FStringExpression or SyntaxKind.TStringExpression => new FStringExpressionSyntax(g, parent, position),
            SyntaxKind.ParenthesizedExpression => new ParenthesizedExpressionSyntax(g, parent, position),
            SyntaxKind.TupleExpression or SyntaxKind.ListExpression or SyntaxKind.SetExpression => new CollectionExpressionSyntax(g, parent, position),
            SyntaxKind.DictExpression => new DictExpressionSyntax(g, parent, position),
            SyntaxKind.ListComprehension or SyntaxKind.SetComprehension or SyntaxKind.DictComprehension
                or SyntaxKind.GeneratorExpression => new ComprehensionExpressionSyntax(g, parent, position),
            SyntaxKind.UnaryExpression => new UnaryExpressionSyntax(g, parent, position),
            SyntaxKind.BinaryExpression or SyntaxKind.BooleanExpression => new BinaryExpressionSyntax(g, parent, position),
            SyntaxKind.CompareExpression => new CompareExpressionSyntax(g, parent, position),
            SyntaxKind.AwaitExpression => new AwaitExpressionSyntax(g, parent, position),
            SyntaxKind.ConditionalExpression => new ConditionalExpressionSyntax(g, parent, position),
            SyntaxKind.LambdaExpression => new LambdaExpressionSyntax(g, parent, position),
            SyntaxKind.NamedExpression => new NamedExpressionSyntax(g, parent, position),
            SyntaxKind.StarredExpression => new StarredExpressionSyntax(g, parent, position),
            SyntaxKind.DoubleStarredExpression => new DoubleStarredExpressionSyntax(g, parent, position),
            SyntaxKind.YieldExpression or SyntaxKind.YieldFromExpression => new YieldExpressionSyntax(g, parent, position),
            SyntaxKind.AttributeExpression => new AttributeExpressionSyntax(g, parent, position),
            SyntaxKind.CallExpression => new CallExpressionSyntax(g, parent, position),
            SyntaxKind.SubscriptExpression => new SubscriptExpressionSyntax(g, parent, position),
            SyntaxKind.SliceExpression => new SliceExpressionSyntax(g, parent, position),

            >= SyntaxKind.ValuePattern and <= SyntaxKind.GroupPattern => new GenericPatternSyntax(g, parent, position),
            _ => new SyntaxNode(g, parent, position),
        };
    }
}

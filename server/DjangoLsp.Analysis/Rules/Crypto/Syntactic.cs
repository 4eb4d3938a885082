using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Crypto;

/// <summary>Small questions about syntax that several rules ask.</summary>
public static class Syntactic
{
    public static ExpressionSyntax? PositionalArgument(CallExpressionSyntax call, int index)
    {
        var positional = call.ArgumentList.Arguments.Where(a => !a.IsKeyword && a.StarToken == null).ToList();
        return index < positional.Count ? positional[index].Expression : null;
    }

    public static ArgumentSyntax? KeywordArgument(CallExpressionSyntax call, string name) =>
        call.ArgumentList.Arguments.FirstOrDefault(a => a.NameToken?.Text == name);

    /// <summary>The argument at <paramref name="index"/> or passed as <paramref name="keyword"/>.</summary>
    public static ExpressionSyntax? Argument(CallExpressionSyntax call, int index, string keyword) =>
        KeywordArgument(call, keyword)?.Expression ?? PositionalArgument(call, index);

    public static bool IsLiteral(ExpressionSyntax e, SyntaxKind keyword) => e is LiteralExpressionSyntax literal && literal.Token.Kind == keyword;

    /// <summary>A constant: number, string (not f-string), True/False/None, or a tuple/list of constants.</summary>
    public static bool IsConstant(ExpressionSyntax e) => e switch
    {
        LiteralExpressionSyntax => true,
        StringLiteralExpressionSyntax s => !s.IsFormatted,
        ParenthesizedExpressionSyntax p => IsConstant(p.Expression),
        UnaryExpressionSyntax u => IsConstant(u.Operand),
        CollectionExpressionSyntax c => c.Elements.All(IsConstant),
        _ => false,
    };

    /// <summary>A name in ALL_CAPS: by convention a module constant.</summary>
    public static bool IsConstantName(ExpressionSyntax e) =>
        e is NameExpressionSyntax n && n.Name.Any(char.IsLetter) && n.Name.All(c => !char.IsLetter(c) || char.IsUpper(c));

    /// <summary>
    /// The names the value of <paramref name="expression"/> is given: assignment targets, keyword argument names,
    /// constant dict keys and, for a returned value, the function's name. Walks out through wrapping
    /// expressions (<c>"".join(...)</c>, <c>str(...)</c>, arithmetic) up to the statement.
    /// </summary>
    public static IEnumerable<string> DestinationNames(ExpressionSyntax expression)
    {
        SyntaxNode node = expression;
        while (node.Parent is { } parent)
        {
            switch (parent)
            {
                case ArgumentSyntax { NameToken: { } keyword }:
                    yield return keyword.Text;
                    yield break;
                case DictEntrySyntax entry when entry.Value == node || node.Span.Start >= entry.Value.Span.Start:
                    if (entry.Key is StringLiteralExpressionSyntax { Value: { } key }) yield return key;
                    yield break;
                case AssignmentStatementSyntax assignment:
                    foreach (var target in assignment.Targets)
                        if (SecretNames.HeadIdentifier(target) is { } name) yield return name;
                    yield break;
                case AnnotatedAssignmentStatementSyntax annotated:
                    if (SecretNames.HeadIdentifier(annotated.Target) is { } annotatedName) yield return annotatedName;
                    yield break;
                case AugmentedAssignmentStatementSyntax augmented:
                    if (SecretNames.HeadIdentifier(augmented.Target) is { } augmentedName) yield return augmentedName;
                    yield break;
                case ReturnStatementSyntax:
                    if (parent.FirstAncestorOrSelf<FunctionDefinitionSyntax>() is { } function) yield return function.NameToken.Text;
                    yield break;
                case StatementSyntax:
                    yield break;
            }
            node = parent;
        }
    }

    public static FunctionDefinitionSyntax? EnclosingFunction(SyntaxNode node) => node.FirstAncestorOrSelf<FunctionDefinitionSyntax>();
}

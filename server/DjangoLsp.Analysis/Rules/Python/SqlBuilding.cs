using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>Recognises SQL text assembled from pieces (f-string, %, .format, +, join), directly or through a local variable.</summary>
internal static class SqlBuilding
{
    /// <summary>How the string was built ("an f-string", "%-formatting", ...), or null when it was not built from non-constant parts.</summary>
    public static string? HowBuilt(ExpressionSyntax expression, PythonSemanticModel model, int depth = 0)
    {
        if (depth > 4) return null;
        expression = expression.Unparenthesize();
        if (model.GetConstantString(expression) != null) return null;
        switch (expression)
        {
            case StringLiteralExpressionSyntax literal when literal.IsFormatted:
                return "an f-string";
            case BinaryExpressionSyntax binary when binary.OperatorToken.Kind == SyntaxKind.PercentToken && IsStringy(binary.Left, model):
                return "%-formatting";
            case BinaryExpressionSyntax binary when binary.OperatorToken.Kind == SyntaxKind.PlusToken
                                                  && (IsStringy(binary.Left, model) || IsStringy(binary.Right, model)
                                                      || HowBuilt(binary.Left, model, depth + 1) != null || HowBuilt(binary.Right, model, depth + 1) != null):
                return "string concatenation (+)";
            case CallExpressionSyntax { Expression: AttributeExpressionSyntax { Name: "format" } format } when IsStringy(format.Expression, model):
                return "str.format()";
            case CallExpressionSyntax { Expression: AttributeExpressionSyntax { Name: "join" } join } when IsStringy(join.Expression, model):
                return "str.join()";
            case NameExpressionSyntax name:
                {
                    var bindings = model.LookupBindings(name.Name, name);
                    var reaching = model.GetReachingBinding(name);
                    if (reaching == null || reaching.Scope.Kind == ScopeKind.Module && model.GetScope(name).Kind != ScopeKind.Module) return null;
                    foreach (var binding in bindings)
                    {
                        if (binding.Kind != BindingKind.Assignment || binding.Value == null) continue;
                        if (binding.Position > name.Span.Start) continue;
                        if (binding.IsPartial && binding.Node.Parent is AugmentedAssignmentStatementSyntax && HowBuilt(binding.Value, model, depth + 1) is null
                            && model.GetConstantString(binding.Value) == null)
                            return "string concatenation (+=)";
                        var how = HowBuilt(binding.Value, model, depth + 1);
                        if (how != null) return how;
                    }
                    return null;
                }
            default:
                return null;
        }
    }

    private static bool IsStringy(ExpressionSyntax expression, PythonSemanticModel model) =>
        expression.Unparenthesize() is StringLiteralExpressionSyntax || model.GetConstantString(expression) != null;
}

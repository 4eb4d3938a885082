using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax.Parsing;

internal sealed partial class Parser
{
    private enum TargetKind { Assign, Delete, For, With }

    /// <summary>Reports expressions that cannot be assigned to (or deleted), with CPython's wording.</summary>
    private static GreenNode CheckTarget(GreenNode expr, TargetKind kind)
    {
        var bad = FindInvalidTarget(expr, kind);
        if (bad is null) return expr;
        string verb = kind == TargetKind.Delete ? "delete" : "assign to";
        return WithError(expr, $"cannot {verb} {DescribeForError(bad)}");
    }

    private static GreenNode? FindInvalidTarget(GreenNode expr, TargetKind kind)
    {
        switch (expr.Kind)
        {
            case SyntaxKind.NameExpression:
            case SyntaxKind.AttributeExpression:
            case SyntaxKind.SubscriptExpression:
                return null;
            case SyntaxKind.ParenthesizedExpression:
                return FindInvalidTarget(expr.GetSlot(1)!, kind);
            case SyntaxKind.StarredExpression:
                return kind == TargetKind.Delete ? expr : FindInvalidTarget(expr.GetSlot(1)!, kind);
            case SyntaxKind.TupleExpression:
            case SyntaxKind.ListExpression:
            {
                var list = expr.GetSlot(1)!;
                for (int i = 0; i < list.SlotCount; i++)
                {
                    var item = list.GetSlot(i)!;
                    if (item.IsToken) continue;
                    var bad = FindInvalidTarget(item, kind);
                    if (bad is not null) return bad;
                }
                return null;
            }
            default:
                return expr;
        }
    }

    /// <summary>CPython's name for an expression in "cannot assign to ..." messages.</summary>
    private static string DescribeForError(GreenNode expr) => expr.Kind switch
    {
        SyntaxKind.NumberLiteralExpression or SyntaxKind.StringLiteralExpression => "literal",
        SyntaxKind.TrueLiteralExpression => "True",
        SyntaxKind.FalseLiteralExpression => "False",
        SyntaxKind.NoneLiteralExpression => "None",
        SyntaxKind.EllipsisLiteralExpression => "ellipsis",
        SyntaxKind.CallExpression => "function call",
        SyntaxKind.BinaryExpression or SyntaxKind.UnaryExpression or SyntaxKind.BooleanExpression => "expression",
        SyntaxKind.CompareExpression => "comparison",
        SyntaxKind.LambdaExpression => "lambda",
        SyntaxKind.ConditionalExpression => "conditional expression",
        SyntaxKind.AwaitExpression => "await expression",
        SyntaxKind.YieldExpression or SyntaxKind.YieldFromExpression => "yield expression",
        SyntaxKind.NamedExpression => "named expression",
        SyntaxKind.DictExpression => "dict literal",
        SyntaxKind.SetExpression => "set display",
        SyntaxKind.ListComprehension => "list comprehension",
        SyntaxKind.SetComprehension => "set comprehension",
        SyntaxKind.DictComprehension => "dict comprehension",
        SyntaxKind.GeneratorExpression => "generator expression",
        SyntaxKind.StarredExpression => "starred",
        SyntaxKind.TupleExpression => "tuple",
        SyntaxKind.ListExpression => "list",
        SyntaxKind.AttributeExpression => "attribute",
        SyntaxKind.SubscriptExpression => "subscript",
        SyntaxKind.NameExpression => "name",
        _ => "expression",
    };
}

using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Semantics;

/// <summary>Small syntax helpers every rule needs: arguments by position or keyword, dotted text of attribute chains.</summary>
public static class CallExtensions
{
    /// <summary>
    /// The argument for a parameter given by position (<paramref name="position"/>, ignored when negative) or by
    /// keyword (<paramref name="keyword"/>); null when absent or passed through <c>*args</c>/<c>**kwargs</c>.
    /// </summary>
    public static ArgumentSyntax? GetArgument(this CallExpressionSyntax call, int position, string? keyword = null)
    {
        var arguments = call.ArgumentList.Arguments;
        if (keyword != null)
        {
            foreach (var argument in arguments)
                if (argument.NameToken?.Text == keyword) return argument;
        }
        if (position < 0) return null;
        var index = 0;
        foreach (var argument in arguments)
        {
            if (argument.IsKeyword) continue;
            if (argument.StarToken != null) return null;
            if (index++ == position) return argument;
        }
        return null;
    }

    /// <summary>The keyword argument <c>name=...</c>, or null.</summary>
    public static ArgumentSyntax? GetKeywordArgument(this CallExpressionSyntax call, string name) =>
        call.ArgumentList.Arguments.FirstOrDefault(a => a.NameToken?.Text == name);

    /// <summary>The positional (non-keyword, non-starred) arguments in order.</summary>
    public static IReadOnlyList<ArgumentSyntax> GetPositionalArguments(this CallExpressionSyntax call) =>
        call.ArgumentList.Arguments.TakeWhile(a => !a.IsKeyword && a.StarToken == null).ToList();

    /// <summary>
    /// The dotted text of a name/attribute chain (<c>self.request.GET.get</c>), looking through calls as
    /// <c>()</c>; null when the chain starts with something else.
    /// </summary>
    public static string? GetDottedText(this ExpressionSyntax expression)
    {
        var parts = new List<string>();
        var current = expression;
        while (true)
        {
            switch (current)
            {
                case NameExpressionSyntax name:
                    parts.Add(name.Name);
                    parts.Reverse();
                    return string.Join('.', parts);
                case AttributeExpressionSyntax attribute:
                    parts.Add(attribute.Name);
                    current = attribute.Expression;
                    break;
                case CallExpressionSyntax call:
                    parts.Add("()");
                    current = call.Expression;
                    break;
                case ParenthesizedExpressionSyntax parenthesized:
                    current = parenthesized.Expression;
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>Strips parentheses.</summary>
    public static ExpressionSyntax Unparenthesize(this ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax p) expression = p.Expression;
        return expression;
    }
}

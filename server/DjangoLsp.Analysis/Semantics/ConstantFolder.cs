using System.Globalization;
using System.Text;
using DjangoLsp.Python.Syntax;
using DjangoLsp.Python.Syntax.Parsing;

namespace DjangoLsp.Analysis.Semantics;

/// <summary>
/// Folds string expressions whose value is known statically: literals, names bound once to a constant,
/// <c>+</c>, <c>%</c> with constant operands, f-strings and <c>.format</c>/<c>.join</c> of constants. Numbers
/// fold to their Python text so they can take part in formatting. Anything else is "not constant" (null).
/// </summary>
internal sealed class ConstantFolder
{
    private const int MaxDepth = 16;
    private readonly PythonSemanticModel _model;

    public ConstantFolder(PythonSemanticModel model) => _model = model;

    public string? Fold(ExpressionSyntax? expression, int depth = 0)
    {
        if (expression == null || depth > MaxDepth) return null;
        switch (expression)
        {
            case StringLiteralExpressionSyntax literal:
                return literal.IsFormatted ? FoldFormatted(literal, depth) : literal.Value;
            case LiteralExpressionSyntax number when number.Kind == SyntaxKind.NumberLiteralExpression:
                return number.Token.Text.Replace("_", "");
            case LiteralExpressionSyntax literal:
                return literal.Kind switch
                {
                    SyntaxKind.TrueLiteralExpression => "True",
                    SyntaxKind.FalseLiteralExpression => "False",
                    SyntaxKind.NoneLiteralExpression => "None",
                    _ => null,
                };
            case ParenthesizedExpressionSyntax parenthesized:
                return Fold(parenthesized.Expression, depth + 1);
            case NameExpressionSyntax name:
                {
                    var binding = _model.GetReachingBinding(name);
                    if (binding is not { Kind: BindingKind.Assignment, IsPartial: false, Value: not null }) return null;
                    // Only a name that is never rebound in its scope is a constant.
                    if (binding.Scope.GetBindings(name.Name).Count != 1) return null;
                    return Fold(binding.Value, depth + 1);
                }
            case BinaryExpressionSyntax binary when binary.OperatorToken.Kind == SyntaxKind.PlusToken:
                {
                    var left = Fold(binary.Left, depth + 1);
                    if (left == null) return null;
                    var right = Fold(binary.Right, depth + 1);
                    return right == null ? null : left + right;
                }
            case BinaryExpressionSyntax binary when binary.OperatorToken.Kind == SyntaxKind.PercentToken:
                {
                    var format = Fold(binary.Left, depth + 1);
                    if (format == null || IsNumber(binary.Left)) return null;
                    var args = Unparenthesize(binary.Right) is CollectionExpressionSyntax { Kind: SyntaxKind.TupleExpression } tuple
                        ? tuple.Elements.Select(e => Fold(e, depth + 1)).ToList()
                        : new List<string?> { Fold(binary.Right, depth + 1) };
                    return args.Any(a => a == null) ? null : PercentFormat(format, args!);
                }
            case CallExpressionSyntax call when call.Expression is AttributeExpressionSyntax { Name: "format" } attribute:
                {
                    var format = Fold(attribute.Expression, depth + 1);
                    if (format == null) return null;
                    var args = new List<string>();
                    foreach (var argument in call.ArgumentList.Arguments)
                    {
                        if (argument.IsKeyword || argument.StarToken != null) return null;
                        var value = Fold(argument.Expression, depth + 1);
                        if (value == null) return null;
                        args.Add(value);
                    }
                    return BraceFormat(format, args);
                }
            case CallExpressionSyntax call when call.Expression is AttributeExpressionSyntax { Name: "join" } attribute
                                               && call.ArgumentList.Arguments.Count == 1:
                {
                    var separator = Fold(attribute.Expression, depth + 1);
                    if (separator == null) return null;
                    if (Unparenthesize(call.ArgumentList.Arguments[0].Expression) is not CollectionExpressionSyntax items) return null;
                    var parts = items.Elements.Select(e => Fold(e, depth + 1)).ToList();
                    return parts.Any(p => p == null) ? null : string.Join(separator, parts);
                }
            default:
                return null;
        }
    }

    private static bool IsNumber(ExpressionSyntax e) => Unparenthesize(e) is LiteralExpressionSyntax { Kind: SyntaxKind.NumberLiteralExpression };

    private string? FoldFormatted(StringLiteralExpressionSyntax literal, int depth)
    {
        var sb = new StringBuilder();
        foreach (var part in literal.Parts)
        {
            if (part is SyntaxToken token)
            {
                sb.Append(StringLiteralInfo.Decode(token.Text, out _));
                continue;
            }
            if (part is not FStringExpressionSyntax fstring || fstring.Kind != SyntaxKind.FStringExpression) return null;
            foreach (var piece in fstring.Parts)
            {
                if (piece is SyntaxToken middle)
                    sb.Append(middle.Text.Replace("{{", "{").Replace("}}", "}"));
                else if (piece is InterpolationSyntax interpolation)
                {
                    if (interpolation.FormatSpecParts.Count > 0 || interpolation.ConversionToken != null || interpolation.EqualsToken != null) return null;
                    var value = Fold(interpolation.Expression, depth + 1);
                    if (value == null) return null;
                    sb.Append(value);
                }
            }
        }
        return sb.ToString();
    }

    /// <summary><c>%s</c>/<c>%d</c>/<c>%%</c> only; anything fancier is not folded.</summary>
    internal static string? PercentFormat(string format, IReadOnlyList<string> args)
    {
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%') { sb.Append(format[i]); continue; }
            if (i + 1 >= format.Length) return null;
            var spec = format[++i];
            if (spec == '%') { sb.Append('%'); continue; }
            if (spec is not ('s' or 'd' or 'r') || next >= args.Count) return null;
            sb.Append(args[next++]);
        }
        return next == args.Count ? sb.ToString() : null;
    }

    /// <summary><c>{}</c> and <c>{0}</c> fields only.</summary>
    internal static string? BraceFormat(string format, IReadOnlyList<string> args)
    {
        var sb = new StringBuilder();
        var auto = 0;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{') { sb.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < format.Length && format[i + 1] == '}') { sb.Append('}'); i++; continue; }
            if (c != '{') { sb.Append(c); continue; }
            var close = format.IndexOf('}', i);
            if (close < 0) return null;
            var field = format.Substring(i + 1, close - i - 1);
            int index;
            if (field.Length == 0) index = auto++;
            else if (!int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out index)) return null;
            if (index >= args.Count) return null;
            sb.Append(args[index]);
            i = close;
        }
        return sb.ToString();
    }

    private static ExpressionSyntax? Unparenthesize(ExpressionSyntax? e)
    {
        while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
        return e;
    }
}

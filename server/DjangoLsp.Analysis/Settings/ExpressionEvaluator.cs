using System.Globalization;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Settings;

/// <summary>
/// Evaluates one expression of a settings module: literals, collections, names already bound, a few operators
/// and builtins, and environment reads. Everything else is <see cref="PyValue.Unknown"/>. Operations on an
/// environment read are applied to its default, so <c>os.environ.get("DEBUG", "0") == "1"</c> stays an
/// environment read whose default is <c>False</c>.
/// </summary>
internal sealed class ExpressionEvaluator
{
    private const int MaxDepth = 64;
    private readonly string _path;
    private readonly Func<string, PyValue> _lookup;
    private int _depth;

    public ExpressionEvaluator(string path, Func<string, PyValue> lookup)
    {
        _path = path;
        _lookup = lookup;
    }

    public PyValue Evaluate(ExpressionSyntax expression)
    {
        if (_depth > MaxDepth) return PyValue.Unknown;
        _depth++;
        try
        {
            return EvaluateCore(expression);
        }
        finally
        {
            _depth--;
        }
    }

    private PyValue EvaluateCore(ExpressionSyntax expression)
    {
        var span = expression.Span;
        switch (expression)
        {
            case StringLiteralExpressionSyntax s:
                return s.Value is { } text && !s.IsBytes ? PyValue.Str(text, _path, span) : PyValue.Unknown;
            case LiteralExpressionSyntax literal:
                return literal.Kind switch
                {
                    SyntaxKind.TrueLiteralExpression => PyValue.Bool(true, _path, span),
                    SyntaxKind.FalseLiteralExpression => PyValue.Bool(false, _path, span),
                    SyntaxKind.NoneLiteralExpression => PyValue.NoneValue(_path, span),
                    SyntaxKind.NumberLiteralExpression => Number(literal.Token.Text, span),
                    _ => PyValue.Unknown,
                };
            case ParenthesizedExpressionSyntax p:
                return Evaluate(p.Expression).WithLocation(_path, span);
            case CollectionExpressionSyntax c:
            {
                var kind = c.Kind switch
                {
                    SyntaxKind.ListExpression => PyValueKind.List,
                    SyntaxKind.TupleExpression => PyValueKind.Tuple,
                    _ => PyValueKind.Set,
                };
                var items = new List<PyValue>();
                foreach (var element in c.Elements)
                {
                    if (element is StarredExpressionSyntax starred)
                    {
                        var spread = Evaluate(starred.Expression).Effective;
                        if (!spread.IsSequence) return PyValue.Unknown;
                        items.AddRange(spread.Items);
                    }
                    else items.Add(Evaluate(element));
                }
                return PyValue.Sequence(kind, items, _path, span);
            }
            case DictExpressionSyntax d:
            {
                var entries = new List<KeyValuePair<PyValue, PyValue>>();
                foreach (var item in d.Items)
                {
                    if (item is DictEntrySyntax entry) entries.Add(new(Evaluate(entry.Key), Evaluate(entry.Value)));
                    else return PyValue.Unknown;
                }
                return PyValue.Dict(entries, _path, span);
            }
            case NameExpressionSyntax name:
                return _lookup(name.Name);
            case UnaryExpressionSyntax unary:
            {
                var operand = Evaluate(unary.Operand);
                return unary.OperatorToken.Text switch
                {
                    "not" => Lift(operand, v => v.Truthy is { } t ? PyValue.Bool(!t, _path, span) : PyValue.Unknown),
                    "-" => Lift(operand, v => v.Kind switch
                    {
                        PyValueKind.Int => PyValue.Int(-v.IntValue, _path, span),
                        PyValueKind.Float => PyValue.Float(-v.FloatValue, _path, span),
                        _ => PyValue.Unknown,
                    }),
                    "+" => operand,
                    _ => PyValue.Unknown,
                };
            }
            case BinaryExpressionSyntax binary:
                return Binary(binary);
            case CompareExpressionSyntax compare when compare.Operands.Count == 1:
                return Compare(compare);
            case ConditionalExpressionSyntax conditional:
                return Evaluate(conditional.Condition).Truthy switch
                {
                    true => Evaluate(conditional.WhenTrue),
                    false => Evaluate(conditional.WhenFalse),
                    _ => PyValue.Unknown,
                };
            case SubscriptExpressionSyntax subscript:
                if (EnvironmentReads.TryReadSubscript(subscript, _path, out var envValue)) return envValue;
                return Subscript(Evaluate(subscript.Expression).Effective, Evaluate(subscript.Index).Effective);
            case CallExpressionSyntax call:
                return Call(call);
            default:
                return PyValue.Unknown;
        }
    }

    private PyValue Number(string text, TextSpan span)
    {
        var clean = text.Replace("_", "", StringComparison.Ordinal);
        if (clean.StartsWith("0x", StringComparison.OrdinalIgnoreCase) &&
            long.TryParse(clean[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
            return PyValue.Int(hex, _path, span);
        if (long.TryParse(clean, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return PyValue.Int(n, _path, span);
        if (!clean.EndsWith('j') && double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return PyValue.Float(d, _path, span);
        return PyValue.Unknown;
    }

    private PyValue Binary(BinaryExpressionSyntax binary)
    {
        var op = binary.OperatorToken.Text;
        var left = Evaluate(binary.Left);
        if (op is "or" or "and")
        {
            return Lift(left, l => l.Truthy switch
            {
                true => op == "or" ? l : Evaluate(binary.Right),
                false => op == "or" ? Evaluate(binary.Right) : l,
                _ => PyValue.Unknown,
            });
        }
        var right = Evaluate(binary.Right);
        return op == "+" ? Operators.Add(left, right, _path, binary.Span) : Operators.Arithmetic(op, left, right, _path, binary.Span);
    }

    private PyValue Compare(CompareExpressionSyntax compare)
    {
        var operand = compare.Operands[0];
        var op = operand.OperatorToken.Text + (operand.SecondOperatorToken is { } second ? " " + second.Text : "");
        var left = Evaluate(compare.Left);
        var right = Evaluate(operand.Right);
        var span = compare.Span;
        if (left.Kind == PyValueKind.Environment && right.Kind == PyValueKind.Environment) return PyValue.Unknown;
        if (right.Kind == PyValueKind.Environment)
            return Lift(right, r => CompareKnown(op, left.Effective, r, span));
        return Lift(left, l => CompareKnown(op, l, right.Effective, span));
    }

    private PyValue CompareKnown(string op, PyValue left, PyValue right, TextSpan span)
    {
        bool? result = op switch
        {
            "==" => PyValue.PyEquals(left, right),
            "!=" => PyValue.PyEquals(left, right) is { } eq ? !eq : null,
            "is" when left.Kind == PyValueKind.None || right.Kind == PyValueKind.None || left.Kind == PyValueKind.Bool && right.Kind == PyValueKind.Bool
                => left.IsKnown && right.IsKnown ? PyValue.PyEquals(left, right) == true && left.Kind == right.Kind : null,
            "is not" when left.Kind == PyValueKind.None || right.Kind == PyValueKind.None || left.Kind == PyValueKind.Bool && right.Kind == PyValueKind.Bool
                => left.IsKnown && right.IsKnown ? !(PyValue.PyEquals(left, right) == true && left.Kind == right.Kind) : null,
            "in" => Contains(right, left),
            "not in" => Contains(right, left) is { } c ? !c : null,
            _ => null,
        };
        return result is { } b ? PyValue.Bool(b, _path, span) : PyValue.Unknown;
    }

    private static bool? Contains(PyValue container, PyValue item)
    {
        if (container.Kind == PyValueKind.Str && item.Kind == PyValueKind.Str)
            return container.StrValue!.Contains(item.StrValue!, StringComparison.Ordinal);
        if (!container.IsSequence) return null;
        var unknown = false;
        foreach (var element in container.Items)
        {
            var eq = PyValue.PyEquals(element, item);
            if (eq == true) return true;
            if (eq == null) unknown = true;
        }
        return unknown ? null : false;
    }

    private static PyValue Subscript(PyValue target, PyValue index)
    {
        if (target.Kind == PyValueKind.Dict)
        {
            foreach (var entry in target.Entries)
                if (PyValue.PyEquals(entry.Key, index) == true) return entry.Value;
            return PyValue.Unknown;
        }
        if (target.IsSequence && target.Kind != PyValueKind.Set && index.Kind == PyValueKind.Int)
        {
            var i = index.IntValue < 0 ? target.Items.Count + index.IntValue : index.IntValue;
            return i >= 0 && i < target.Items.Count ? target.Items[(int)i] : PyValue.Unknown;
        }
        return PyValue.Unknown;
    }

    private PyValue Call(CallExpressionSyntax call)
    {
        if (EnvironmentReads.TryRead(call, Evaluate, _path, out var env)) return env;
        var span = call.Span;
        var args = call.ArgumentList.Arguments;
        if (args.Any(a => a.StarToken != null)) return PyValue.Unknown;
        if (call.Expression is NameExpressionSyntax builtin && args.Count <= 1 && args.All(a => !a.IsKeyword))
        {
            var arg = args.Count == 1 ? Evaluate(args[0].Expression) : null;
            switch (builtin.Name)
            {
                case "bool":
                    return arg == null ? PyValue.Bool(false, _path, span) : Lift(arg, v => v.Truthy is { } t ? PyValue.Bool(t, _path, span) : PyValue.Unknown);
                case "int" when arg != null:
                    return Lift(arg, v => v.Kind switch
                    {
                        PyValueKind.Int => v.WithLocation(_path, span),
                        PyValueKind.Bool => PyValue.Int(v.BoolValue ? 1 : 0, _path, span),
                        PyValueKind.Str when long.TryParse(v.StrValue!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => PyValue.Int(n, _path, span),
                        _ => PyValue.Unknown,
                    });
                case "str" when arg != null:
                    return Lift(arg, v => v.Kind == PyValueKind.Str ? v : PyValue.Unknown);
                case "list" or "tuple" when arg != null:
                    return Lift(arg, v => v.IsSequence
                        ? PyValue.Sequence(builtin.Name == "list" ? PyValueKind.List : PyValueKind.Tuple, v.Items, _path, span)
                        : PyValue.Unknown);
            }
            return PyValue.Unknown;
        }
        if (call.Expression is AttributeExpressionSyntax method)
        {
            var receiver = Evaluate(method.Expression);
            switch (method.Name)
            {
                case "lower" or "upper" or "strip" when args.Count == 0:
                    return Lift(receiver, v => v.Kind != PyValueKind.Str ? PyValue.Unknown : method.Name switch
                    {
                        "lower" => PyValue.Str(v.StrValue!.ToLowerInvariant(), _path, span),
                        "upper" => PyValue.Str(v.StrValue!.ToUpperInvariant(), _path, span),
                        _ => PyValue.Str(v.StrValue!.Trim(), _path, span),
                    });
                case "split" when args.Count == 1 && Evaluate(args[0].Expression).Effective is { Kind: PyValueKind.Str } sep && sep.StrValue!.Length > 0:
                    return Lift(receiver, v => v.Kind != PyValueKind.Str ? PyValue.Unknown
                        : PyValue.Sequence(PyValueKind.List, v.StrValue!.Split(sep.StrValue!).Select(p => PyValue.Str(p, _path, span)).ToList(), _path, span));
            }
        }
        return PyValue.Unknown;
    }

    /// <summary>Applies <paramref name="f"/> to a known value, or to the default of an environment read (keeping it an environment read).</summary>
    private PyValue Lift(PyValue value, Func<PyValue, PyValue> f)
    {
        if (value.Kind == PyValueKind.Environment)
            return value.EnvDefault is null
                ? value
                : PyValue.Environment(value.EnvName!, Lift(value.EnvDefault, f), value.Path, value.Span);
        return value.IsKnown ? f(value) : PyValue.Unknown;
    }
}

/// <summary>Python <c>+ - * //</c> on statically known values.</summary>
internal static class Operators
{
    public static PyValue Add(PyValue left, PyValue right, string path, TextSpan span)
    {
        var l = left.Effective;
        var r = right.Effective;
        if (l.Kind == PyValueKind.Str && r.Kind == PyValueKind.Str) return PyValue.Str(l.StrValue + r.StrValue, path, span);
        if (l.IsSequence && l.Kind == r.Kind && l.Kind != PyValueKind.Set)
            return PyValue.Sequence(l.Kind, l.Items.Concat(r.Items).ToList(), l.Path, l.Span);
        return Arithmetic("+", left, right, path, span);
    }

    public static PyValue Arithmetic(string op, PyValue left, PyValue right, string path, TextSpan span)
    {
        var l = left.Effective;
        var r = right.Effective;
        if (op == "*" && (l.Kind == PyValueKind.Str && r.Kind == PyValueKind.Int || l.Kind == PyValueKind.Int && r.Kind == PyValueKind.Str))
        {
            var (s, n) = l.Kind == PyValueKind.Str ? (l.StrValue!, r.IntValue) : (r.StrValue!, l.IntValue);
            return n <= 0 ? PyValue.Str("", path, span) : (long)s.Length * n > 1_000_000 ? PyValue.Unknown : PyValue.Str(string.Concat(Enumerable.Repeat(s, (int)n)), path, span);
        }
        if (l.Kind is not (PyValueKind.Int or PyValueKind.Bool) || r.Kind is not (PyValueKind.Int or PyValueKind.Bool)) return PyValue.Unknown;
        long a = l.Kind == PyValueKind.Bool ? (l.BoolValue ? 1 : 0) : l.IntValue;
        long b = r.Kind == PyValueKind.Bool ? (r.BoolValue ? 1 : 0) : r.IntValue;
        try
        {
            return op switch
            {
                "+" => PyValue.Int(checked(a + b), path, span),
                "-" => PyValue.Int(checked(a - b), path, span),
                "*" => PyValue.Int(checked(a * b), path, span),
                "//" when b != 0 => PyValue.Int((long)Math.Floor((double)a / b), path, span),
                _ => PyValue.Unknown,
            };
        }
        catch (OverflowException)
        {
            return PyValue.Unknown;
        }
    }
}

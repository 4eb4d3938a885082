using System.Text;
using System.Text.RegularExpressions;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Python.Syntax;
using DjangoLsp.Python.Syntax.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>
/// Rewrites SQL built from strings into a parameterized query: constant text is kept, every value becomes a
/// <c>%s</c> placeholder (a value written inside quotes takes the quotes' other text, e.g. LIKE wildcards,
/// with it), literal <c>%</c> is doubled, and the values go to the API's params argument in order.
/// Identifiers (after FROM/JOIN/ORDER BY/...) cannot be parameters: they stay in the text and the fix is
/// marked for review.
/// </summary>
internal static partial class SqlParameterizeFix
{
    private abstract record Segment;
    private sealed record Const(string Text) : Segment;
    private sealed record Value(string Code) : Segment;

    // Generated at build time: constructing it at run time cost ~10 ms of the first DJ101 finding's thread.
    [GeneratedRegex(@"(?:\b(?:ORDER\s+BY|GROUP\s+BY|FROM|JOIN|INTO|UPDATE|TABLE|SELECT|ASC|DESC)|[.""`])\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierContext();

    public static IReadOnlyList<CodeFix> Create(CallExpressionSyntax call, SqlSink sink, ExpressionSyntax sql, RuleContext context)
    {
        try
        {
            var fix = TryCreate(call, sink, sql, context);
            return fix == null ? Array.Empty<CodeFix>() : new[] { fix };
        }
        catch (InvalidOperationException)
        {
            return Array.Empty<CodeFix>();
        }
    }

    private static CodeFix? TryCreate(CallExpressionSyntax call, SqlSink sink, ExpressionSyntax sql, RuleContext context)
    {
        var model = context.Semantics;
        var text = context.Document.Text;
        var builder = sql.Unparenthesize();
        if (builder is NameExpressionSyntax name)
        {
            var binding = model.GetReachingBinding(name);
            if (binding is not { Kind: BindingKind.Assignment, IsPartial: false, Value: not null }
                || binding.Node.Parent?.Parent is not AssignmentStatementSyntax { Targets.Count: 1 }
                || model.LookupBindings(name.Name, name).Count != 1
                || CountUses(binding.Scope.Node, name.Name) != 2)
                return null;
            builder = binding.Value.Unparenthesize();
        }
        var segments = Decompose(builder, model, text);
        if (segments == null) return null;
        var (newSql, parameters, keptIdentifiers) = Rewrite(segments);
        if (parameters.Count == 0) return null;

        var edits = new List<TextChange>();
        var sqlLiteral = keptIdentifiers ? "f" + Quote(newSql) : Quote(newSql);
        var paramsList = "[" + string.Join(", ", parameters) + "]";
        var arguments = call.ArgumentList.Arguments;
        switch (sink.Kind)
        {
            case SqlApiKind.Execute or SqlApiKind.Raw:
                if (arguments.Count != 1 || arguments[0].IsKeyword || arguments[0].StarToken != null) return null;
                if (builder == sql.Unparenthesize())
                    edits.Add(new TextChange(sql.Span, sqlLiteral + ", " + paramsList));
                else
                {
                    edits.Add(new TextChange(builder.Span, sqlLiteral));
                    edits.Add(new TextChange(new TextSpan(sql.Span.End, 0), ", " + paramsList));
                }
                break;
            case SqlApiKind.RawSql:
                {
                    var tuple = "(" + string.Join(", ", parameters) + (parameters.Count == 1 ? ",)" : ")");
                    if (builder != sql.Unparenthesize()) return null;
                    if (arguments.Count == 1)
                        edits.Add(new TextChange(sql.Span, sqlLiteral + ", " + tuple));
                    else if (arguments.Count == 2 && arguments[1].Expression.Unparenthesize() is CollectionExpressionSyntax { Elements.Count: 0 } empty)
                    {
                        edits.Add(new TextChange(sql.Span, sqlLiteral));
                        edits.Add(new TextChange(empty.Span, tuple));
                    }
                    else return null;
                    break;
                }
            case SqlApiKind.Extra:
                {
                    if (call.GetKeywordArgument("params") != null || builder != sql.Unparenthesize()) return null;
                    var where = call.GetKeywordArgument("where")?.Expression.Unparenthesize() as CollectionExpressionSyntax;
                    if (where == null || !where.Elements.Contains(sql) || where.Elements.Count(e => SqlBuilding.HowBuilt(e, model) != null) != 1) return null;
                    edits.Add(new TextChange(sql.Span, sqlLiteral));
                    var last = arguments[^1];
                    edits.Add(new TextChange(new TextSpan(last.Span.End, 0), ", params=" + paramsList));
                    break;
                }
            default:
                return null;
        }
        var title = keptIdentifiers
            ? "Pass values as query parameters (review: table/column names stay in the SQL text; check them against a fixed list)"
            : "Pass values as query parameters";
        return new CodeFix(title, edits.Select(e => new DocumentEdit(context.Document.Path, e)).ToList(), SafeForFixAll: !keptIdentifiers);
    }

    private static int CountUses(SyntaxNode scope, string name) =>
        scope.DescendantNodes().OfType<NameExpressionSyntax>().Count(n => n.Name == name);

    private static List<Segment>? Decompose(ExpressionSyntax expression, PythonSemanticModel model, SourceText text)
    {
        expression = expression.Unparenthesize();
        var constant = model.GetConstantString(expression);
        if (constant != null) return new List<Segment> { new Const(constant) };
        switch (expression)
        {
            case StringLiteralExpressionSyntax literal when literal.IsFormatted:
                {
                    var result = new List<Segment>();
                    foreach (var part in literal.Parts)
                    {
                        if (part is SyntaxToken token)
                        {
                            result.Add(new Const(StringLiteralInfo.Decode(token.Text, out _)));
                            continue;
                        }
                        if (part is not FStringExpressionSyntax fstring || fstring.Kind != SyntaxKind.FStringExpression) return null;
                        var raw = StringLiteralInfo.Parse(fstring.StartToken.Text).IsRaw;
                        foreach (var piece in fstring.Parts)
                        {
                            if (piece is SyntaxToken middle)
                                result.Add(new Const(StringLiteralInfo.DecodeBody(middle.Text, raw, false, true, out _)));
                            else if (piece is InterpolationSyntax interpolation)
                            {
                                if (interpolation.FormatSpecParts.Count > 0 || interpolation.ConversionToken != null || interpolation.EqualsToken != null) return null;
                                result.Add(new Value(interpolation.Expression.ToString()));
                            }
                        }
                    }
                    return result;
                }
            case BinaryExpressionSyntax binary when binary.OperatorToken.Kind == SyntaxKind.PercentToken:
                {
                    var format = model.GetConstantString(binary.Left);
                    if (format == null) return null;
                    var right = binary.Right.Unparenthesize();
                    var values = right is CollectionExpressionSyntax { Kind: SyntaxKind.TupleExpression } tuple
                        ? tuple.Elements.Select(e => e.ToString()).ToList()
                        : new List<string> { right.ToString() };
                    if (right is DictExpressionSyntax) return null;
                    return SplitFormat(format, values, percent: true);
                }
            case CallExpressionSyntax { Expression: AttributeExpressionSyntax { Name: "format" } attribute } call:
                {
                    var format = model.GetConstantString(attribute.Expression);
                    if (format == null || call.ArgumentList.Arguments.Any(a => a.IsKeyword || a.StarToken != null)) return null;
                    return SplitFormat(format, call.ArgumentList.Arguments.Select(a => a.Expression.ToString()).ToList(), percent: false);
                }
            case BinaryExpressionSyntax binary when binary.OperatorToken.Kind == SyntaxKind.PlusToken:
                {
                    var left = Decompose(binary.Left, model, text) ?? new List<Segment> { new Value(binary.Left.ToString()) };
                    var right = Decompose(binary.Right, model, text) ?? new List<Segment> { new Value(binary.Right.ToString()) };
                    left.AddRange(right);
                    return left;
                }
            default:
                return null;
        }
    }

    private static List<Segment>? SplitFormat(string format, IReadOnlyList<string> values, bool percent)
    {
        var result = new List<Segment>();
        var sb = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (percent && c == '%')
            {
                if (i + 1 >= format.Length) return null;
                var spec = format[++i];
                if (spec == '%') { sb.Append('%'); continue; }
                if (spec is not ('s' or 'd') || next >= values.Count) return null;
                result.Add(new Const(sb.ToString()));
                sb.Clear();
                result.Add(new Value(values[next++]));
                continue;
            }
            if (!percent && c is '{' or '}')
            {
                if (i + 1 < format.Length && format[i + 1] == c) { sb.Append(c); i++; continue; }
                if (c == '}') return null;
                var close = format.IndexOf('}', i);
                if (close < 0) return null;
                var field = format.Substring(i + 1, close - i - 1);
                var index = field.Length == 0 ? next++ : int.TryParse(field, out var n) ? n : -1;
                if (index < 0 || index >= values.Count) return null;
                result.Add(new Const(sb.ToString()));
                sb.Clear();
                result.Add(new Value(values[index]));
                i = close;
                continue;
            }
            sb.Append(c);
        }
        if (percent && next != values.Count) return null;
        result.Add(new Const(sb.ToString()));
        return result;
    }

    /// <summary>Produces the new SQL (kept identifiers as <c>{expr}</c> fields) and the parameter expressions in order.</summary>
    private static (string Sql, List<string> Parameters, bool KeptIdentifiers) Rewrite(List<Segment> segments)
    {
        // Merge adjacent constants so quote matching sees whole runs of text.
        var merged = new List<Segment>();
        foreach (var segment in segments)
        {
            if (segment is Const c && merged.Count > 0 && merged[^1] is Const previous) merged[^1] = new Const(previous.Text + c.Text);
            else merged.Add(segment);
        }
        var parameters = new List<string>();
        var output = new List<(string Text, bool IsField)>();
        var kept = false;
        var quotes = 0;
        for (var i = 0; i < merged.Count; i++)
        {
            if (merged[i] is Const constant)
            {
                output.Add((constant.Text, false));
                quotes += constant.Text.Count(ch => ch == '\'');
                continue;
            }
            var value = ((Value)merged[i]).Code;
            var before = output.Count > 0 && !output[^1].IsField ? output[^1].Text : "";
            if (quotes % 2 == 1)
            {
                // Inside a quoted SQL string: the whole quoted string becomes the parameter.
                var open = before.LastIndexOf('\'');
                var next = i + 1 < merged.Count ? merged[i + 1] as Const : null;
                var closeIndex = next?.Text.IndexOf('\'') ?? -1;
                if (open < 0 || next == null || closeIndex < 0) throw new InvalidOperationException("unbalanced quotes");
                var prefix = before[(open + 1)..];
                var suffix = next.Text[..closeIndex];
                output[^1] = (before[..open], false);
                output.Add(("%s", true));
                parameters.Add(prefix.Length == 0 && suffix.Length == 0 ? value
                    : "f" + Quote(EscapeBraces(prefix) + "{" + value + "}" + EscapeBraces(suffix)));
                merged[i + 1] = new Const(next.Text[(closeIndex + 1)..]);
                quotes++;   // the closing quote was consumed
                continue;
            }
            if (IdentifierContext().IsMatch(before) || (i + 1 < merged.Count && merged[i + 1] is Const { Text: var after } && after.StartsWith('.')))
            {
                output.Add(("{" + value + "}", true));
                kept = true;
                continue;
            }
            output.Add(("%s", true));
            parameters.Add(value);
        }
        var sql = new StringBuilder();
        foreach (var (piece, isField) in output)
        {
            if (isField) sql.Append(piece == "%s" ? "%s" : piece);
            else
            {
                var escaped = piece.Replace("%", "%%");
                sql.Append(kept ? EscapeBraces(escaped) : escaped);
            }
        }
        return (sql.ToString(), parameters, kept);
    }

    private static string EscapeBraces(string text) => text.Replace("{", "{{").Replace("}", "}}");

    /// <summary>A double-quoted Python string literal body for <paramref name="value"/>.</summary>
    private static string Quote(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }
}

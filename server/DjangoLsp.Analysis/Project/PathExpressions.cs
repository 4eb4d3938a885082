using DjangoLsp.Analysis.Settings;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Project;

/// <summary>
/// Evaluates the path expressions settings use for directories (<c>BASE_DIR / "templates"</c>,
/// <c>os.path.join(BASE_DIR, "templates")</c>, <c>Path(__file__).resolve().parent.parent</c>,
/// <c>os.path.dirname(os.path.abspath(__file__))</c>), which the general evaluator leaves unknown.
/// </summary>
internal static class PathExpressions
{
    private const int MaxDepth = 8;

    /// <summary>The DIRS of every TEMPLATES backend, as absolute folders (the ones that could be evaluated).</summary>
    public static IEnumerable<string> TemplateDirs(SettingBinding templates, EvaluatedSettings settings, RecordingFiles files, string root, CancellationToken ct)
    {
        var tree = files.Get(templates.Path)?.GetPythonSyntax(ct);
        if (tree == null) yield break;
        var value = tree.Root.DescendantNodes().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == templates.ValueSpan);
        if (value == null) yield break;
        foreach (var entry in value.DescendantNodes().OfType<DictEntrySyntax>())
        {
            if (entry.Key is not StringLiteralExpressionSyntax { Value: "DIRS" } || entry.Value is not CollectionExpressionSyntax list) continue;
            foreach (var element in list.Elements)
            {
                var dir = Evaluate(element, templates.Path, settings, files, ct, 0);
                if (dir != null) yield return Path.GetFullPath(Path.IsPathRooted(dir) ? dir : Path.Combine(root, dir));
            }
        }
    }

    private static string? Evaluate(ExpressionSyntax expression, string file, EvaluatedSettings settings, RecordingFiles files, CancellationToken ct, int depth)
    {
        if (depth > MaxDepth) return null;
        string? Eval(ExpressionSyntax e) => Evaluate(e, file, settings, files, ct, depth + 1);
        switch (expression)
        {
            case StringLiteralExpressionSyntax s:
                return s.Value;
            case ParenthesizedExpressionSyntax p:
                return Eval(p.Expression);
            case NameExpressionSyntax { Name: "__file__" }:
                return Path.GetFullPath(file);
            case NameExpressionSyntax name:
            {
                var binding = settings.Get(name.Name);
                if (binding == null) return null;
                if (binding.Value.Effective.StrValue is { } str) return str;
                var tree = files.Get(binding.Path)?.GetPythonSyntax(ct);
                var value = tree?.Root.DescendantNodes().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == binding.ValueSpan);
                return value != null ? Evaluate(value, binding.Path, settings, files, ct, depth + 1) : null;
            }
            case BinaryExpressionSyntax { OperatorToken.Text: "/" } binary:
                return Eval(binary.Left) is { } left && Eval(binary.Right) is { } right ? Path.Combine(left, right) : null;
            case AttributeExpressionSyntax { Name: "parent" } parent:
                return Eval(parent.Expression) is { } p2 ? Path.GetDirectoryName(p2) : null;
            case CallExpressionSyntax call:
            {
                var callee = call.Expression.ToString().Replace(" ", "");
                var args = call.ArgumentList.Arguments.Select(a => a.Expression).ToList();
                switch (callee.Split('.').Last())
                {
                    case "Path" or "abspath" or "realpath" or "str" or "PurePath" when args.Count == 1:
                        return Eval(args[0]);
                    case "resolve" or "absolute" when call.Expression is AttributeExpressionSyntax target:
                        return Eval(target.Expression);
                    case "dirname" when args.Count == 1:
                        return Eval(args[0]) is { } d ? Path.GetDirectoryName(d) : null;
                    case "join" when args.Count >= 1 && callee.Contains("path", StringComparison.Ordinal):
                    {
                        var parts = args.Select(Eval).ToList();
                        return parts.All(p => p != null) ? Path.Combine(parts.ToArray()!) : null;
                    }
                    case "joinpath" when call.Expression is AttributeExpressionSyntax target:
                    {
                        var parts = new[] { Eval(target.Expression) }.Concat(args.Select(Eval)).ToList();
                        return parts.All(p => p != null) ? Path.Combine(parts.ToArray()!) : null;
                    }
                }
                return null;
            }
            default:
                return null;
        }
    }
}

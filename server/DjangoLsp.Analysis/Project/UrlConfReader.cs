using System.Text.RegularExpressions;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Project;

/// <summary>
/// Reads URLconfs statically: <c>urlpatterns = [...]</c> (and <c>+=</c>) of <c>path</c>/<c>re_path</c>/<c>url</c>,
/// following <c>include("app.urls")</c>, <c>include(module)</c>, <c>include([...])</c>, <c>include((patterns, app_name))</c>
/// and DRF routers (<c>router.register(prefix, ViewSet)</c> + <c>include(router.urls)</c>).
/// </summary>
internal sealed partial class UrlConfReader
{
    private const int MaxDepth = 10;
    // Generated at build time: RegexOptions.Compiled would compile them to IL and JIT them in every process.
    private static readonly Regex PathConverter = PathConverterPattern();
    private static readonly Regex RegexGroup = RegexGroupPattern();

    [GeneratedRegex(@"<(?:(?<conv>[A-Za-z_][A-Za-z0-9_]*):)?(?<name>[A-Za-z_][A-Za-z0-9_]*)>")]
    private static partial Regex PathConverterPattern();

    [GeneratedRegex(@"\(\?P<(?<name>[A-Za-z_][A-Za-z0-9_]*)>(?<pattern>(?:[^()\\]|\\.|\((?!\?P<)(?:[^()\\]|\\.)*\))*)\)")]
    private static partial Regex RegexGroupPattern();

    private readonly ModuleIndex _modules;
    private readonly List<UrlRoute> _routes = new();
    private readonly HashSet<string> _active = new(StringComparer.Ordinal);
    private readonly CancellationToken _ct;

    public UrlConfReader(ModuleIndex modules, CancellationToken ct)
    {
        _modules = modules;
        _ct = ct;
    }

    public IReadOnlyList<UrlRoute> Read(string rootUrlConf)
    {
        ReadModule(rootUrlConf, "", new List<UrlParameter>(), null, 0);
        return _routes;
    }

    private sealed record ModuleContext(string Path, string Module, Dictionary<string, string> Imports, ModuleSyntax Root,
        Dictionary<string, List<(string Prefix, ExpressionSyntax ViewSet, CallExpressionSyntax Call)>> Routers);

    private void ReadModule(string module, string prefix, List<UrlParameter> parameters, string? ns, int depth, string? explicitNamespace = null)
    {
        if (depth > MaxDepth || !_active.Add(module)) return;
        try
        {
            var file = _modules.FileOf(module);
            var tree = file != null ? _modules.Tree(file) : null;
            if (file == null || tree == null) return;
            var context = new ModuleContext(file, module, _modules.Imports(file, tree.Root), tree.Root, Routers(tree.Root));
            var appName = tree.Root.Statements.OfType<AssignmentStatementSyntax>()
                .Where(a => a.Targets.Any(t => t is NameExpressionSyntax { Name: "app_name" }))
                .Select(a => (a.Value as StringLiteralExpressionSyntax)?.Value).LastOrDefault();
            // include("m", namespace="x") replaces the module's own app_name.
            var effectiveNs = Join(ns, explicitNamespace ?? appName);
            foreach (var list in PatternLists(tree.Root))
                ReadList(context, list, prefix, parameters, effectiveNs, depth);
        }
        finally
        {
            _active.Remove(module);
        }
    }

    private static string? Join(string? outer, string? inner) =>
        inner == null ? outer : outer == null ? inner : outer + ":" + inner;

    /// <summary>The list expressions bound to urlpatterns at module level (assignment and +=).</summary>
    private static IEnumerable<ExpressionSyntax> PatternLists(ModuleSyntax root)
    {
        foreach (var statement in root.Statements)
        {
            switch (statement)
            {
                case AssignmentStatementSyntax a when a.Targets.Any(t => t is NameExpressionSyntax { Name: "urlpatterns" }):
                    yield return a.Value;
                    break;
                case AugmentedAssignmentStatementSyntax { Target: NameExpressionSyntax { Name: "urlpatterns" } } aug:
                    yield return aug.Value;
                    break;
                case ExpressionStatementSyntax { Expression: CallExpressionSyntax { Expression: AttributeExpressionSyntax { Expression: NameExpressionSyntax { Name: "urlpatterns" }, Name: "append" or "extend" } } call }:
                    foreach (var arg in call.ArgumentList.Arguments) yield return arg.Expression;
                    break;
            }
        }
    }

    private static Dictionary<string, List<(string, ExpressionSyntax, CallExpressionSyntax)>> Routers(ModuleSyntax root)
    {
        var routers = new Dictionary<string, List<(string, ExpressionSyntax, CallExpressionSyntax)>>(StringComparer.Ordinal);
        foreach (var statement in root.Statements.OfType<ExpressionStatementSyntax>())
        {
            if (statement.Expression is not CallExpressionSyntax { Expression: AttributeExpressionSyntax { Name: "register", Expression: NameExpressionSyntax router } } call) continue;
            var args = call.ArgumentList.Arguments.Where(a => !a.IsKeyword).ToList();
            if (args.Count < 2 || args[0].Expression is not StringLiteralExpressionSyntax { Value: { } p }) continue;
            if (!routers.TryGetValue(router.Name, out var list)) routers[router.Name] = list = new();
            list.Add((p, args[1].Expression, call));
        }
        return routers;
    }

    private void ReadList(ModuleContext context, ExpressionSyntax expression, string prefix, List<UrlParameter> parameters, string? ns, int depth)
    {
        switch (expression)
        {
            case CollectionExpressionSyntax collection:
                foreach (var element in collection.Elements) ReadList(context, element, prefix, parameters, ns, depth);
                break;
            case BinaryExpressionSyntax binary:
                ReadList(context, binary.Left, prefix, parameters, ns, depth);
                ReadList(context, binary.Right, prefix, parameters, ns, depth);
                break;
            case CallExpressionSyntax call:
                ReadEntry(context, call, prefix, parameters, ns, depth);
                break;
            case AttributeExpressionSyntax { Name: "urls", Expression: NameExpressionSyntax router } when context.Routers.ContainsKey(router.Name):
                AddRouterRoutes(context, router.Name, prefix, parameters, ns);
                break;
        }
    }

    private void ReadEntry(ModuleContext context, CallExpressionSyntax call, string prefix, List<UrlParameter> parameters, string? ns, int depth)
    {
        _ct.ThrowIfCancellationRequested();
        var function = ModuleIndex.Qualify(call.Expression, context.Imports, null) ?? "";
        var shortName = function.Split('.').Last();
        if (shortName is not ("path" or "re_path" or "url")) return;
        var args = call.ArgumentList.Arguments.Where(a => !a.IsKeyword).ToList();
        if (args.Count < 2 || args[0].Expression is not StringLiteralExpressionSyntax { Value: { } pattern }) return;
        var isRegex = shortName != "path";
        var ownParameters = isRegex
            ? RegexGroup.Matches(pattern).Select(m => new UrlParameter(m.Groups["name"].Value, "regex") { Pattern = m.Groups["pattern"].Value }).ToList()
            : PathConverter.Matches(pattern).Select(m => new UrlParameter(m.Groups["name"].Value, m.Groups["conv"].Success ? m.Groups["conv"].Value : "str")).ToList();
        var fullPattern = prefix + (isRegex ? pattern.TrimStart('^').TrimEnd('$') : pattern);
        var allParameters = parameters.Concat(ownParameters).ToList();
        var name = call.ArgumentList.Arguments.FirstOrDefault(a => a.NameToken?.Text == "name")?.Expression is StringLiteralExpressionSyntax { Value: { } n } ? n : null;
        var target = args[1].Expression;

        if (target is CallExpressionSyntax include && (ModuleIndex.Qualify(include.Expression, context.Imports, null) ?? "").EndsWith("include", StringComparison.Ordinal))
        {
            ReadInclude(context, include, fullPattern, allParameters, ns, depth);
            return;
        }
        if (target is AttributeExpressionSyntax { Name: "urls" } urls && ModuleIndex.Qualify(urls.Expression, context.Imports, null) is { } site && site.EndsWith("site", StringComparison.Ordinal))
        {
            _routes.Add(new UrlRoute(fullPattern, allParameters, name, Join(ns, "admin"), site + ".urls", null, context.Path, call.Span, Empty));
            return;
        }
        AddView(context, target, fullPattern, allParameters, name, ns, call);
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private void AddView(ModuleContext context, ExpressionSyntax target, string pattern, List<UrlParameter> parameters, string? name, string? ns, SyntaxNode at)
    {
        var asView = new Dictionary<string, string>(StringComparer.Ordinal);
        // csrf_exempt(view), login_required(view): the wrapped view; the wrapper is judged by the rules.
        while (target is CallExpressionSyntax wrapper)
        {
            if (wrapper.Expression is AttributeExpressionSyntax { Name: "as_view" } method)
            {
                foreach (var keyword in wrapper.ArgumentList.Arguments.Where(a => a.IsKeyword))
                    asView[keyword.NameToken!.Text] = keyword.Expression is StringLiteralExpressionSyntax { Value: { } v } ? v : keyword.Expression.ToString();
                target = method.Expression;
                break;
            }
            var first = wrapper.ArgumentList.Arguments.FirstOrDefault(a => !a.IsKeyword);
            if (first == null) break;
            target = first.Expression;
        }
        var qualified = ModuleIndex.Qualify(target, context.Imports, context.Module);
        var definition = qualified != null ? _modules.Definition(qualified) : null;
        _routes.Add(new UrlRoute(pattern, parameters, name, ns, qualified, definition, context.Path, at.Span, asView));
    }

    private void AddRouterRoutes(ModuleContext context, string router, string prefix, List<UrlParameter> parameters, string? ns)
    {
        foreach (var (p, viewSet, call) in context.Routers[router])
        {
            AddView(context, viewSet, prefix + p + "/", parameters, null, ns, call);
            AddView(context, viewSet, prefix + p + "/<pk>/", parameters.Append(new UrlParameter("pk", "str")).ToList(), null, ns, call);
        }
    }

    private void ReadInclude(ModuleContext context, CallExpressionSyntax include, string prefix, List<UrlParameter> parameters, string? ns, int depth)
    {
        var args = include.ArgumentList.Arguments;
        var first = args.FirstOrDefault(a => !a.IsKeyword)?.Expression;
        var nsArg = args.FirstOrDefault(a => a.NameToken?.Text == "namespace")?.Expression as StringLiteralExpressionSyntax;
        string? appName = null;
        if (first is CollectionExpressionSyntax { Kind: SyntaxKind.TupleExpression } tuple && tuple.Elements.Count == 2)
        {
            appName = (tuple.Elements[1] as StringLiteralExpressionSyntax)?.Value;
            first = tuple.Elements[0];
        }
        else if (first is ParenthesizedExpressionSyntax { Expression: CollectionExpressionSyntax { Elements.Count: 2 } inner })
        {
            appName = (inner.Elements[1] as StringLiteralExpressionSyntax)?.Value;
            first = inner.Elements[0];
        }
        var innerNs = Join(ns, nsArg?.Value ?? appName);
        switch (first)
        {
            case StringLiteralExpressionSyntax { Value: { } module }:
                // app_name inside the included module gives the namespace unless namespace= overrides it.
                ReadModule(module, prefix, parameters, ns, depth + 1, nsArg?.Value);
                break;
            case CollectionExpressionSyntax list:
                ReadList(context, list, prefix, parameters, innerNs, depth + 1);
                break;
            case AttributeExpressionSyntax { Name: "urls", Expression: NameExpressionSyntax router } when context.Routers.ContainsKey(router.Name):
                AddRouterRoutes(context, router.Name, prefix, parameters, innerNs);
                break;
            case { } expression when ModuleIndex.Qualify(expression, context.Imports, null) is { } qualified:
                ReadModule(qualified, prefix, parameters, ns, depth + 1, nsArg?.Value);
                break;
        }
    }
}

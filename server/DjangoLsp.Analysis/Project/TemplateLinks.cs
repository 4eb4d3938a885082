using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Project;

/// <summary>
/// Which routed views render which templates: <c>render(request, "x.html")</c>, <c>render_to_string("x.html")</c>,
/// <c>TemplateResponse(request, "x.html")</c>, <c>get_template("x.html")</c>, <c>template_name = "x.html"</c> on a
/// class and <c>as_view(template_name="x.html")</c> in the URLconf.
/// </summary>
internal static class TemplateLinks
{
    public static IReadOnlyDictionary<string, IReadOnlyList<ViewDefinition>> Read(ModuleIndex modules, IReadOnlyList<UrlRoute> routes, CancellationToken ct)
    {
        var map = new Dictionary<string, List<ViewDefinition>>(StringComparer.Ordinal);
        void Add(string name, ViewDefinition view)
        {
            if (!map.TryGetValue(name, out var list)) map[name] = list = new();
            if (!list.Contains(view)) list.Add(view);
        }
        foreach (var route in routes)
        {
            ct.ThrowIfCancellationRequested();
            if (route.View is not { } view) continue;
            if (route.AsViewArguments.TryGetValue("template_name", out var fromUrl)) Add(fromUrl, view);
            var node = modules.Tree(view.Path)?.Root.DescendantNodes().FirstOrDefault(n => n.Span == view.Span && n is FunctionDefinitionSyntax or ClassDefinitionSyntax);
            if (node == null) continue;
            foreach (var name in RenderedTemplates(node)) Add(name, view);
        }
        return map.ToDictionary(p => p.Key, p => (IReadOnlyList<ViewDefinition>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>Template names a function or class renders (string literals only).</summary>
    public static IEnumerable<string> RenderedTemplates(SyntaxNode view)
    {
        foreach (var node in view.DescendantNodes())
        {
            switch (node)
            {
                case CallExpressionSyntax call:
                {
                    var callee = call.Expression switch
                    {
                        NameExpressionSyntax n => n.Name,
                        AttributeExpressionSyntax a => a.Name,
                        _ => "",
                    };
                    var positional = call.ArgumentList.Arguments.Where(a => !a.IsKeyword).ToList();
                    var index = callee switch
                    {
                        "render" or "TemplateResponse" or "render_to_response" when positional.Count >= 2 => 1,
                        "render_to_string" or "get_template" or "select_template" when positional.Count >= 1 => 0,
                        _ => -1,
                    };
                    if (callee == "render_to_response" && positional.Count >= 1 && positional[0].Expression is StringLiteralExpressionSyntax) index = 0;
                    if (index >= 0 && positional[index].Expression is StringLiteralExpressionSyntax { Value: { } name }) yield return name;
                    var keyword = call.ArgumentList.Arguments.FirstOrDefault(a => a.NameToken?.Text == "template_name");
                    if (keyword?.Expression is StringLiteralExpressionSyntax { Value: { } kw }) yield return kw;
                    break;
                }
                case AssignmentStatementSyntax assignment when assignment.Targets.Any(t => t is NameExpressionSyntax { Name: "template_name" }) &&
                                                               assignment.Value is StringLiteralExpressionSyntax { Value: { } tn }:
                    yield return tn;
                    break;
            }
        }
    }
}

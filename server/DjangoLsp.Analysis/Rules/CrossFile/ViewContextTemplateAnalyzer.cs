using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Project;
using DjangoLsp.Analysis.Rules.Templates;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Analysis.Taint;
using DjangoLsp.Python.Syntax;
using DjangoLsp.Templates.Syntax;

namespace DjangoLsp.Analysis.Rules.CrossFile;

/// <summary>
/// View → template rules (DJ229, DJ230), reported in the template. The project model's reverse map gives the routed
/// views that render this template; each view's snapshot comes from <see cref="AnalysisContext.Files"/>, so editing a
/// view changes the template's findings on the next analysis.
/// </summary>
public sealed class ViewContextTemplateAnalyzer : IDocumentAnalyzer
{
    public IReadOnlyList<RuleDescriptor> SupportedRules { get; } = new[] { RequestDataMarkedSafeInTemplateRule.Rule, MarkSafeValueInScriptRule.Rule };

    public bool Supports(DocumentKind kind) => kind == DocumentKind.DjangoTemplate;

    public IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken)
    {
        var project = DjangoProjectModel.ForFile(document.Path, context, cancellationToken);
        if (project == null) return Array.Empty<Finding>();
        var full = Path.GetFullPath(document.Path);
        var names = project.TemplateDirectories
            .Where(d => full.StartsWith(d.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(d => Path.GetRelativePath(d, full).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();
        var views = names.SelectMany(n => project.TemplateViews.TryGetValue(n, out var v) ? v.Select(x => (Name: n, View: x)) : Enumerable.Empty<(string, ViewDefinition)>()).ToList();
        if (views.Count == 0) return Array.Empty<Finding>();
        var analysis = document.GetTemplateAnalysis(cancellationToken);
        if (analysis.IsJinja2 || analysis.Outputs.Count == 0) return Array.Empty<Finding>();

        var findings = new List<Finding>();
        foreach (var (name, view) in views)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var viewDocument = context.Files.TryGetDocument(view.Path);
            if (viewDocument == null) continue;
            var tree = viewDocument.GetPythonSyntax(cancellationToken);
            var function = tree.Root.Statements.OfType<FunctionDefinitionSyntax>().FirstOrDefault(f => f.Name == view.Name);
            if (function == null) continue;
            var taint = viewDocument.GetPythonTaint(cancellationToken);
            foreach (var (key, value, call) in ContextEntries(function, name))
            {
                foreach (var output in analysis.Outputs)
                {
                    if (output.FilePath != null && !DjangoProject.SamePath(output.FilePath, full)) continue;
                    var root = output.Expression?.Value?.Text.Split('.')[0];
                    if (root != key) continue;
                    var renderAt = new RelatedLocation(view.Path, call.Span, $"'{view.Name}' renders this template with '{key}'");
                    var isScript = TemplateOutputContext.IsJs(output.Context.Kind) || output.Context.Kind == OutputContextKind.ScriptOther || output.Context.EffectiveJsState != null;
                    if (isScript && IsMarkSafe(value, function))
                    {
                        findings.Add(new Finding(MarkSafeValueInScriptRule.Rule, document.Path, output.Span,
                            $"'{key}' is mark_safe(...) in view '{view.Name}' and is printed inside JavaScript here: quotes or </script> in it break out of the script.",
                            MarkSafeValueInScriptRule.Rule.DefaultSeverity, new[] { renderAt }, Array.Empty<CodeFix>()));
                        continue;
                    }
                    var cause = OutputFacts.UnescapedCause(output);
                    if (cause == null) continue;
                    var value2 = taint.Evaluate(value, cancellationToken);
                    if (value2.OriginFor(SinkKind.Html) != TaintOrigin.Request) continue;
                    var related = value2.Trace.Append(renderAt).ToList();
                    findings.Add(new Finding(RequestDataMarkedSafeInTemplateRule.Rule, document.Path, output.Span,
                        $"'{key}' comes from request data in view '{view.Name}' and {cause}: cross-site scripting.",
                        RequestDataMarkedSafeInTemplateRule.Rule.DefaultSeverity, related, Array.Empty<CodeFix>()));
                }
            }
        }
        return findings;
    }

    /// <summary>(key, value expression, render call) for each literal context key passed with <paramref name="template"/>.</summary>
    private static IEnumerable<(string Key, ExpressionSyntax Value, CallExpressionSyntax Call)> ContextEntries(FunctionDefinitionSyntax function, string template)
    {
        foreach (var call in function.DescendantNodes().OfType<CallExpressionSyntax>())
        {
            if (!TemplateLinks.RenderedTemplates(call).Contains(template) && !IsRenderOf(call, template)) continue;
            var positional = call.ArgumentList.Arguments.Where(a => !a.IsKeyword).ToList();
            var callee = call.Expression is NameExpressionSyntax n ? n.Name : (call.Expression as AttributeExpressionSyntax)?.Name;
            var index = callee is "render_to_string" ? 1 : 2;
            var contextArg = call.ArgumentList.Arguments.FirstOrDefault(a => a.NameToken?.Text == "context")?.Expression ??
                             (positional.Count > index ? positional[index].Expression : null);
            if (contextArg is NameExpressionSyntax local)
                contextArg = function.DescendantNodes().OfType<AssignmentStatementSyntax>()
                    .LastOrDefault(a => a.Span.End <= call.Span.Start && a.Targets.Any(t => t is NameExpressionSyntax { } tn && tn.Name == local.Name))?.Value;
            if (contextArg is not DictExpressionSyntax dict) continue;
            foreach (var entry in dict.Items.OfType<DictEntrySyntax>())
                if (entry.Key is StringLiteralExpressionSyntax { Value: { } key }) yield return (key, entry.Value, call);
        }
    }

    private static bool IsRenderOf(CallExpressionSyntax call, string template) =>
        call.ArgumentList.Arguments.Any(a => a.Expression is StringLiteralExpressionSyntax { Value: { } v } && v == template);

    private static bool IsMarkSafe(ExpressionSyntax value, FunctionDefinitionSyntax function)
    {
        if (value is CallExpressionSyntax { Expression: NameExpressionSyntax { Name: "mark_safe" or "SafeString" } }) return true;
        if (value is NameExpressionSyntax name)
            return function.DescendantNodes().OfType<AssignmentStatementSyntax>()
                .Where(a => a.Span.End <= value.Span.Start && a.Targets.Any(t => t is NameExpressionSyntax { } tn && tn.Name == name.Name))
                .LastOrDefault()?.Value is CallExpressionSyntax { Expression: NameExpressionSyntax { Name: "mark_safe" or "SafeString" } };
        return false;
    }
}

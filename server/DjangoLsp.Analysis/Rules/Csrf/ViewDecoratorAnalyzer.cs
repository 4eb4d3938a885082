using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Rules.Csrf;

/// <summary>
/// Reports views that switch off Django's CSRF check (DJ310/DJ311) or its clickjacking header (DJ330): the decorators,
/// <c>method_decorator(...)</c> on classes and methods, and <c>csrf_exempt(view)</c> calls (typically in a URLconf).
/// Decorators are recognised by what the module imported, not by their spelling.
/// </summary>
public sealed class ViewDecoratorAnalyzer : IDocumentAnalyzer
{
    private const string CsrfExempt = "django.views.decorators.csrf.csrf_exempt";
    private const string XFrameExempt = "django.views.decorators.clickjacking.xframe_options_exempt";
    private const string MethodDecorator = "django.utils.decorators.method_decorator";

    public IReadOnlyList<RuleDescriptor> SupportedRules { get; } = new[]
    {
        CsrfExemptStateChangingRule.Rule, CsrfExemptReadOnlyRule.Rule, XFrameOptionsExemptRule.Rule,
    };

    public bool Supports(DocumentKind kind) => kind == DocumentKind.Python;

    private static readonly KeywordGroup Words = SourceKeywords.Register("csrf_exempt", "xframe_options_exempt");

    public IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken)
    {
        var tree = document.GetPythonSyntax(cancellationToken);
        // Cheap pre-filter: nothing to do in the vast majority of modules.
        if (!Words.AnyIn(document)) return Array.Empty<Finding>();
        var imports = new ImportedNames(tree.Root);
        var findings = new List<Finding>();
        var decoratorCalls = new HashSet<CallExpressionSyntax>();
        foreach (var node in tree.Root.DescendantNodes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (node is not DecoratorSyntax decorator) continue;
            var view = decorator.Ancestors().FirstOrDefault(a => a is StatementSyntax);
            if (view is not (FunctionDefinitionSyntax or ClassDefinitionSyntax)) continue;
            if (decorator.Expression is CallExpressionSyntax call) decoratorCalls.Add(call);
            foreach (var applied in AppliedDecorators(decorator.Expression, imports))
            {
                // method_decorator(csrf_exempt) on dispatch/post: judge the whole class.
                var judged = view is FunctionDefinitionSyntax method && method.Ancestors().FirstOrDefault(a => a is StatementSyntax) is ClassDefinitionSyntax owner &&
                             method.Name is "dispatch" or "post" or "put" or "patch" or "delete"
                    ? owner
                    : view;
                var finding = Report(applied, judged, imports, document, DecoratorSpan(decorator), RemoveDecoratorFix(document, decorator, applied));
                if (finding != null) findings.Add(finding);
            }
        }
        // csrf_exempt(view) / xframe_options_exempt(view) used as a function (URLconfs).
        foreach (var call in tree.Root.DescendantNodes().OfType<CallExpressionSyntax>())
        {
            if (decoratorCalls.Contains(call) || call.Parent is DecoratorSyntax) continue;
            var name = imports.Resolve(call.Expression);
            if (name is not (CsrfExempt or XFrameExempt)) continue;
            if (call.FirstAncestorOrSelf<DecoratorSyntax>() != null) continue;
            var target = call.ArgumentList.Arguments.FirstOrDefault()?.Expression;
            var view = target != null ? FindLocalView(tree.Root, target) : null;
            var finding = Report(name, view, imports, document, call.Span, Array.Empty<CodeFix>());
            if (finding != null) findings.Add(finding);
        }
        return findings;
    }

    /// <summary>The exempting decorators an expression applies: itself, or the ones passed to <c>method_decorator</c>.</summary>
    private static IEnumerable<string> AppliedDecorators(ExpressionSyntax expression, ImportedNames imports)
    {
        var direct = imports.Resolve(expression);
        if (direct is CsrfExempt or XFrameExempt)
        {
            yield return direct;
            yield break;
        }
        if (expression is CallExpressionSyntax call && imports.Resolve(call.Expression) == MethodDecorator &&
            call.ArgumentList.Arguments.FirstOrDefault(a => !a.IsKeyword) is { } first)
        {
            var candidates = first.Expression is CollectionExpressionSyntax list ? list.Elements : new[] { first.Expression };
            foreach (var candidate in candidates)
            {
                var resolved = imports.Resolve(candidate);
                if (resolved is CsrfExempt or XFrameExempt) yield return resolved;
            }
        }
    }

    private static Finding? Report(string decorator, SyntaxNode? view, ImportedNames imports, AnalysisDocument document, TextSpan span,
        IReadOnlyList<CodeFix> fixes)
    {
        var viewName = view switch
        {
            FunctionDefinitionSyntax f => f.Name,
            ClassDefinitionSyntax c => c.Name,
            _ => null,
        };
        var reason = view != null ? ViewShape.StateChangingReason(view, imports) : null;
        if (decorator == XFrameExempt)
        {
            var message = reason != null
                ? $"xframe_options_exempt on '{viewName}', which changes state ({reason}): any site can frame it and trick users into clicking."
                : $"xframe_options_exempt on '{viewName ?? "this view"}': any site can frame it (clickjacking).";
            return new Finding(XFrameOptionsExemptRule.Rule, document.Path, span, message, XFrameOptionsExemptRule.Rule.DefaultSeverity,
                Array.Empty<RelatedLocation>(), fixes);
        }
        if (reason != null && view != null && ViewShape.VerifiesSignature(view))
            return new Finding(CsrfExemptReadOnlyRule.Rule, document.Path, span,
                $"csrf_exempt on '{viewName}', which changes state but verifies a request signature (a server-to-server webhook): make sure every path checks it.",
                CsrfExemptReadOnlyRule.Rule.DefaultSeverity, Array.Empty<RelatedLocation>(), fixes);
        if (reason != null)
            return new Finding(CsrfExemptStateChangingRule.Rule, document.Path, span,
                $"csrf_exempt on '{viewName}', which changes state ({reason}): other sites can submit requests to it with the user's cookies.",
                CsrfExemptStateChangingRule.Rule.DefaultSeverity, Array.Empty<RelatedLocation>(), fixes);
        var readOnly = view != null
            ? $"csrf_exempt on '{viewName}', which does not change state: the exemption is unnecessary and becomes a CSRF hole if POST handling is added."
            : "csrf_exempt on a view defined elsewhere: make sure it does not change state, or authenticate its requests another way.";
        return new Finding(CsrfExemptReadOnlyRule.Rule, document.Path, span, readOnly, CsrfExemptReadOnlyRule.Rule.DefaultSeverity,
            Array.Empty<RelatedLocation>(), fixes);
    }

    /// <summary>A function or class of this module named by <paramref name="target"/> (<c>webhook</c> or <c>Webhook.as_view()</c>).</summary>
    private static SyntaxNode? FindLocalView(ModuleSyntax module, ExpressionSyntax target)
    {
        if (target is CallExpressionSyntax { Expression: AttributeExpressionSyntax { Name: "as_view" } asView }) target = asView.Expression;
        if (target is not NameExpressionSyntax name) return null;
        return module.Statements.FirstOrDefault(s =>
            s is FunctionDefinitionSyntax f && f.Name == name.Name || s is ClassDefinitionSyntax c && c.Name == name.Name);
    }

    private static TextSpan DecoratorSpan(DecoratorSyntax decorator) =>
        TextSpan.FromBounds(decorator.AtToken.Span.Start, decorator.Expression.Span.End);

    /// <summary>Deletes the decorator's line (only when it is alone on it); the user confirms, since clients may need changing.</summary>
    private static IReadOnlyList<CodeFix> RemoveDecoratorFix(AnalysisDocument document, DecoratorSyntax decorator, string applied)
    {
        if (decorator.Expression is CallExpressionSyntax) return Array.Empty<CodeFix>();
        var text = document.Text;
        var line = text.Lines.GetLineFromPosition(decorator.AtToken.Span.Start);
        if (text.ToString(line.Span).Trim() != text.ToString(DecoratorSpan(decorator)).Trim()) return Array.Empty<CodeFix>();
        var shortName = applied.Split('.').Last();
        return new[]
        {
            new CodeFix($"Remove @{shortName}", new[] { new DocumentEdit(document.Path, new TextChange(line.SpanIncludingLineBreak, "")) },
                SafeForFixAll: false),
        };
    }
}

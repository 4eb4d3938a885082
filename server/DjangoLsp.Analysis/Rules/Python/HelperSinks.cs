using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Analysis.Taint;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>
/// Inter-procedural sinks: request data passed to a workspace function (same module, <c>self</c> method, or imported
/// from another module) whose parameter reaches one of the rule's sinks inside it. The finding is reported at the
/// argument in the caller, with the trace source → argument → the helper's parameter → the sink in the helper.
/// A helper's sinks per parameter are computed once per rule (the rule's own checks run on the helper with that
/// parameter as the only request data, so its sanitizers and guards apply) and cached with the helper's taint model;
/// nesting is bounded by <see cref="InterproceduralGuard"/> (recursion and cycles are cut).
/// </summary>
internal static class HelperSinks
{
    /// <summary>For call-site findings: the message of the sink at the end of the chain (nested helpers are not repeated).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Finding, string> RootMessages = new();

    public static IEnumerable<Finding> Find(PythonRule rule, SinkKind kind, RuleContext context, IReadOnlyList<CallExpressionSyntax> calls)
    {
        var findings = new List<Finding>();
        // Only request data is reported here: calls where none can be (most of them) are skipped before any data flow.
        foreach (var (call, target) in context.Taint.WorkspaceCallsWithRequestData(calls))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!MayReachSink(rule, target)) continue;
            foreach (var (argument, parameter) in target.Bind(call))
            {
                if (parameter < 0 || !context.Taint.MayCarryRequestData(argument.Expression)) continue;
                var value = context.Taint.Evaluate(argument.Expression, context.CancellationToken);
                if (value.OriginFor(kind) != TaintOrigin.Request) continue;
                var inner = SinksOf(rule, kind, target, parameter, context.CancellationToken);
                if (inner.Count == 0) continue;
                findings.Add(AtCall(rule, context, argument, value, target, parameter, inner));
                break;   // one finding per call and rule: the first argument that reaches a sink
            }
        }
        return findings;
    }

    private static Finding AtCall(PythonRule rule, RuleContext context, ArgumentSyntax argument, TaintValue value, CallTarget target,
        int parameter, IReadOnlyList<Finding> inner)
    {
        var sink = inner[0];
        var name = target.Function.Parameters.Parameters[parameter].NameToken?.Text;
        var related = new List<RelatedLocation>(value.Trace)
        {
            new(context.Document.Path, argument.Expression.Span, $"passed to {target.Describe()} as `{name}`"),
        };
        related.AddRange(sink.Related);
        var line = target.Model.Semantics.Tree.Text.Lines.GetLineFromPosition(Math.Min(sink.Span.Start, target.Model.Semantics.Tree.Text.Length)).LineNumber + 1;
        var more = inner.Count > 1 ? $" (and {inner.Count - 1} more sink{(inner.Count > 2 ? "s" : "")})" : "";
        var root = RootMessages.TryGetValue(sink, out var nested) ? nested : sink.Message;
        var message = $"{Describe(value)} is passed to {target.Describe()}, whose parameter `{name}` reaches a sink at {System.IO.Path.GetFileName(sink.Path)}:{line}{more}: {root}";
        var finding = new Finding(rule.Rule, context.Document.Path, argument.Expression.Span, message, Severity.Error, related, Array.Empty<CodeFix>());
        RootMessages.AddOrUpdate(finding, root);
        return finding;
    }

    private static string Describe(TaintValue value)
    {
        var source = value.Trace.FirstOrDefault();
        return source == null ? "Request data" : "Request data (" + source.Message.Replace(" is request data", "") + ")";
    }

    /// <summary>The rule's findings inside the helper caused by request data in parameter <paramref name="parameter"/> alone.</summary>
    private static IReadOnlyList<Finding> SinksOf(PythonRule rule, SinkKind kind, CallTarget target, int parameter, CancellationToken cancellationToken)
    {
        var key = (rule.Rule.Id, target.Function, parameter);
        if (target.Model.SummaryCache.TryGetValue(key, out var cached)) return (IReadOnlyList<Finding>)cached;
        if (!InterproceduralGuard.TryEnter(key)) return Array.Empty<Finding>();
        try
        {
            var document = target.Model.Document!;
            var seed = new TaintSeed(target.Function, parameter);
            var marker = TaintSeed.Marker(target.Model.Path, target.Function, parameter);
            var context = new RuleContext(document, target.Model.WithSeed(seed), cancellationToken);
            var calls = BodyOf(target).Calls;
            var found = new List<Finding>();
            if (rule.MightApply(document))
            {
                foreach (var call in calls)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (rule.AnalyzeCall(call, context) is { Severity: Severity.Error } finding && StartsAt(finding, marker)) found.Add(finding);
                }
            }
            found.AddRange(Find(rule, kind, context, calls).Where(f => StartsAt(f, marker)));
            target.Model.SummaryCache.TryAdd(key, found);
            return found;
        }
        finally
        {
            InterproceduralGuard.Exit(key);
        }
    }

    /// <summary>
    /// Cheap pre-check before any taint evaluation: the helper's body mentions one of the rule's sink names, or calls a
    /// workspace function that may (bounded like the summaries). Cached per rule and function.
    /// </summary>
    /// <summary>A helper's body text and its own calls (not those of nested functions), shared by every rule's pre-check.</summary>
    private static (string Text, IReadOnlyList<CallExpressionSyntax> Calls) BodyOf(CallTarget target)
    {
        var key = ("body", target.Function);
        if (target.Model.SummaryCache.TryGetValue(key, out var cached)) return ((string, IReadOnlyList<CallExpressionSyntax>))cached;
        var calls = target.Function.Body.DescendantNodes(n => n is not (FunctionDefinitionSyntax or LambdaExpressionSyntax or ClassDefinitionSyntax))
            .OfType<CallExpressionSyntax>().ToList();
        (string, IReadOnlyList<CallExpressionSyntax>) body = (BodyText(target), calls);
        target.Model.SummaryCache.TryAdd(key, body);
        return body;
    }

    /// <summary>
    /// The text the rules' word pre-filters read for a helper's body: the slice of the document's text at its span (what
    /// <c>ToString()</c> gives, without rebuilding it from the tokens).
    /// </summary>
    private static string BodyText(CallTarget target)
    {
        var body = target.Function.Body;
        if (target.Model.TreeDocument is not { } document) return body.ToString();
        var text = document.GetTextString();
        var span = body.Span;
        return span.End <= text.Length ? text.Substring(span.Start, span.Length) : body.ToString();
    }

    private static bool MayReachSink(PythonRule rule, CallTarget target)
    {
        var key = ("may-sink", rule.Rule.Id, target.Function);
        if (target.Model.SummaryCache.TryGetValue(key, out var cached)) return (bool)cached;
        if (!InterproceduralGuard.TryEnter(key)) return false;
        try
        {
            var (bodyText, bodyCalls) = BodyOf(target);
            var result = rule.MightApply(bodyText)
                         || bodyCalls.Any(c => target.Model.ResolveCallee(c) is { } next && next.Model.Document != null && next.Function != target.Function && MayReachSink(rule, next));
            target.Model.SummaryCache.TryAdd(key, result);
            return result;
        }
        finally
        {
            InterproceduralGuard.Exit(key);
        }
    }

    private static bool StartsAt(Finding finding, RelatedLocation marker) => finding.Related.Count > 0 && finding.Related[0] == marker;
}

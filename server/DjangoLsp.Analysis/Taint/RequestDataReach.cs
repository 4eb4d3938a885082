using System.Collections.Concurrent;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Taint;

/// <summary>
/// Whether a function (or the module) can hold request data at all, without running its data flow: a syntactic
/// over-approximation of <see cref="FunctionTaintAnalysis"/> used to skip work whose only purpose is to find request
/// data (sinks in helpers, rules that report request data only). Request data enters a function's analysis only
/// through
/// <list type="bullet">
/// <item>a request source in its own code (<c>request.GET</c>, <c>request.read()</c>, <c>form.data</c>, <c>self.kwargs</c>),
/// exactly as <see cref="TaintEvaluator"/> recognises them;</item>
/// <item>its parameters: the seeded one of a summary run, or URL parameters of a routed view;</item>
/// <item>the return value of a workspace function it calls (<see cref="ReturnSummary.Base"/>), which in turn needs a source
/// in that function or in one it calls.</item>
/// </list>
/// Values of unknown origin, constants and arguments of other calls never become request data. So "no source in the
/// function nor in anything it calls, and no seeded or routed parameter" proves every value in it is not request data.
/// </summary>
internal sealed class RequestDataReach
{
    private readonly PythonTaintModel _model;
    private readonly Lazy<Dictionary<SyntaxNode, OwnerFacts>> _facts;
    private readonly ConcurrentDictionary<SyntaxNode, bool> _reachesSource = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<SyntaxNode, bool> _routed = new(ReferenceEqualityComparer.Instance);

    /// <param name="model">The unseeded model of the module (seeded views share its reach).</param>
    public RequestDataReach(PythonTaintModel model)
    {
        _model = model;
        _facts = new Lazy<Dictionary<SyntaxNode, OwnerFacts>>(ComputeFacts, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// False when no value evaluated in <paramref name="owner"/> (a function, or the module) can be request data in a run
    /// with <paramref name="seed"/> (the seed that applies to this owner, or null for the normal analysis).
    /// </summary>
    public bool MayHold(SyntaxNode owner, TaintSeed? seed)
    {
        if (seed != null)
        {
            if (seed.Parameter >= 0) return true;     // the seeded parameter is request data
        }
        else if (owner is FunctionDefinitionSyntax function && IsRouted(function))
        {
            return true;                              // URL parameters of a routed view
        }
        return ReachesSource(owner);
    }

    private bool IsRouted(FunctionDefinitionSyntax function) =>
        _model.Environment != null && _routed.GetOrAdd(function, f => _model.UrlParametersOf((FunctionDefinitionSyntax)f) is { Count: > 0 });

    /// <summary>
    /// A request source in <paramref name="owner"/>'s own code or in a workspace function reachable through its calls.
    /// One depth-first walk of the call graph; when it finds no source, every function it visited has none either
    /// (all they reach was visited), so they are all remembered as false.
    /// </summary>
    private bool ReachesSource(SyntaxNode owner)
    {
        if (_reachesSource.TryGetValue(owner, out var known)) return known;
        var visited = new HashSet<(RequestDataReach, SyntaxNode)> { (this, owner) };
        var pending = new Stack<(RequestDataReach Reach, SyntaxNode Owner)>();
        pending.Push((this, owner));
        var found = false;
        while (pending.Count > 0 && !found)
        {
            var (reach, current) = pending.Pop();
            if (reach._reachesSource.TryGetValue(current, out var result))
            {
                found = result;
                continue;
            }
            var facts = reach.FactsOf(current);
            if (facts.HasSource)
            {
                found = true;
                break;
            }
            foreach (var call in facts.Calls)
            {
                if (reach._model.ResolveCallee(call) is not { } target) continue;
                var next = (target.Model.Reach, (SyntaxNode)target.Function);
                if (visited.Add(next)) pending.Push(next);
            }
        }
        if (found) _reachesSource.TryAdd(owner, true);
        else
            foreach (var (reach, node) in visited) reach._reachesSource.TryAdd(node, false);
        return found;
    }

    private OwnerFacts FactsOf(SyntaxNode owner) => _facts.Value.TryGetValue(owner, out var facts) ? facts : OwnerFacts.None;

    /// <summary>
    /// The facts of every owner (the module and each function) in one pass over the module's nodes in document order: a
    /// function's body is a contiguous run of that order, so the owner of a node is the innermost body still open.
    /// </summary>
    private Dictionary<SyntaxNode, OwnerFacts> ComputeFacts()
    {
        var root = _model.Semantics.Tree.Root;
        IReadOnlyList<SyntaxNode> nodes = _model.Document is { } document && ReferenceEquals(document.GetPythonSyntax(), _model.Semantics.Tree)
            ? document.GetPythonNodes().Nodes
            : root.DescendantNodes().ToList();
        var facts = new Dictionary<SyntaxNode, OwnerFacts>(ReferenceEqualityComparer.Instance) { [root] = new OwnerFacts() };
        var open = new Stack<(SyntaxNode Owner, SyntaxNode? Body, OwnerFacts Facts)>();
        open.Push((root, null, facts[root]));
        foreach (var node in nodes)
        {
            while (open.Peek().Body is { } body && !IsInside(node, body)) open.Pop();
            if (node is BlockSyntax && node.Parent is FunctionDefinitionSyntax function && function.Body == node)
            {
                var own = new OwnerFacts();
                facts[function] = own;
                open.Push((function, node, own));
                continue;
            }
            var current = open.Peek().Facts;
            if (current.HasSource) continue;
            switch (node)
            {
                case AttributeExpressionSyntax attribute when IsSource(attribute):
                    current.HasSource = true;
                    break;
                case CallExpressionSyntax call:
                    if (call.Expression.Unparenthesize() is AttributeExpressionSyntax method && TaintKnowledge.RequestDataMethods.Contains(method.Name)
                        && _model.IsRequestObject(method.Expression))
                        current.HasSource = true;
                    else current.Calls.Add(call);
                    break;
            }
        }
        return facts;
    }

    /// <summary>
    /// Whether <paramref name="node"/>, met after <paramref name="body"/> in document order, lies in it: nodes after the
    /// body start at or past its end; only a zero-width node right at the end needs its ancestors checked.
    /// </summary>
    private static bool IsInside(SyntaxNode node, SyntaxNode body)
    {
        var end = body.FullSpan.End;
        if (node.Position != end) return node.Position < end;
        for (var parent = node.Parent; parent != null; parent = parent.Parent)
            if (parent == body) return true;
        return false;
    }

    /// <summary>The attribute sources of <see cref="TaintEvaluator"/>: request data attributes, <c>form.data</c>, URL kwargs.</summary>
    private bool IsSource(AttributeExpressionSyntax attribute) =>
        (TaintKnowledge.RequestDataAttributes.Contains(attribute.Name) && _model.IsRequestObject(attribute.Expression))
        || (attribute.Name == "data" && attribute.Expression is NameExpressionSyntax { Name: "form" })
        || (attribute.Name == "kwargs" && _model.Environment != null);

    /// <summary>A request source in the owner's own code, else the calls it makes (where request data may come from).</summary>
    private sealed class OwnerFacts
    {
        public static readonly OwnerFacts None = new();

        public bool HasSource { get; set; }
        public List<CallExpressionSyntax> Calls { get; } = new();
    }
}

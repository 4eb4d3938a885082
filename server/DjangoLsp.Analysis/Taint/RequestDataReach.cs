using System.Collections.Concurrent;
using DjangoLsp.Analysis.Rules;
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

    /// <summary>
    /// False when <paramref name="expression"/>, evaluated in <paramref name="owner"/> with <paramref name="seed"/>, cannot be
    /// request data: it contains no source, no call of a helper that may return request data, and no variable (or dotted
    /// or container key) that some assignment in the owner may give request data (<see cref="Carriers"/>).
    /// </summary>
    public bool MayCarry(ExpressionSyntax expression, SyntaxNode owner, TaintSeed? seed)
    {
        if (!MayHold(owner, seed)) return false;
        var carriers = _carriers.GetOrAdd((owner, seed?.Parameter ?? NoSeed), key => Carriers(key.Owner, seed));
        return Carries(expression, carriers);
    }

    private const int NoSeed = -2;
    private readonly ConcurrentDictionary<(SyntaxNode Owner, int Seed), HashSet<string>> _carriers = new();

    /// <summary>
    /// The keys of the data-flow state that may hold request data anywhere in the owner, flow-insensitively: the seeded
    /// or routed parameters, then (to a fixpoint) every key written by an assignment, loop, <c>with</c>, walrus, match
    /// capture or container mutation whose value may carry request data. <see cref="FunctionTaintAnalysis"/> writes state
    /// keys only there (guards only narrow existing values), so no other key ever holds request data.
    /// </summary>
    private HashSet<string> Carriers(SyntaxNode owner, TaintSeed? seed)
    {
        var carriers = new HashSet<string>(StringComparer.Ordinal);
        if (owner is FunctionDefinitionSyntax function)
        {
            var parameters = function.Parameters.Parameters;
            if (seed != null)
            {
                if (seed.Parameter >= 0 && seed.Parameter < parameters.Count && parameters[seed.Parameter].NameToken is { } token) carriers.Add(token.Text);
            }
            else if (_model.Environment != null && _model.UrlParametersOf(function) is { } routed)
            {
                carriers.UnionWith(routed.Keys);
            }
        }
        var flows = new List<(ExpressionSyntax? Written, IReadOnlyList<PatternSyntax>? Captures, ExpressionSyntax Value)>();
        var root = owner is FunctionDefinitionSyntax f ? f.Body : owner;
        foreach (var node in root.DescendantNodes(n => !(n is BlockSyntax && n.Parent is FunctionDefinitionSyntax inner && inner.Body == n)))
        {
            switch (node)
            {
                case AssignmentStatementSyntax assignment:
                    foreach (var target in assignment.Targets) flows.Add((target, null, assignment.Value));
                    break;
                case AugmentedAssignmentStatementSyntax augmented:
                    flows.Add((augmented.Target, null, augmented.Value));
                    break;
                case AnnotatedAssignmentStatementSyntax { Value: { } value } annotated:
                    flows.Add((annotated.Target, null, value));
                    break;
                case ForStatementSyntax @for:
                    flows.Add((@for.Target, null, @for.Iterable));
                    break;
                case ComprehensionForSyntax clause:
                    flows.Add((clause.Target, null, clause.Iterable));
                    break;
                case WithItemSyntax { Target: { } target } item:
                    flows.Add((target, null, item.Expression));
                    break;
                case NamedExpressionSyntax named:
                    flows.Add((named.Target, null, named.Value));
                    break;
                case CaseClauseSyntax @case when @case.Parent?.Parent is MatchStatementSyntax match:
                    flows.Add((null, new[] { @case.Pattern }, match.Subject));
                    break;
                case ExpressionStatementSyntax { Expression: var expression } when expression.Unparenthesize() is CallExpressionSyntax { Expression: AttributeExpressionSyntax method }:
                    flows.Add((method.Expression, null, expression));   // parts.append(x): the container gets x
                    break;
            }
        }
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (written, captures, value) in flows)
            {
                if (!Carries(value, carriers)) continue;
                if (written != null) changed |= AddKeys(written, carriers);
                if (captures != null)
                    foreach (var capture in captures.SelectMany(p => p.DescendantNodesAndSelf()).OfType<GenericPatternSyntax>())
                        if (capture.NameToken is { IsMissing: false } name) changed |= carriers.Add(name.Text);
            }
        }
        return carriers;
    }

    /// <summary>Every key an assignment to <paramref name="target"/> can write: its names, dotted attributes and containers.</summary>
    private static bool AddKeys(ExpressionSyntax target, HashSet<string> carriers)
    {
        var added = false;
        foreach (var node in target.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case NameExpressionSyntax name:
                    added |= carriers.Add(name.Name);
                    break;
                case AttributeExpressionSyntax attribute when attribute.GetDottedText() is { } dotted:
                    added |= carriers.Add(dotted);
                    break;
                case SubscriptExpressionSyntax subscript when subscript.Expression.Unparenthesize().GetDottedText() is { } container:
                    added |= carriers.Add(container);
                    break;
            }
        }
        return added;
    }

    /// <summary>Whether <paramref name="expression"/> reads a request source, a carrier key, or a helper that may return request data.</summary>
    private bool Carries(ExpressionSyntax expression, HashSet<string> carriers)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case NameExpressionSyntax name when carriers.Contains(name.Name):
                    return true;
                case AttributeExpressionSyntax attribute:
                    if (IsSource(attribute) || (carriers.Count > 0 && attribute.GetDottedText() is { } dotted && carriers.Contains(dotted))) return true;
                    break;
                case CallExpressionSyntax call:
                    if (call.Expression.Unparenthesize() is AttributeExpressionSyntax method && TaintKnowledge.RequestDataMethods.Contains(method.Name)
                        && _model.IsRequestObject(method.Expression))
                        return true;
                    if (_model.ResolveCallee(call) is { } target && target.Model.Reach.ReachesSource(target.Function)) return true;
                    break;
            }
        }
        return false;
    }

    private bool IsRouted(FunctionDefinitionSyntax function) =>
        _model.Environment != null && _routed.GetOrAdd(function, f => _model.UrlParametersOf((FunctionDefinitionSyntax)f) is { Count: > 0 });

    /// <summary>
    /// A request source in <paramref name="owner"/>'s own code or in a workspace function reachable through its calls.
    /// One depth-first walk of the call graph; when it finds no source, every function it visited has none either
    /// (all they reach was visited), so they are all remembered as false.
    /// </summary>
    internal bool ReachesSource(SyntaxNode owner)
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

    /// <summary>The facts of every owner (the module and each function): whether it has a source, else its calls.</summary>
    private Dictionary<SyntaxNode, OwnerFacts> ComputeFacts()
    {
        var root = _model.Semantics.Tree.Root;
        var document = _model.TreeDocument;
        var maySource = document == null || MayMentionSource(document.GetTextString());
        var facts = new Dictionary<SyntaxNode, OwnerFacts>(ReferenceEqualityComparer.Instance) { [root] = new OwnerFacts() };
        if (document != null)
        {
            // A call's or a source's owner is found from its ancestors (PythonTaintModel.OwnerOf, as the data flow does), so
            // only calls and attributes are looked at, not every node with a stack of open bodies. An owner without an entry
            // reads as no source and no calls (FactsOf); calls of an owner with a source are never read.
            var index = document.GetPythonNodes();
            foreach (var call in index.Calls)
            {
                var owner = FactsFor(facts, PythonTaintModel.OwnerOf(call));
                if (maySource && call.Expression.Unparenthesize() is AttributeExpressionSyntax method && TaintKnowledge.RequestDataMethods.Contains(method.Name)
                    && _model.IsRequestObject(method.Expression))
                    owner.HasSource = true;
                else owner.Calls.Add(call);
            }
            // Most modules cannot hold a source at all (Django's tree: 503 of 859): then only the calls are collected.
            if (maySource)
            {
                foreach (var node in index.Nodes)
                    if (node is AttributeExpressionSyntax attribute && IsSource(attribute))
                        FactsFor(facts, PythonTaintModel.OwnerOf(attribute)).HasSource = true;
            }
            return facts;
        }
        // Another tree than the document's (no node index): one walk in document order, where a function's body is a
        // contiguous run, so the owner of a node is the innermost body still open.
        var open = new Stack<(SyntaxNode Owner, SyntaxNode? Body, OwnerFacts Facts)>();
        open.Push((root, null, facts[root]));
        foreach (var node in root.DescendantNodes())
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

    private static OwnerFacts FactsFor(Dictionary<SyntaxNode, OwnerFacts> facts, SyntaxNode owner)
    {
        if (!facts.TryGetValue(owner, out var ownerFacts)) facts[owner] = ownerFacts = new OwnerFacts();
        return ownerFacts;
    }

    /// <summary>
    /// False when the module's text rules out every source <see cref="IsSource"/> and <see cref="ComputeFacts"/> know: the
    /// request object is a name <c>request</c>, <c>self.request</c> or a parameter annotated <c>...Request</c>; the
    /// others are <c>form.data</c> and an attribute <c>kwargs</c>. Names are the source's own text (no normalisation).
    /// </summary>
    internal static bool MayMentionSource(string text) =>
        text.Contains("request", StringComparison.Ordinal) || text.Contains("Request", StringComparison.Ordinal)
        || text.Contains("kwargs", StringComparison.Ordinal)
        || (text.Contains("form", StringComparison.Ordinal) && text.Contains("data", StringComparison.Ordinal));

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

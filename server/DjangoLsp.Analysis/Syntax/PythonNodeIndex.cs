using DjangoLsp.Analysis.Engine;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Syntax;

/// <summary>
/// Every node of a Python module in document order (pre-order, as <c>Root.DescendantNodes()</c>), collected
/// by one walk and shared by all rules of a document. A dozen rules each used to walk the whole tree on their
/// own; scanning a flat array is several times cheaper than walking the red tree, and the walk is paid once.
/// </summary>
public sealed class PythonNodeIndex
{
    private readonly SyntaxNode[] _nodes;
    private readonly SyntaxKind[] _kinds;
    private readonly CallExpressionSyntax[] _calls;
    private readonly int[] _scopeExpressionPositions;
    private readonly SyntaxNode[] _scopeExpressions;

    private PythonNodeIndex(SyntaxNode[] nodes, SyntaxKind[] kinds, CallExpressionSyntax[] calls, int[] scopeExpressionPositions,
        SyntaxNode[] scopeExpressions)
    {
        _nodes = nodes;
        _kinds = kinds;
        _calls = calls;
        _scopeExpressionPositions = scopeExpressionPositions;
        _scopeExpressions = scopeExpressions;
    }

    public static PythonNodeIndex Build(PythonSyntaxTree tree, CancellationToken cancellationToken = default)
    {
        var nodes = tree.Root.GetDescendantNodeArray(out var kinds, cancellationToken);
        // Two counting passes over the kinds size the arrays exactly. They read a compact array of kinds, not the
        // nodes: no type test (a cast helper call in ReadyToRun code) and no cross-assembly property call per node.
        int callCount = 0, scopeCount = 0;
        foreach (var kind in kinds)
        {
            if (kind == SyntaxKind.CallExpression) callCount++;
            else if (IsScopeExpression(kind)) scopeCount++;
        }
        var calls = callCount == 0 ? Array.Empty<CallExpressionSyntax>() : new CallExpressionSyntax[callCount];
        var scopePositions = scopeCount == 0 ? Array.Empty<int>() : new int[scopeCount];
        var scopeExpressions = scopeCount == 0 ? Array.Empty<SyntaxNode>() : new SyntaxNode[scopeCount];
        callCount = scopeCount = 0;
        for (int i = 0; i < kinds.Length; i++)
        {
            var kind = kinds[i];
            if (kind == SyntaxKind.CallExpression) calls[callCount++] = (CallExpressionSyntax)nodes[i];
            else if (IsScopeExpression(kind))
            {
                scopeExpressions[scopeCount] = nodes[i];
                scopePositions[scopeCount++] = nodes[i].Position;
            }
        }
        return new PythonNodeIndex(nodes, kinds, calls, scopePositions, scopeExpressions);
    }

    /// <summary>The kinds of <see cref="LambdaExpressionSyntax"/>, <see cref="ComprehensionExpressionSyntax"/> and <see cref="NamedExpressionSyntax"/>.</summary>
    private static bool IsScopeExpression(SyntaxKind kind) =>
        kind is SyntaxKind.LambdaExpression or SyntaxKind.NamedExpression or SyntaxKind.ListComprehension
            or SyntaxKind.SetComprehension or SyntaxKind.DictComprehension or SyntaxKind.GeneratorExpression;

    /// <summary>
    /// False when no lambda, comprehension or assignment expression (<c>:=</c>) starts inside <paramref name="node"/>'s
    /// full span: the semantic model's scope builder then need not walk the expression (most expressions hold none).
    /// </summary>
    public bool MayContainScopeExpression(SyntaxNode node)
    {
        var positions = _scopeExpressionPositions;
        if (positions.Length == 0) return false;
        var start = node.Position;
        var index = FirstPositionAtOrAfter(positions, start);
        // Inclusive end: a zero-width node at the very end still counts (a false positive only costs a walk).
        return index < positions.Length && positions[index] <= start + node.FullSpan.Length;
    }

    /// <summary>
    /// The lambdas, comprehensions and assignment expressions (<c>:=</c>) that start inside <paramref name="node"/>'s full
    /// span (end included), in document order: a superset of those below it (a candidate may be an ancestor or
    /// neighbour that starts at the same place, or a zero-width node at the end), for callers that check the parent chain.
    /// </summary>
    internal ReadOnlySpan<SyntaxNode> ScopeExpressionsWithin(SyntaxNode node)
    {
        var positions = _scopeExpressionPositions;
        if (positions.Length == 0) return default;
        var start = node.Position;
        var end = start + node.FullSpan.Length;
        int first = FirstPositionAtOrAfter(positions, start), last = first;
        while (last < positions.Length && positions[last] <= end) last++;
        return new ReadOnlySpan<SyntaxNode>(_scopeExpressions, first, last - first);
    }

    // The first index whose position is ≥ start, by hand: Array.BinarySearch<int> is left to the JIT in the ReadyToRun build.
    private static int FirstPositionAtOrAfter(int[] positions, int start)
    {
        int index = 0, high = positions.Length;
        while (index < high)
        {
            int middle = (index + high) >>> 1;
            if (positions[middle] < start) index = middle + 1;
            else high = middle;
        }
        return index;
    }

    /// <summary>All nodes below the module (tokens and list wrappers excluded), in document order.</summary>
    public IReadOnlyList<SyntaxNode> Nodes => _nodes;

    /// <summary>
    /// The <see cref="SyntaxNode.Kind"/> of each node of <see cref="Nodes"/>, at the same index: a rule that wants a few
    /// kinds scans this compact array and reads only the nodes it needs (no type test or property call per node).
    /// </summary>
    public ReadOnlySpan<SyntaxKind> Kinds => _kinds;

    /// <summary>All calls, in document order (an outer call before the calls in its arguments).</summary>
    public IReadOnlyList<CallExpressionSyntax> Calls => _calls;

    private StatementSyntax[]? _imports;

    /// <summary>
    /// All <c>import</c> and <c>from … import</c> statements, at any depth, in document order. Collected on first use:
    /// each extra type test in the bulk walk costs every node of every file, more than this list saves.
    /// </summary>
    public IReadOnlyList<StatementSyntax> Imports
    {
        get
        {
            if (Volatile.Read(ref _imports) is { } ready) return ready;
            var imports = new List<StatementSyntax>();
            var kinds = _kinds;
            for (int i = 0; i < kinds.Length; i++)
                if (kinds[i] is SyntaxKind.ImportStatement or SyntaxKind.FromImportStatement) imports.Add((StatementSyntax)_nodes[i]);
            Volatile.Write(ref _imports, imports.ToArray());
            return _imports!;
        }
    }

    /// <summary>The nodes of type <typeparamref name="T"/>, in document order.</summary>
    public IEnumerable<T> OfType<T>() where T : SyntaxNode
    {
        foreach (var node in _nodes)
            if (node is T typed) yield return typed;
    }
}

/// <summary>The <see cref="PythonNodeIndex"/> of a document, built once per snapshot from its syntax tree.</summary>
public sealed class PythonNodeIndexFeature : DocumentFeature<PythonNodeIndex>
{
    public static readonly PythonNodeIndexFeature Instance = new();

    private PythonNodeIndexFeature()
    {
    }

    public override PythonNodeIndex Compute(AnalysisDocument document, CancellationToken cancellationToken) =>
        PythonNodeIndex.Build(document.GetPythonSyntax(cancellationToken), cancellationToken);
}

public static class PythonNodeIndexDocumentExtensions
{
    /// <summary>Every node of the document's Python module in document order (one walk per snapshot).</summary>
    public static PythonNodeIndex GetPythonNodes(this AnalysisDocument document, CancellationToken cancellationToken = default) =>
        document.GetFeature(PythonNodeIndexFeature.Instance, cancellationToken);
}

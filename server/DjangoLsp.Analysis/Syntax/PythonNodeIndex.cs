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
    private readonly CallExpressionSyntax[] _calls;
    private readonly int[] _scopeExpressionPositions;

    private PythonNodeIndex(SyntaxNode[] nodes, CallExpressionSyntax[] calls, int[] scopeExpressionPositions)
    {
        _nodes = nodes;
        _calls = calls;
        _scopeExpressionPositions = scopeExpressionPositions;
    }

    // One scratch list per thread: the walk's node count is not known up front, and growing a fresh list per
    // file copied (and allocated) every node array several times over.
    [ThreadStatic] private static List<SyntaxNode>? t_nodes;

    public static PythonNodeIndex Build(PythonSyntaxTree tree, CancellationToken cancellationToken = default)
    {
        var list = t_nodes ?? new List<SyntaxNode>(4096);
        t_nodes = null; // reentrancy (another tree's index built on this thread meanwhile) gets its own list
        try
        {
            tree.Root.AppendDescendantNodes(list, cancellationToken);
            var nodes = list.ToArray();
            // Two counting passes size the arrays exactly (a type test per node is cheaper than growing lists).
            int callCount = 0, scopeCount = 0;
            foreach (var node in nodes)
            {
                if (node is CallExpressionSyntax) callCount++;
                else if (IsScopeExpression(node)) scopeCount++;
            }
            var calls = callCount == 0 ? Array.Empty<CallExpressionSyntax>() : new CallExpressionSyntax[callCount];
            var scopePositions = scopeCount == 0 ? Array.Empty<int>() : new int[scopeCount];
            callCount = scopeCount = 0;
            foreach (var node in nodes)
            {
                if (node is CallExpressionSyntax call) calls[callCount++] = call;
                else if (IsScopeExpression(node)) scopePositions[scopeCount++] = node.Position;
            }
            return new PythonNodeIndex(nodes, calls, scopePositions);
        }
        finally
        {
            // Do not keep a huge file's array alive on every thread forever, nor any file's nodes.
            if (list.Capacity <= 1 << 20)
            {
                list.Clear();
                t_nodes = list;
            }
        }
    }

    private static bool IsScopeExpression(SyntaxNode node) =>
        node is LambdaExpressionSyntax or ComprehensionExpressionSyntax or NamedExpressionSyntax;

    /// <summary>
    /// False when no lambda, comprehension or assignment expression (<c>:=</c>) starts inside <paramref name="node"/>'s
    /// full span: the semantic model's scope builder then need not walk the expression (most expressions hold none).
    /// </summary>
    public bool MayContainScopeExpression(SyntaxNode node)
    {
        var positions = _scopeExpressionPositions;
        if (positions.Length == 0) return false;
        var start = node.Position;
        var index = Array.BinarySearch(positions, start);
        if (index < 0) index = ~index;
        // Inclusive end: a zero-width node at the very end still counts (a false positive only costs a walk).
        return index < positions.Length && positions[index] <= start + node.FullSpan.Length;
    }

/// <summary>All nodes below the module (tokens and list wrappers excluded), in document order.</summary>
    public IReadOnlyList<SyntaxNode> Nodes => _nodes;

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
            foreach (var node in _nodes)
                if (node is ImportStatementSyntax or FromImportStatementSyntax) imports.Add((StatementSyntax)node);
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

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
    [ThreadStatic] private static List<CallExpressionSyntax>? t_calls;
    [ThreadStatic] private static List<int>? t_scopePositions;

    public static PythonNodeIndex Build(PythonSyntaxTree tree, CancellationToken cancellationToken = default)
    {
        var nodes = t_nodes ??= new List<SyntaxNode>(4096);
        var calls = t_calls ??= new List<CallExpressionSyntax>(1024);
        var scopePositions = t_scopePositions ??= new List<int>(64);
        try
        {
            foreach (var node in tree.Root.DescendantNodes())
            {
                if ((nodes.Count & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
                nodes.Add(node);
                if (node is CallExpressionSyntax call) calls.Add(call);
                else if (node is LambdaExpressionSyntax or ComprehensionExpressionSyntax or NamedExpressionSyntax) scopePositions.Add(node.Position);
            }
            return new PythonNodeIndex(nodes.ToArray(), calls.ToArray(), scopePositions.ToArray());
        }
        finally
        {
            nodes.Clear();
            calls.Clear();
            scopePositions.Clear();
            // Do not keep a huge file's arrays alive on every thread forever.
            if (nodes.Capacity > 1 << 20) t_nodes = null;
        }
    }

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

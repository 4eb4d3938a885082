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

    private PythonNodeIndex(SyntaxNode[] nodes, CallExpressionSyntax[] calls)
    {
        _nodes = nodes;
        _calls = calls;
    }

    public static PythonNodeIndex Build(PythonSyntaxTree tree, CancellationToken cancellationToken = default)
    {
        var nodes = new List<SyntaxNode>();
        var calls = new List<CallExpressionSyntax>();
        foreach (var node in tree.Root.DescendantNodes())
        {
            if ((nodes.Count & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            nodes.Add(node);
            if (node is CallExpressionSyntax call) calls.Add(call);
        }
        return new PythonNodeIndex(nodes.ToArray(), calls.ToArray());
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

using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Semantics;

/// <summary>
/// Identity of red nodes (reference equality) with a hash code made of the node's position, width and kind instead
/// of the object's identity hash. An object's first identity hash is a slow runtime path (it is installed in the
/// object header), and the semantic model's caches hash thousands of fresh nodes per file: in profiles that was
/// as much as the lookups themselves. Distinct nodes of one tree with the same position, width and kind (zero-width
/// missing nodes) only share a bucket; equality stays by reference.
/// </summary>
internal sealed class NodeKeyComparer : IEqualityComparer<SyntaxNode>
{
    public static readonly NodeKeyComparer Instance = new();

    private NodeKeyComparer()
    {
    }

    public bool Equals(SyntaxNode? x, SyntaxNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(SyntaxNode node)
    {
        var span = node.FullSpan;
        return (int)((uint)span.Start * 0x9E3779B1u ^ (uint)span.Length * 0x85EBCA77u ^ (uint)node.Kind);
    }
}

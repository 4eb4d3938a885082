using System.Runtime.CompilerServices;

namespace DjangoLsp.Python.Syntax.Green;

/// <summary>
/// Shares identical small interior nodes whose children are all shared objects (cached tokens, shared wrappers,
/// nodes from this cache), as Roslyn's SyntaxNodeCache does: green nodes carry no position and are immutable, so
/// two `self.name` attribute accesses with the same trivia can be one object. Children are compared by reference,
/// so a lookup never walks a subtree. Nodes with diagnostics are never cached.
/// </summary>
internal sealed class GreenNodeCache
{
    public const int MaxChildren = 3;
    public const int MaxSlots = 4;

    [ThreadStatic]
    private static GreenNodeCache? t_shared;

    /// <summary>One cache per thread, kept across parses (like the token cache).</summary>
    public static GreenNodeCache ForCurrentThread => t_shared ??= new GreenNodeCache();

    // Small on purpose: every entry keeps a young node alive across a gen0 GC (the token cache measured that
    // a bigger table costs more in promotion than it saves in allocation).
    private const int SizeBits = 12;
    private readonly GreenInternalNode?[] _entries = new GreenInternalNode?[1 << SizeBits];

    /// <summary>The full hash of each entry, checked first so that a miss does not touch the cached node (a cache miss in memory).</summary>
    private readonly uint[] _hashes = new uint[1 << SizeBits];

    /// <summary>
    /// Kinds worth a lookup: measured over the standard library, these hit 35–65 % of the time (`self.x`,
    /// positional arguments, `()`, short string literals). Statements, binary expressions and longer lists hit
    /// under a quarter of the time, and the lookup then costs more than the allocation it saves.
    /// </summary>
    public static bool IsCachedKind(SyntaxKind kind) => kind is SyntaxKind.List or SyntaxKind.Argument or SyntaxKind.AttributeExpression
        or SyntaxKind.ArgumentList or SyntaxKind.StringLiteralExpression or SyntaxKind.CallExpression or SyntaxKind.UnaryExpression
        or SyntaxKind.CompareOperand or SyntaxKind.WithItem or SyntaxKind.PassStatement or SyntaxKind.Decorator;

    public GreenInternalNode GetOrCreate(SyntaxKind kind, ReadOnlySpan<GreenNode?> slots, int present, int lastPresent, int width)
    {
        uint hash = (uint)kind * 0x9E3779B1u + (uint)slots.Length;
        for (int i = 0; i < slots.Length; i++)
        {
            var s = slots[i];
            hash = (hash ^ (s is null ? (uint)i : AddressBits(s))) * 0x85EBCA6Bu;
        }
        hash |= 1; // 0 marks an empty entry
        int index = (int)(hash >> (32 - SizeBits));
        var existing = _entries[index];
        if (_hashes[index] == hash && existing is not null && existing.Kind == kind && existing.SlotCount == slots.Length && SameChildren(existing, slots))
        {
            return existing;
        }
        var node = GreenInternalNode.CreateUncached(kind, slots, present, lastPresent, width, childDiagnostics: false, diagnostics: null);
        node.MarkShared();
        _entries[index] = node;
        _hashes[index] = hash;
        return node;
    }

    /// <summary>
    /// The child's current address as a hash: far cheaper than <see cref="RuntimeHelpers.GetHashCode(object)"/>,
    /// which stores a hash code in each object's header on first use. A GC may move the object, which only
    /// makes an older entry miss (entries are compared by reference), and gen0 GCs are rare next to lookups.
    /// </summary>
    private static uint AddressBits(GreenNode node)
    {
        nint address = Unsafe.As<GreenNode, nint>(ref node);
        return (uint)(address >> 3) ^ (uint)((ulong)address >> 32);
    }

    private static bool SameChildren(GreenInternalNode node, ReadOnlySpan<GreenNode?> slots)
    {
        for (int i = 0; i < slots.Length; i++)
        {
            if (!ReferenceEquals(node.GetSlot(i), slots[i])) return false;
        }
        return true;
    }
}

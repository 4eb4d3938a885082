namespace DjangoLsp.Python.Syntax.Green;

/// <summary>
/// An interior node. Nodes with up to five children keep them in fields (Roslyn's WithOneChild/WithTwoChildren…):
/// no separate slot array, so a typical node is one allocation of 40–72 bytes instead of two. Longer lists keep
/// an exact-size array. Create nodes with <see cref="Create(SyntaxKind, ReadOnlySpan{GreenNode?}, GreenDiagnostic[]?)"/>.
/// </summary>
internal abstract class GreenInternalNode : GreenNode
{
    private protected GreenInternalNode(SyntaxKind kind, int fullWidth, bool childrenContainDiagnostics, GreenDiagnostic[]? diagnostics, byte shape = 0)
        : base(kind, fullWidth, diagnostics, childrenContainDiagnostics ? NodeFlags.ContainsDiagnostics : NodeFlags.None, shape)
    {
    }

    /// <summary>A node of <paramref name="kind"/> with the given (possibly null) children.</summary>
    public static GreenInternalNode Create(SyntaxKind kind, ReadOnlySpan<GreenNode?> slots, GreenDiagnostic[]? diagnostics = null)
    {
        int width = 0;
        bool childDiagnostics = false;
        int present = 0;
        int lastPresent = 0;
        for (int i = 0; i < slots.Length; i++)
        {
            var s = slots[i];
            if (s is null) continue;
            width += s.FullWidth;
            childDiagnostics |= s.ContainsDiagnostics;
            present++;
            lastPresent = i;
        }
        if (present == 1 && slots.Length > 1 && slots.Length <= GreenNodeWithOneOfManySlots.MaxSlots)
        {
            // Optional parts are usually absent (a positional argument, a plain parameter, a tuple without
            // parentheses): one child field instead of up to five, or instead of an array.
            return new GreenNodeWithOneOfManySlots(kind, slots.Length, lastPresent, slots[lastPresent]!, width, childDiagnostics, diagnostics);
        }
        return slots.Length switch
        {
            1 => new GreenNodeWithOneChild(kind, slots[0], width, childDiagnostics, diagnostics),
            2 => new GreenNodeWithTwoChildren(kind, slots[0], slots[1], width, childDiagnostics, diagnostics),
            3 => new GreenNodeWithThreeChildren(kind, slots[0], slots[1], slots[2], width, childDiagnostics, diagnostics),
            4 => new GreenNodeWithFourChildren(kind, slots[0], slots[1], slots[2], slots[3], width, childDiagnostics, diagnostics),
            5 => new GreenNodeWithFiveChildren(kind, slots[0], slots[1], slots[2], slots[3], slots[4], width, childDiagnostics, diagnostics),
            6 => new GreenNodeWithInlineChildren<GreenSlots6>(kind, slots, width, childDiagnostics, diagnostics),
            7 => new GreenNodeWithInlineChildren<GreenSlots7>(kind, slots, width, childDiagnostics, diagnostics),
            8 => new GreenNodeWithInlineChildren<GreenSlots8>(kind, slots, width, childDiagnostics, diagnostics),
            9 => new GreenNodeWithInlineChildren<GreenSlots9>(kind, slots, width, childDiagnostics, diagnostics),
            10 => new GreenNodeWithInlineChildren<GreenSlots10>(kind, slots, width, childDiagnostics, diagnostics),
            _ => new GreenNodeWithManyChildren(kind, slots.ToArray(), width, childDiagnostics, diagnostics),
        };
    }

    // Fixed-arity creators for the parser's hot paths: the same node shapes as Create(kind, span), without
    // building a span and looping over it (node creation was ~8 % of a parse's instructions).

    /// <summary>Same as <see cref="Create(SyntaxKind, ReadOnlySpan{GreenNode?}, GreenDiagnostic[]?)"/> with one slot.</summary>
    public static GreenInternalNode Create(SyntaxKind kind, GreenNode? child0)
    {
        return child0 is null
            ? new GreenNodeWithOneChild(kind, null, 0, false, null)
            : new GreenNodeWithOneChild(kind, child0, child0.FullWidth, child0.ContainsDiagnostics, null);
    }

    /// <summary>Same as <see cref="Create(SyntaxKind, ReadOnlySpan{GreenNode?}, GreenDiagnostic[]?)"/> with two slots.</summary>
    public static GreenInternalNode Create(SyntaxKind kind, GreenNode? child0, GreenNode? child1)
    {
        if (child0 is null)
        {
            return child1 is null
                ? new GreenNodeWithTwoChildren(kind, null, null, 0, false, null)
                : new GreenNodeWithOneOfManySlots(kind, 2, 1, child1, child1.FullWidth, child1.ContainsDiagnostics, null);
        }
        if (child1 is null)
        {
            return new GreenNodeWithOneOfManySlots(kind, 2, 0, child0, child0.FullWidth, child0.ContainsDiagnostics, null);
        }
        return new GreenNodeWithTwoChildren(kind, child0, child1, child0.FullWidth + child1.FullWidth,
            child0.ContainsDiagnostics | child1.ContainsDiagnostics, null);
    }

    /// <summary>Same as <see cref="Create(SyntaxKind, ReadOnlySpan{GreenNode?}, GreenDiagnostic[]?)"/> with three slots.</summary>
    public static GreenInternalNode Create(SyntaxKind kind, GreenNode? child0, GreenNode? child1, GreenNode? child2)
    {
        int present = 0, width = 0, index = 0;
        bool childDiagnostics = false;
        GreenNode? only = null;
        if (child0 is not null) { present++; width += child0.FullWidth; childDiagnostics |= child0.ContainsDiagnostics; only = child0; }
        if (child1 is not null) { present++; width += child1.FullWidth; childDiagnostics |= child1.ContainsDiagnostics; only = child1; index = 1; }
        if (child2 is not null) { present++; width += child2.FullWidth; childDiagnostics |= child2.ContainsDiagnostics; only = child2; index = 2; }
        return present == 1
            ? new GreenNodeWithOneOfManySlots(kind, 3, index, only!, width, childDiagnostics, null)
            : new GreenNodeWithThreeChildren(kind, child0, child1, child2, width, childDiagnostics, null);
    }

    /// <summary>Same as <see cref="Create(SyntaxKind, ReadOnlySpan{GreenNode?}, GreenDiagnostic[]?)"/> with four slots.</summary>
    public static GreenInternalNode Create(SyntaxKind kind, GreenNode? child0, GreenNode? child1, GreenNode? child2, GreenNode? child3)
    {
        if (child0 is not null && child1 is not null && child2 is not null && child3 is not null)
        {
            return new GreenNodeWithFourChildren(kind, child0, child1, child2, child3,
                child0.FullWidth + child1.FullWidth + child2.FullWidth + child3.FullWidth,
                child0.ContainsDiagnostics | child1.ContainsDiagnostics | child2.ContainsDiagnostics | child3.ContainsDiagnostics, null);
        }
        // Not a collection expression: its CoreLib InlineArray4<T> accessors are JIT-compiled and called per element in
        // the ReadyToRun build. This assembly's own inline array is precompiled and inlined.
        var slots = new GreenSlots6();
        slots[0] = child0;
        slots[1] = child1;
        slots[2] = child2;
        slots[3] = child3;
        return Create(kind, System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpan(
            ref System.Runtime.CompilerServices.Unsafe.As<GreenSlots6, GreenNode?>(ref slots), 4));
    }

    public override GreenNode WithDiagnostics(GreenDiagnostic[]? diagnostics)
    {
        // Rare (error paths only): copy the children out and build the same shape again.
        var slots = new GreenNode?[SlotCount];
        for (int i = 0; i < slots.Length; i++) slots[i] = GetSlot(i);
        return Create(Kind, slots, diagnostics);
    }

    public override void WriteTo(System.Text.StringBuilder builder)
    {
        // Iterative over slots, recursive over depth (depth is bounded by the parser's nesting limit).
        for (int i = 0; i < SlotCount; i++) GetSlot(i)?.WriteTo(builder);
    }
}

internal sealed class GreenNodeWithOneChild(SyntaxKind kind, GreenNode? child0, int width, bool childDiagnostics, GreenDiagnostic[]? diagnostics)
    : GreenInternalNode(kind, width, childDiagnostics, diagnostics)
{
    private readonly GreenNode? _child0 = child0;

    public override int SlotCount => 1;

    public override GreenNode? GetSlot(int index) => index == 0 ? _child0 : throw new ArgumentOutOfRangeException(nameof(index));
}

internal sealed class GreenNodeWithTwoChildren(SyntaxKind kind, GreenNode? child0, GreenNode? child1, int width, bool childDiagnostics, GreenDiagnostic[]? diagnostics)
    : GreenInternalNode(kind, width, childDiagnostics, diagnostics)
{
    private readonly GreenNode? _child0 = child0;
    private readonly GreenNode? _child1 = child1;

    public override int SlotCount => 2;

    public override GreenNode? GetSlot(int index) => index switch
    {
        0 => _child0,
        1 => _child1,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}

internal sealed class GreenNodeWithThreeChildren(SyntaxKind kind, GreenNode? child0, GreenNode? child1, GreenNode? child2, int width, bool childDiagnostics, GreenDiagnostic[]? diagnostics)
    : GreenInternalNode(kind, width, childDiagnostics, diagnostics)
{
    private readonly GreenNode? _child0 = child0;
    private readonly GreenNode? _child1 = child1;
    private readonly GreenNode? _child2 = child2;

    public override int SlotCount => 3;

    public override GreenNode? GetSlot(int index) => index switch
    {
        0 => _child0,
        1 => _child1,
        2 => _child2,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}

internal sealed class GreenNodeWithFourChildren(SyntaxKind kind, GreenNode? child0, GreenNode? child1, GreenNode? child2, GreenNode? child3, int width, bool childDiagnostics, GreenDiagnostic[]? diagnostics)
    : GreenInternalNode(kind, width, childDiagnostics, diagnostics)
{
    private readonly GreenNode? _child0 = child0;
    private readonly GreenNode? _child1 = child1;
    private readonly GreenNode? _child2 = child2;
    private readonly GreenNode? _child3 = child3;

    public override int SlotCount => 4;

    public override GreenNode? GetSlot(int index) => index switch
    {
        0 => _child0,
        1 => _child1,
        2 => _child2,
        3 => _child3,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}

internal sealed class GreenNodeWithFiveChildren(SyntaxKind kind, GreenNode? child0, GreenNode? child1, GreenNode? child2, GreenNode? child3, GreenNode? child4, int width, bool childDiagnostics, GreenDiagnostic[]? diagnostics)
    : GreenInternalNode(kind, width, childDiagnostics, diagnostics)
{
    private readonly GreenNode? _child0 = child0;
    private readonly GreenNode? _child1 = child1;
    private readonly GreenNode? _child2 = child2;
    private readonly GreenNode? _child3 = child3;
    private readonly GreenNode? _child4 = child4;

    public override int SlotCount => 5;

    public override GreenNode? GetSlot(int index) => index switch
    {
        0 => _child0,
        1 => _child1,
        2 => _child2,
        3 => _child3,
        4 => _child4,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}

/// <summary>
/// A node with several slots of which exactly one holds a child: slot count and that slot's index live in the
/// base's spare byte, so the node is 32 bytes whatever its slot count.
/// </summary>
internal sealed class GreenNodeWithOneOfManySlots(SyntaxKind kind, int slotCount, int index, GreenNode child, int width, bool childDiagnostics, GreenDiagnostic[]? diagnostics)
    : GreenInternalNode(kind, width, childDiagnostics, diagnostics, (byte)((slotCount << 4) | index))
{
    public const int MaxSlots = 15;

    private readonly GreenNode _child = child;

    public override int SlotCount => _shape >> 4;

    public override GreenNode? GetSlot(int index)
    {
        if ((uint)index >= (uint)(_shape >> 4)) throw new ArgumentOutOfRangeException(nameof(index));
        return index == (_shape & 15) ? _child : null;
    }

    public override void WriteTo(System.Text.StringBuilder builder) => _child.WriteTo(builder);
}

/// <summary>
/// Six to ten children (function definitions, <c>if</c> statements, short lists) kept in the node itself, in an inline
/// array of exactly that length: one object instead of a node and an array (32 bytes less per node). The slot count
/// lives in the base's spare byte.
/// </summary>
internal sealed class GreenNodeWithInlineChildren<TSlots> : GreenInternalNode
    where TSlots : struct
{
    private TSlots _slots;

    public GreenNodeWithInlineChildren(SyntaxKind kind, ReadOnlySpan<GreenNode?> slots, int width, bool childDiagnostics, GreenDiagnostic[]? diagnostics)
        : base(kind, width, childDiagnostics, diagnostics, (byte)slots.Length)
    {
        System.Diagnostics.Debug.Assert(System.Runtime.CompilerServices.Unsafe.SizeOf<TSlots>() == slots.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<GreenNode>());
        slots.CopyTo(System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref First, slots.Length));
    }

    private ref GreenNode? First => ref System.Runtime.CompilerServices.Unsafe.As<TSlots, GreenNode?>(ref _slots);

    public override int SlotCount => _shape;

    public override GreenNode? GetSlot(int index) =>
        (uint)index < _shape ? System.Runtime.CompilerServices.Unsafe.Add(ref First, index) : throw new ArgumentOutOfRangeException(nameof(index));

    public override void WriteTo(System.Text.StringBuilder builder)
    {
        for (int i = 0; i < _shape; i++) System.Runtime.CompilerServices.Unsafe.Add(ref First, i)?.WriteTo(builder);
    }
}

[System.Runtime.CompilerServices.InlineArray(6)]
internal struct GreenSlots6 { private GreenNode? _first; }

[System.Runtime.CompilerServices.InlineArray(7)]
internal struct GreenSlots7 { private GreenNode? _first; }

[System.Runtime.CompilerServices.InlineArray(8)]
internal struct GreenSlots8 { private GreenNode? _first; }

[System.Runtime.CompilerServices.InlineArray(9)]
internal struct GreenSlots9 { private GreenNode? _first; }

[System.Runtime.CompilerServices.InlineArray(10)]
internal struct GreenSlots10 { private GreenNode? _first; }

/// <summary>More than ten children (long lists, long statement lists): one exact-size array.</summary>
internal sealed class GreenNodeWithManyChildren(SyntaxKind kind, GreenNode?[] slots, int width, bool childDiagnostics, GreenDiagnostic[]? diagnostics)
    : GreenInternalNode(kind, width, childDiagnostics, diagnostics)
{
    private readonly GreenNode?[] _slots = slots;

    public override int SlotCount => _slots.Length;

    public override GreenNode? GetSlot(int index) => _slots[index];

    public override void WriteTo(System.Text.StringBuilder builder)
    {
        foreach (var s in _slots) s?.WriteTo(builder);
    }
}

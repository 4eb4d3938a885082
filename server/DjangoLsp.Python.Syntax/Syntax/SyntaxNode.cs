using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DjangoLsp.Python.Syntax.Green;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Python.Syntax;

/// <summary>
/// A node of the red tree: a view over a shared green node with a parent and an absolute position.
/// Created on demand and cached by the parent. Tokens are <see cref="SyntaxToken"/>s (a subclass).
/// Typed subclasses (e.g. <see cref="CallExpressionSyntax"/>) expose the grammar's parts.
/// </summary>
public class SyntaxNode
{
    // The created children: null; the one child of a node that can ever have only one (a node with a single node slot,
    // or a single slot in all: 311K of 659K nodes of Django's trees) held directly, without an array; or, once a
    // second slot is asked for, an array with one entry per slot. It only moves null → child → array (by CAS), so
    // every thread sees the same red child for a slot.
    private object? _children;

    internal SyntaxNode(GreenNode green, SyntaxNode? parent, int position)
    {
        Green = green;
        Parent = parent;
        Position = position;
    }

    internal GreenNode Green { get; }

    /// <summary>The containing node, or null for the root.</summary>
    public SyntaxNode? Parent { get; }

    /// <summary>Absolute start including leading trivia.</summary>
    public int Position { get; }

    /// <summary>The tree this node belongs to (null only for nodes built outside a tree).</summary>
    /// <remarks>Only the root holds the tree: a field on every node cost 8 bytes per red node.</remarks>
    public PythonSyntaxTree? SyntaxTree
    {
        get
        {
            var root = this;
            while (root.Parent is { } parent) root = parent;
            return (root as ModuleSyntax)?.Tree;
        }
    }

    public SyntaxKind Kind => Green.Kind;

    /// <summary>Span including leading and trailing trivia.</summary>
    public TextSpan FullSpan => new(Position, Green.FullWidth);

    /// <summary>Span of the text without leading and trailing trivia.</summary>
    public TextSpan Span
    {
        get
        {
            int lead = Green.LeadingTriviaWidth;
            int trail = Green.TrailingTriviaWidth;
            int width = Green.FullWidth - lead - trail;
            return width < 0 ? new TextSpan(Position + lead, 0) : new TextSpan(Position + lead, width);
        }
    }

    /// <summary>True for a token that was inserted by error recovery (zero width), or a node made only of such tokens.</summary>
    public virtual bool IsMissing => Green.FullWidth == 0 && Green.FirstToken() is { IsMissing: true };

    /// <summary>True if this node or a descendant has a syntax diagnostic.</summary>
    public bool ContainsDiagnostics => Green.ContainsDiagnostics;

    public bool IsToken => Green.IsToken;

    internal int SlotCount => Green.SlotCount;

    /// <summary>The child in grammar slot <paramref name="index"/>, or null if that optional part is absent.</summary>
    internal SyntaxNode? GetSlot(int index)
    {
        var green = Green.GetSlot(index);
        if (green is null) return null;
        var current = Volatile.Read(ref _children);
        if (IsArray(current))
        {
            if (Volatile.Read(ref Unsafe.As<SyntaxNode?[]>(current!)[index]) is { } cached) return cached;
        }
        else if (current is not null && Unsafe.As<SyntaxNode>(current!) is var only && only.Green.IsToken == green.IsToken)
            return only; // the only slot of its sort: this one
        return Realize(index, green, ChildPosition(index));
    }

    /// <summary>The red child for <paramref name="green"/> (slot <paramref name="index"/>) at a position the caller knows.</summary>
    private SyntaxNode Realize(int index, GreenNode green, int position)
    {
        while (true)
        {
            var current = Volatile.Read(ref _children);
            if (IsArray(current))
            {
                var array = Unsafe.As<SyntaxNode?[]>(current!);
                var existing = Volatile.Read(ref array[index]);
                if (existing is not null) return existing;
                var created = SyntaxFactory.CreateRed(green, this, position);
                return Interlocked.CompareExchange(ref array[index], created, null) ?? created;
            }
            if (current is not null)
            {
                var only = Unsafe.As<SyntaxNode>(current!);
                if (only.Green.IsToken == green.IsToken) return only;
                // Another slot is asked for (a token next to the single node child): move to one entry per slot.
                var upgraded = new SyntaxNode?[Green.SlotCount];
                upgraded[OnlySlot(only.Green.IsToken)] = only;
                Interlocked.CompareExchange(ref _children, upgraded, only);
                continue;
            }
            if (IsOnlySlotOfItsSort(green))
            {
                var created = SyntaxFactory.CreateRed(green, this, position);
                if (Interlocked.CompareExchange(ref _children, created, null) is null) return created;
                continue; // another thread cached a child first; ours was never handed out
            }
            Interlocked.CompareExchange(ref _children, new SyntaxNode?[Green.SlotCount], null);
        }
    }

    // The cache holds either a SyntaxNode?[] (always of exactly that type) or a SyntaxNode: an exact type test is a
    // single compare, where `is SyntaxNode?[]` (array covariance) and `is SyntaxNode` (a class chain) call cast helpers.
    private static bool IsArray(object? children) => children is not null && children.GetType() == typeof(SyntaxNode?[]);

    /// <summary>
    /// True when <paramref name="green"/> is the node's only non-null slot that is a node (for a node), or its only
    /// non-null slot at all (for a token): then it can be held without an array.
    /// </summary>
    private bool IsOnlySlotOfItsSort(GreenNode green)
    {
        var node = Green;
        bool token = green.IsToken;
        int found = 0;
        for (int i = 0; i < node.SlotCount; i++)
        {
            if (node.GetSlot(i) is not { } slot || (!token && slot.IsToken)) continue;
            if (++found > 1) return false;
        }
        return true;
    }

    /// <summary>The slot of the child held directly: the only node slot, or (for a token) the only slot.</summary>
    private int OnlySlot(bool token)
    {
        for (int i = 0; i < Green.SlotCount; i++)
        {
            if (Green.GetSlot(i) is { } slot && (token || !slot.IsToken)) return i;
        }
        throw new InvalidOperationException("a directly held child has no slot");
    }

    /// <summary>The text of the token in slot <paramref name="index"/> (empty if absent), without creating its red token.</summary>
    private protected string GetTokenText(int index) => Green.GetSlot(index) is GreenToken token ? token.Text : "";

    /// <summary>
    /// Absolute position of slot <paramref name="index"/>. Starts from the nearest earlier child already created
    /// (as Roslyn's GetChildPosition does), so walking a long list in order is linear, not quadratic.
    /// </summary>
    private int ChildPosition(int index)
    {
        var current = Volatile.Read(ref _children);
        var created = IsArray(current) ? Unsafe.As<SyntaxNode?[]>(current!) : null;
        int widthAfter = 0;
        for (int j = index - 1; j >= 0; j--)
        {
            if (created is not null && Volatile.Read(ref created[j]) is { } realized)
                return realized.Position + realized.Green.FullWidth + widthAfter;
            widthAfter += Green.GetSlot(j)?.FullWidth ?? 0;
        }
        return Position + widthAfter;
    }

    private protected T? Get<T>(int index) where T : SyntaxNode => GetSlot(index) as T;

    private protected T GetRequired<T>(int index) where T : SyntaxNode => (T)GetSlot(index)!;

    private protected SyntaxToken? GetToken(int index) => GetSlot(index) as SyntaxToken;

    /// <summary>Elements of type <typeparamref name="T"/> in the list node at <paramref name="index"/> (separators skipped).</summary>
    private protected IReadOnlyList<T> GetList<T>(int index) where T : SyntaxNode
    {
        var list = GetSlot(index);
        if (list is null) return Array.Empty<T>();
        // Separators are skipped by their green node, so no red token is made for them unless T can be a token;
        // the array is sized by a first pass over the green slots (a list node is read often; a List<T> cost twice).
        var green = list.Green;
        int slots = green.SlotCount;
        // T can be a token only as SyntaxNode or the sealed SyntaxToken. Type tests, not a static field of a generic class:
        // shared generic code reached such a field through the runtime's class-initialisation helpers on every call
        // (in profiles of the semantic model, more than the rest of this method).
        bool tokens = typeof(T) == typeof(SyntaxNode) || typeof(T) == typeof(SyntaxToken);
        int count = 0;
        for (int i = 0; i < slots; i++)
        {
            if (green.GetSlot(i) is { } g && (tokens || !g.IsToken)) count++;
        }
        if (count == 0) return Array.Empty<T>();
        var result = new T[count];
        int found = 0, position = list.Position;
        for (int i = 0; i < slots; i++)
        {
            if (green.GetSlot(i) is not { } g) continue;
            if ((tokens || !g.IsToken) && list.Realize(i, g, position) is T t) result[found++] = t;
            position += g.FullWidth;
        }
        if (found < count) Array.Resize(ref result, found);
        return result;
    }

    /// <summary>Direct children (nodes and tokens) in text order; absent optional parts are skipped.</summary>
    public IEnumerable<SyntaxNode> ChildNodesAndTokens()
    {
        for (int i = 0; i < SlotCount; i++)
        {
            var child = GetSlot(i);
            if (child is not null) yield return child;
        }
    }

    /// <summary>Direct child nodes (not tokens). List nodes are looked through.</summary>
    public IEnumerable<SyntaxNode> ChildNodes()
    {
        for (int i = 0; i < SlotCount; i++)
        {
            var green = Green.GetSlot(i);
            if (green is null || green.IsToken) continue;
            var child = GetSlot(i)!;
            if (child.Kind == SyntaxKind.List)
            {
                foreach (var item in child.ChildNodes()) yield return item;
            }
            else
            {
                yield return child;
            }
        }
    }

    /// <summary>All descendant nodes in document order (pre-order), excluding tokens and list wrappers. Iterative, so deep trees are fine.</summary>
    public IEnumerable<SyntaxNode> DescendantNodes(Func<SyntaxNode, bool>? descendInto = null)
    {
        // An array stack, not Stack<(SyntaxNode, int)>: that CoreLib instantiation over a value tuple has no
        // ReadyToRun code, so it was JIT-compiled and each Push/Pop was a call (rules walk whole functions with this).
        var stack = new WalkFrame[16]; // trees are nested 10-30 deep: skip the first resizes
        int depth = 0;
        stack[depth++] = new WalkFrame(this, 0);
        while (depth > 0)
        {
            var (node, slot) = stack[--depth];
            if (slot >= node.SlotCount) continue;
            stack[depth++] = new WalkFrame(node, slot + 1);
            var green = node.Green.GetSlot(slot);
            if (green is null || green.IsToken) continue; // tokens are skipped: don't create their red nodes
            var child = node.GetSlot(slot)!;
            bool isList = child.Kind == SyntaxKind.List;
            if (!isList) yield return child;
            if (isList || descendInto is null || descendInto(child))
            {
                if (depth == stack.Length) stack = Grow(stack);
                stack[depth++] = new WalkFrame(child, 0);
            }
        }
    }

    /// <summary>A node and the next slot to visit, on the explicit stacks of the lazy walks.</summary>
    private readonly record struct WalkFrame(SyntaxNode Node, int Slot);

    // Array.Copy (not Array.Resize<WalkFrame>, a CoreLib generic over this assembly's struct that would be JIT-compiled).
    private static WalkFrame[] Grow(WalkFrame[] stack)
    {
        var bigger = new WalkFrame[stack.Length * 2];
        Array.Copy(stack, bigger, stack.Length);
        return bigger;
    }

    /// <summary>
    /// All descendant nodes in document order (what <see cref="DescendantNodes"/> yields: tokens and list wrappers
    /// excluded) in an exact-size array, and in <paramref name="kinds"/> each one's <see cref="Kind"/> at the same index,
    /// so whole-tree consumers can filter by kind with a switch over a compact array instead of a type test per node.
    /// </summary>
    public SyntaxNode[] GetDescendantNodeArray(out SyntaxKind[] kinds, CancellationToken cancellationToken = default)
    {
        var scratch = TakeWalkScratch();
        int count = Walk(scratch, cancellationToken);
        // Array.Copy, not AsSpan().ToArray(): the span helpers over SyntaxKind (a ushort enum) are CoreLib generics
        // ReadyToRun leaves to the JIT.
        var nodes = count == 0 ? [] : new SyntaxNode[count];
        kinds = count == 0 ? s_noKinds : new SyntaxKind[count];
        Array.Copy(scratch.Nodes, nodes, count);
        Array.Copy(scratch.Kinds, kinds, count);
        ReturnWalkScratch(scratch, count);
        return nodes;
    }

    /// <summary>
    /// Scratch arrays of the bulk walk, one set per thread (the walk runs once per file per snapshot): the output, and a
    /// stack of the created children of every node on the walk's path (each frame a range of <see cref="Children"/>).
    /// </summary>
    private sealed class WalkScratch
    {
        public SyntaxNode[] Nodes = new SyntaxNode[4096];
        public SyntaxKind[] Kinds = new SyntaxKind[4096];
        public SyntaxNode?[] Children = new SyntaxNode?[256];
        public int[] ChildSlots = new int[256];
        public (int Next, int End)[] Frames = new (int, int)[64];
    }

    [ThreadStatic] private static WalkScratch? t_walkScratch;

    private static readonly SyntaxKind[] s_noKinds = new SyntaxKind[0]; // not Array.Empty<SyntaxKind>(): JIT-compiled in ReadyToRun

    private static WalkScratch TakeWalkScratch()
    {
        var scratch = t_walkScratch ?? new WalkScratch();
        t_walkScratch = null; // a nested walk on this thread (none today) gets its own; so does the next one after a throw
        return scratch;
    }

    private static void ReturnWalkScratch(WalkScratch scratch, int count)
    {
        if (scratch.Nodes.Length > 1 << 20 || scratch.Children.Length > 1 << 16 || scratch.Frames.Length > 1024)
            return; // a huge file or a pathological nesting depth: do not keep its arrays
        Array.Clear(scratch.Nodes, 0, count); // do not keep the tree alive (the children stack is cleared as it is read)
        t_walkScratch = scratch;
    }

    /// <summary>
    /// The walk: writes the descendant nodes and their kinds to <paramref name="scratch"/> and returns their count.
    /// A node's red children are created all at once when the walk enters it (one pass over its green slots, one
    /// compare-exchange to publish them, positions summed along the way) instead of one slot at a time through the
    /// per-slot cache path; nodes whose children were already asked for go through that path.
    /// </summary>
    private int Walk(WalkScratch scratch, CancellationToken cancellationToken)
    {
        var nodes = scratch.Nodes;
        var kinds = scratch.Kinds;
        var frames = scratch.Frames;
        int count = 0;
        int depth = 0;
        frames[depth++] = (0, RealizeNodeChildren(scratch, 0));
        while (depth > 0)
        {
            ref var frame = ref frames[depth - 1];
            int next = frame.Next;
            int end = frame.End;
            if (next == end)
            {
                depth--;
                continue;
            }
            frame.Next = next + 1;
            var children = scratch.Children;
            var child = children[next]!;
            children[next] = null;
            var kind = child.Green.Kind;
            if (kind != SyntaxKind.List)
            {
                if (count == nodes.Length)
                {
                    nodes = new SyntaxNode[count * 2];
                    kinds = new SyntaxKind[count * 2];
                    Array.Copy(scratch.Nodes, nodes, count);
                    Array.Copy(scratch.Kinds, kinds, count);
                    scratch.Nodes = nodes;
                    scratch.Kinds = kinds;
                }
                // Written through a ref: a plain store into a SyntaxNode[] is a covariance-checked store, which
                // ReadyToRun code makes as a call into CoreLib (count < nodes.Length was ensured above).
                Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(nodes), count) = child;
                kinds[count] = kind;
                count++;
                if ((count & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            }
            int childEnd = child.RealizeNodeChildren(scratch, end);
            if (childEnd == end) continue; // no node children: nothing to enter
            if (depth == frames.Length)
            {
                frames = new (int, int)[depth * 2];
                Array.Copy(scratch.Frames, frames, depth);
                scratch.Frames = frames;
            }
            frames[depth++] = (end, childEnd);
        }
        return count;
    }

    /// <summary>
    /// Creates (or reads from the cache) the red nodes of this node's node slots, in slot order, into
    /// <c>scratch.Children</c> from <paramref name="at"/>; returns the end of the range.
    /// </summary>
    private int RealizeNodeChildren(WalkScratch scratch, int at)
    {
        var green = Green;
        int slotCount = green.SlotCount;
        if (slotCount == 0) return at;
        var buffer = scratch.Children;
        var slots = scratch.ChildSlots;
        int end = at;
        int position = Position;
        bool fresh = Volatile.Read(ref _children) is null;
        for (int i = 0; i < slotCount; i++)
        {
            var slot = green.GetSlot(i);
            if (slot is null) continue;
            if (!slot.IsToken)
            {
                if (end == buffer.Length)
                {
                    Array.Resize(ref scratch.Children, end * 2);
                    Array.Resize(ref scratch.ChildSlots, end * 2);
                    buffer = scratch.Children;
                    slots = scratch.ChildSlots;
                }
                // Through a ref, as in Walk (end < buffer.Length was ensured above); a node slot, so no token test.
                Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(buffer), end) =
                    fresh ? SyntaxFactory.CreateRedNode(slot, this, position) : Realize(i, slot, position);
                slots[end] = i;
                end++;
            }
            position += slot.FullWidth;
        }
        if (!fresh || end == at) return end;
        // Publish what was created, in the shape the per-slot path would have built: the only node child directly,
        // otherwise one entry per slot. If another thread cached a child meanwhile, take its nodes: ours were never
        // handed out.
        object published;
        if (end - at == 1)
        {
            published = buffer[at]!;
        }
        else
        {
            var array = new SyntaxNode?[slotCount];
            for (int k = at; k < end; k++) array[slots[k]] = buffer[k];
            published = array;
        }
        if (Interlocked.CompareExchange(ref _children, published, null) is not null)
        {
            for (int k = at; k < end; k++)
            {
                var created = buffer[k]!;
                buffer[k] = Realize(slots[k], created.Green, created.Position);
            }
        }
        return end;
    }

    /// <summary>This node followed by its descendant nodes.</summary>
    public IEnumerable<SyntaxNode> DescendantNodesAndSelf()
    {
        yield return this;
        foreach (var n in DescendantNodes()) yield return n;
    }

    /// <summary>All tokens under this node in document order (including zero-width ones).</summary>
    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        if (this is SyntaxToken self)
        {
            yield return self;
            yield break;
        }
        var stack = new WalkFrame[16]; // an array stack, as in DescendantNodes
        int depth = 0;
        stack[depth++] = new WalkFrame(this, 0);
        while (depth > 0)
        {
            var (node, slot) = stack[--depth];
            if (slot >= node.SlotCount) continue;
            stack[depth++] = new WalkFrame(node, slot + 1);
            var child = node.GetSlot(slot);
            if (child is null) continue;
            if (child is SyntaxToken t) yield return t;
            else
            {
                if (depth == stack.Length) stack = Grow(stack);
                stack[depth++] = new WalkFrame(child, 0);
            }
        }
    }

    /// <summary>Ancestors from the parent up to the root.</summary>
    public IEnumerable<SyntaxNode> Ancestors()
    {
        for (var p = Parent; p is not null; p = p.Parent)
        {
            if (p.Kind != SyntaxKind.List) yield return p;
        }
    }

    /// <summary>The nearest ancestor (or self) of type <typeparamref name="T"/>.</summary>
    public T? FirstAncestorOrSelf<T>() where T : SyntaxNode
    {
        for (var p = this; p is not null; p = p.Parent)
        {
            if (p is T t) return t;
        }
        return null;
    }

    /// <summary>The token whose full span contains <paramref name="position"/> (the end-of-file token at the end).</summary>
    public SyntaxToken FindToken(int position)
    {
        SyntaxNode node = this;
        while (node is not SyntaxToken)
        {
            SyntaxNode? next = null;
            int offset = node.Position;
            for (int i = 0; i < node.SlotCount; i++)
            {
                var g = node.Green.GetSlot(i);
                if (g is null) continue;
                if (position < offset + g.FullWidth || (g.FullWidth > 0 && i == node.SlotCount - 1))
                {
                    if (g.FullWidth == 0 && !g.IsToken) { offset += 0; continue; }
                    next = node.GetSlot(i);
                    if (g.FullWidth > 0 || g.IsToken) break;
                }
                offset += g.FullWidth;
            }
            if (next is null)
            {
                // Past the end: take the last token.
                var last = node.DescendantTokens().LastOrDefault();
                if (last is null) throw new ArgumentOutOfRangeException(nameof(position));
                return last;
            }
            node = next;
        }
        return (SyntaxToken)node;
    }

    /// <summary>The first token of this node (may be zero width).</summary>
    public SyntaxToken? GetFirstToken() => DescendantTokens().FirstOrDefault();

    /// <summary>The last token of this node.</summary>
    public SyntaxToken? GetLastToken()
    {
        SyntaxNode node = this;
        while (node is not SyntaxToken)
        {
            SyntaxNode? next = null;
            for (int i = node.SlotCount - 1; i >= 0; i--)
            {
                var child = node.GetSlot(i);
                if (child is not null && (child.IsToken || child.Green.FirstToken() is not null)) { next = child; break; }
            }
            if (next is null) return null;
            node = next;
        }
        return (SyntaxToken)node;
    }

    /// <summary>Diagnostics of this node and its descendants, in document order.</summary>
    public IEnumerable<SyntaxDiagnostic> GetDiagnostics() => SyntaxDiagnostic.Collect(Green, Position);

    /// <summary>The exact source text of this node, including trivia.</summary>
    public string ToFullString() => Green.ToFullString();

    /// <summary>The source text of this node without its leading and trailing trivia.</summary>
    public override string ToString()
    {
        var full = Green.ToFullString();
        int lead = Green.LeadingTriviaWidth;
        int len = Math.Max(0, full.Length - lead - Green.TrailingTriviaWidth);
        return full.Substring(lead, len);
    }

    /// <summary>True if the two nodes have identical structure, text, trivia and diagnostics.</summary>
    public bool IsEquivalentTo(SyntaxNode? other) => other is not null && GreenNode.AreEquivalent(Green, other.Green);
}

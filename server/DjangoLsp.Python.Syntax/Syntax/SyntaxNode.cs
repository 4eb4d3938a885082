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
    private SyntaxNode?[]? _children;
    private readonly PythonSyntaxTree? _tree;

    internal SyntaxNode(GreenNode green, SyntaxNode? parent, int position, PythonSyntaxTree? tree = null)
    {
        Green = green;
        Parent = parent;
        Position = position;
        _tree = tree;
    }

    internal GreenNode Green { get; }

    /// <summary>The containing node, or null for the root.</summary>
    public SyntaxNode? Parent { get; }

    /// <summary>Absolute start including leading trivia.</summary>
    public int Position { get; }

    /// <summary>The tree this node belongs to (null only for nodes built outside a tree).</summary>
    public PythonSyntaxTree? SyntaxTree => _tree ?? Parent?.SyntaxTree;

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
        _children ??= new SyntaxNode?[Green.SlotCount];
        var existing = Volatile.Read(ref _children[index]);
        if (existing is not null) return existing;
        int offset = ChildPosition(index);
        var created = SyntaxFactory.CreateRed(green, this, offset);
        return Interlocked.CompareExchange(ref _children[index], created, null) ?? created;
    }

    /// <summary>
    /// Absolute position of slot <paramref name="index"/>. Starts from the nearest earlier child already created
    /// (as Roslyn's GetChildPosition does), so walking a long list in order is linear, not quadratic.
    /// </summary>
    private int ChildPosition(int index)
    {
        int widthAfter = 0;
        for (int j = index - 1; j >= 0; j--)
        {
            var realized = Volatile.Read(ref _children![j]);
            if (realized is not null) return realized.Position + realized.Green.FullWidth + widthAfter;
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
        var result = new List<T>(list.SlotCount);
        for (int i = 0; i < list.SlotCount; i++)
        {
            if (list.GetSlot(i) is T t) result.Add(t);
        }
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
        var stack = new Stack<(SyntaxNode Node, int Slot)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, slot) = stack.Pop();
            if (slot >= node.SlotCount) continue;
            stack.Push((node, slot + 1));
            var green = node.Green.GetSlot(slot);
            if (green is null || green.IsToken) continue; // tokens are skipped: don't create their red nodes
            var child = node.GetSlot(slot)!;
            bool isList = child.Kind == SyntaxKind.List;
            if (!isList) yield return child;
            if (isList || descendInto is null || descendInto(child)) stack.Push((child, 0));
        }
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
        var stack = new Stack<(SyntaxNode Node, int Slot)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, slot) = stack.Pop();
            if (slot >= node.SlotCount) continue;
            stack.Push((node, slot + 1));
            var child = node.GetSlot(slot);
            if (child is null) continue;
            if (child is SyntaxToken t) yield return t;
            else stack.Push((child, 0));
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

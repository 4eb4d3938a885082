namespace DjangoLsp.Python.Syntax.Green;

/// <summary>A diagnostic stored in the green tree, relative to the full start of the node that owns it.</summary>
internal readonly record struct GreenDiagnostic(int Offset, int Width, string Message, bool IsWarning = false);

/// <summary>
/// Immutable, position-free, shareable tree node (Roslyn's "green" layer). Knows its kind, full width
/// (including trivia) and children; tokens and trivia are subclasses.
/// </summary>
internal abstract class GreenNode
{
    [Flags]
    protected enum NodeFlags : byte
    {
        None = 0,
        ContainsDiagnostics = 1,
        IsMissing = 2,
        HasOwnDiagnostics = 4,
        IsToken = 8,
    }

    // Kind and flags share one word with the width: a node is 24 bytes plus its children (the tree of the
    // whole standard library is held in memory at once, and allocation is most of the parse time, so every
    // field counts). Diagnostics are rare, so they live in a side table keyed by node, as in Roslyn, instead
    // of costing every node a pointer field.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<GreenNode, GreenDiagnostic[]> s_diagnostics = new();

    private readonly SyntaxKind _kind;
    private readonly NodeFlags _flags;

    /// <summary>
    /// A spare byte that fills the padding after kind and flags (so it costs nothing): subclasses with a compact
    /// layout keep their slot count and the index of their only child here (see <see cref="GreenNodeWithOneOfManySlots"/>).
    /// </summary>
    private protected readonly byte _shape;
    private readonly int _fullWidth;

    protected GreenNode(SyntaxKind kind, int fullWidth, GreenDiagnostic[]? diagnostics, NodeFlags flags, byte shape = 0)
    {
        _kind = kind;
        _shape = shape;
        _fullWidth = fullWidth;
        if (diagnostics is not null)
        {
            s_diagnostics.Add(this, diagnostics);
            flags |= NodeFlags.ContainsDiagnostics | NodeFlags.HasOwnDiagnostics;
        }
        _flags = flags;
    }

    public SyntaxKind Kind => _kind;

    public int FullWidth => _fullWidth;

    /// <summary>Diagnostics owned by this node (not its children), or null.</summary>
    public GreenDiagnostic[]? Diagnostics =>
        HasFlag(NodeFlags.HasOwnDiagnostics) && s_diagnostics.TryGetValue(this, out var diagnostics) ? diagnostics : null;

    /// <summary>True if this node or a descendant carries a diagnostic.</summary>
    public bool ContainsDiagnostics => (_flags & NodeFlags.ContainsDiagnostics) != 0;

    private protected bool HasFlag(NodeFlags flag) => (_flags & flag) != 0;

    public virtual int SlotCount => 0;

    public virtual GreenNode? GetSlot(int index) => null;

    /// <summary>True for a <see cref="GreenToken"/>.</summary>
    /// <remarks>
    /// A flag, not a virtual property: ReadyToRun code calls a virtual method of these classes through a stub (the
    /// vtable layout is not fixed across version bubbles), and the red tree and its walks ask this for every slot.
    /// </remarks>
    public bool IsToken => (_flags & NodeFlags.IsToken) != 0;

    public virtual bool IsTrivia => false;

    public abstract GreenNode WithDiagnostics(GreenDiagnostic[]? diagnostics);

    public abstract void WriteTo(System.Text.StringBuilder builder);

    public virtual int LeadingTriviaWidth => SlotCount == 0 ? 0 : FirstTokenLeadingWidth();

    public virtual int TrailingTriviaWidth => SlotCount == 0 ? 0 : LastTokenTrailingWidth();

    private int FirstTokenLeadingWidth()
    {
        for (int i = 0; i < SlotCount; i++)
        {
            var child = GetSlot(i);
            if (child is not null && child.FullWidth > 0) return child.LeadingTriviaWidth;
        }
        return 0;
    }

    private int LastTokenTrailingWidth()
    {
        for (int i = SlotCount - 1; i >= 0; i--)
        {
            var child = GetSlot(i);
            if (child is not null && child.FullWidth > 0) return child.TrailingTriviaWidth;
        }
        return 0;
    }

    public GreenToken? FirstToken()
    {
        if (this is GreenToken t) return t;
        for (int i = 0; i < SlotCount; i++)
        {
            var tok = GetSlot(i)?.FirstToken();
            if (tok is not null) return tok;
        }
        return null;
    }

    public GreenToken? LastToken()
    {
        if (this is GreenToken t) return t;
        for (int i = SlotCount - 1; i >= 0; i--)
        {
            var tok = GetSlot(i)?.LastToken();
            if (tok is not null) return tok;
        }
        return null;
    }

    public string ToFullString()
    {
        var sb = new System.Text.StringBuilder(FullWidth);
        WriteTo(sb);
        return sb.ToString();
    }

    /// <summary>Structural equality: kinds, texts, trivia and diagnostics of the whole subtree.</summary>
    public static bool AreEquivalent(GreenNode? a, GreenNode? b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null) return false;
        if (a.Kind != b.Kind || a.FullWidth != b.FullWidth || a.SlotCount != b.SlotCount) return false;
        if (!DiagnosticsEqual(a.Diagnostics, b.Diagnostics)) return false;
        if (a is GreenTrivia ta) return ta.Text == ((GreenTrivia)b).Text;
        if (a is GreenToken ka)
        {
            var kb = (GreenToken)b;
            if (ka.Text != kb.Text || ka.IsMissing != kb.IsMissing) return false;
            return TriviaEqual(ka.LeadingTrivia, kb.LeadingTrivia) && TriviaEqual(ka.TrailingTrivia, kb.TrailingTrivia);
        }
        for (int i = 0; i < a.SlotCount; i++)
        {
            if (!AreEquivalent(a.GetSlot(i), b.GetSlot(i))) return false;
        }
        return true;
    }

    private static bool TriviaEqual(GreenTrivia[] a, GreenTrivia[] b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            if (!AreEquivalent(a[i], b[i])) return false;
        }
        return true;
    }

    private static bool DiagnosticsEqual(GreenDiagnostic[]? a, GreenDiagnostic[]? b)
    {
        if (a is null || b is null) return a is null && b is null;
        return a.AsSpan().SequenceEqual(b);
    }
}

/// <summary>A leaf of trivia: whitespace, comment, line continuation, skipped text.</summary>
internal sealed class GreenTrivia : GreenNode
{
    public GreenTrivia(SyntaxKind kind, string text) : base(kind, text.Length, null, NodeFlags.None) => Text = text;

    public string Text { get; }

    public override bool IsTrivia => true;

    public override GreenNode WithDiagnostics(GreenDiagnostic[]? diagnostics) => this;

    public override void WriteTo(System.Text.StringBuilder builder) => builder.Append(Text);
}

/// <summary>A token: kind, text, leading and trailing trivia. Missing tokens have empty text.</summary>
internal sealed class GreenToken : GreenNode
{
    public static readonly GreenTrivia[] NoTrivia = [];

    /// <summary>The INDENT token (zero width, no trivia): one shared instance, as it is identical everywhere.</summary>
    public static readonly GreenToken Indent = new(SyntaxKind.IndentToken, "", NoTrivia, NoTrivia);

    /// <summary>The DEDENT token (zero width, no trivia): one shared instance.</summary>
    public static readonly GreenToken Dedent = new(SyntaxKind.DedentToken, "", NoTrivia, NoTrivia);

    public GreenToken(SyntaxKind kind, string text, GreenTrivia[] leading, GreenTrivia[] trailing, bool isMissing = false, GreenDiagnostic[]? diagnostics = null)
        : base(kind, text.Length + TriviaWidth(leading) + TriviaWidth(trailing), diagnostics, isMissing ? NodeFlags.IsMissing | NodeFlags.IsToken : NodeFlags.IsToken)
    {
        Text = text;
        LeadingTrivia = leading;
        TrailingTrivia = trailing;
    }

    public string Text { get; }

    public GreenTrivia[] LeadingTrivia { get; }

    public GreenTrivia[] TrailingTrivia { get; }

    public bool IsMissing => HasFlag(NodeFlags.IsMissing);

    public override int LeadingTriviaWidth => TriviaWidth(LeadingTrivia);

    public override int TrailingTriviaWidth => TriviaWidth(TrailingTrivia);

    public override GreenNode WithDiagnostics(GreenDiagnostic[]? diagnostics) =>
        new GreenToken(Kind, Text, LeadingTrivia, TrailingTrivia, IsMissing, diagnostics);

    public GreenToken WithLeadingTrivia(GreenTrivia[] leading, GreenDiagnostic[]? diagnostics) =>
        new GreenToken(Kind, Text, leading, TrailingTrivia, IsMissing, diagnostics);

    public static int TriviaWidth(GreenTrivia[] trivia)
    {
        int w = 0;
        foreach (var t in trivia) w += t.FullWidth;
        return w;
    }

    public override void WriteTo(System.Text.StringBuilder builder)
    {
        foreach (var t in LeadingTrivia) builder.Append(t.Text);
        builder.Append(Text);
        foreach (var t in TrailingTrivia) builder.Append(t.Text);
    }
}

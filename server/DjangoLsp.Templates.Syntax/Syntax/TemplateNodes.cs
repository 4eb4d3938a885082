using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Templates.Syntax;

public enum TemplateNodeKind
{
    Document,
    Text,
    Variable,
    Tag,
    Comment,
    Block,
    /// <summary>A token inside a raw body (<c>{% comment %}</c>): kept verbatim, never interpreted.</summary>
    Raw,
}

/// <summary>
/// A node of the structural tree. Nodes are immutable and carry absolute spans; they are rebuilt cheaply over
/// the (reused) green tokens on every parse. Concatenating the tokens of all nodes gives the file back exactly.
/// </summary>
public abstract class TemplateNode
{
    private protected TemplateNode()
    {
    }

    public abstract TemplateNodeKind Kind { get; }

    /// <summary>Absolute span of the node including all its children.</summary>
    /// <remarks>Abstract so a token node (one per token) computes it from its position and token width instead of storing it.</remarks>
    public abstract TextSpan FullSpan { get; }

    public virtual IReadOnlyList<TemplateNode> Children => Array.Empty<TemplateNode>();

    /// <summary>All nodes below this one in document order (pre-order).</summary>
    public IEnumerable<TemplateNode> DescendantNodes()
    {
        foreach (var child in Children)
        {
            yield return child;
            foreach (var d in child.DescendantNodes())
            {
                yield return d;
            }
        }
    }
}

/// <summary>A node made of one token.</summary>
public abstract class TemplateTokenNode : TemplateNode
{
    private protected TemplateTokenNode(TemplateToken token, int tokenIndex, int position)
    {
        Token = token;
        TokenIndex = tokenIndex;
        Position = position;
    }

    public TemplateToken Token { get; }

    /// <summary>Index in <see cref="TemplateSyntaxTree.Tokens"/>.</summary>
    public int TokenIndex { get; }

    /// <summary>Absolute start of the token.</summary>
    public int Position { get; }

    public sealed override TextSpan FullSpan => new(Position, Token.Width);

    /// <summary>Converts a span relative to the token start (as stored in green data) to an absolute span.</summary>
    public TextSpan ToAbsolute(TextSpan relative) => new(Position + relative.Start, relative.Length);

    /// <summary>Absolute span of the stripped content between the delimiters.</summary>
    public TextSpan ContentSpan => new(Position + Token.ContentOffset, Token.ContentLength);
}

public sealed class TemplateTextNode : TemplateTokenNode
{
    internal TemplateTextNode(TemplateToken token, int index, int position) : base(token, index, position) { }

    public override TemplateNodeKind Kind => TemplateNodeKind.Text;

    public string Text => Token.Text;
}

/// <summary><c>{{ expression }}</c></summary>
public sealed class TemplateVariableNode : TemplateTokenNode
{
    internal TemplateVariableNode(TemplateToken token, int index, int position) : base(token, index, position) { }

    public override TemplateNodeKind Kind => TemplateNodeKind.Variable;

    public FilterExpression Expression => Token.Expression!;
}

/// <summary><c>{% name bits... %}</c></summary>
public sealed class TemplateTagNode : TemplateTokenNode
{
    internal TemplateTagNode(TemplateToken token, int index, int position) : base(token, index, position) { }

    public override TemplateNodeKind Kind => TemplateNodeKind.Tag;

    public TagSyntax Syntax => Token.Tag!;

    public string Name => Syntax.Name;
}

/// <summary><c>{# ... #}</c></summary>
public sealed class TemplateCommentNode : TemplateTokenNode
{
    internal TemplateCommentNode(TemplateToken token, int index, int position) : base(token, index, position) { }

    public override TemplateNodeKind Kind => TemplateNodeKind.Comment;
}

/// <summary>A token inside a raw <c>{% comment %}</c> body.</summary>
public sealed class TemplateRawNode : TemplateTokenNode
{
    internal TemplateRawNode(TemplateToken token, int index, int position) : base(token, index, position) { }

    public override TemplateNodeKind Kind => TemplateNodeKind.Raw;
}

/// <summary>One section of a block: the opening (or intermediate, e.g. <c>else</c>) tag and the nodes after it.</summary>
public sealed class TemplateBlockBranch
{
    internal TemplateBlockBranch(TemplateTagNode tag, IReadOnlyList<TemplateNode> body)
    {
        Tag = tag;
        Body = body;
    }

    public TemplateTagNode Tag { get; }

    public IReadOnlyList<TemplateNode> Body { get; }
}

/// <summary>
/// A block tag with its body: <c>{% if %}...{% elif %}...{% else %}...{% endif %}</c>, or a generic block
/// <c>{% xxx %}...{% endxxx %}</c> from a loaded library.
/// </summary>
public sealed class TemplateBlockNode : TemplateNode
{
    private TemplateNode[]? _children;

    /// <summary>The first (usually only) branch's tag and body, and all branches: null for a one-branch block until
    /// <see cref="Branches"/> is first read (the parser and the walk go through <see cref="BranchCount"/>,
    /// <see cref="BranchTag"/> and <see cref="BranchBody"/>, so most blocks never make a branch object or array).</summary>
    private readonly TemplateTagNode _firstTag;
    private readonly IReadOnlyList<TemplateNode> _firstBody;
    private TemplateBlockBranch[]? _branches;

    internal TemplateBlockNode(TemplateTagNode firstTag, IReadOnlyList<TemplateNode> firstBody, TemplateBlockBranch[]? branches, TemplateTagNode? endTag,
        bool isRaw, bool isBuiltIn, TextSpan span)
    {
        FullSpan = span;
        _firstTag = firstTag;
        _firstBody = firstBody;
        _branches = branches;
        EndTag = endTag;
        IsRaw = isRaw;
        IsBuiltIn = isBuiltIn;
    }

    /// <summary>Tags and bodies in document order, built on first use (walks go through <see cref="Branches"/>).</summary>
    private TemplateNode[] BuildChildren()
    {
        int count = EndTag != null ? 1 : 0;
        int branchCount = BranchCount;
        for (int i = 0; i < branchCount; i++)
        {
            count += 1 + BranchBody(i).Count;
        }

        var children = new TemplateNode[count];
        int next = 0;
        for (int i = 0; i < branchCount; i++)
        {
            children[next++] = BranchTag(i);
            foreach (var child in BranchBody(i))
            {
                children[next++] = child;
            }
        }

        if (EndTag != null)
        {
            children[next] = EndTag;
        }

        // Racing threads build equal arrays; either one may win.
        return _children = children;
    }

    public override TemplateNodeKind Kind => TemplateNodeKind.Block;

    public override TextSpan FullSpan { get; }

    /// <summary>The tag name of the opener (<c>if</c>, <c>for</c>, <c>block</c>, ...).</summary>
    public string Name => OpenTag.Name;

    public TemplateTagNode OpenTag => _firstTag;

    public IReadOnlyList<TemplateBlockBranch> Branches => _branches ?? MakeBranches();

    private TemplateBlockBranch[] MakeBranches()
    {
        // One array for every reader, even racing ones.
        Interlocked.CompareExchange(ref _branches, [new TemplateBlockBranch(_firstTag, _firstBody)], null);
        return _branches;
    }

    /// <summary>Number of branches (no array made).</summary>
    internal int BranchCount => _branches?.Length ?? 1;

    /// <summary>The opening (or intermediate) tag of branch <paramref name="index"/> (no branch object made).</summary>
    internal TemplateTagNode BranchTag(int index) => index == 0 ? _firstTag : _branches![index].Tag;

    /// <summary>The body of branch <paramref name="index"/> (no branch object made).</summary>
    internal IReadOnlyList<TemplateNode> BranchBody(int index) => index == 0 ? _firstBody : _branches![index].Body;

    /// <summary>The end tag; null when the block is unclosed (an error was reported).</summary>
    public TemplateTagNode? EndTag { get; }

    public bool IsClosed => EndTag != null;

    /// <summary>Body is not template code (<c>verbatim</c>, <c>comment</c>).</summary>
    public bool IsRaw { get; }

    /// <summary>False for a generic block of an unknown (library) tag paired by its <c>endxxx</c>.</summary>
    public bool IsBuiltIn { get; }

    public override IReadOnlyList<TemplateNode> Children => _children ?? BuildChildren();

    /// <summary>For <c>{% block name %}</c>: the block name.</summary>
    public string? BlockName => Name == "block" && OpenTag.Syntax.Bits.Count > 1 ? OpenTag.Syntax.Bits[1].Text : null;
}

/// <summary>The root: the top-level nodes of the file.</summary>
public sealed class TemplateDocumentNode : TemplateNode
{
    private readonly IReadOnlyList<TemplateNode> _children;

    internal TemplateDocumentNode(IReadOnlyList<TemplateNode> children, int length)
    {
        _children = children;
        FullSpan = new TextSpan(0, length);
    }

    public override TemplateNodeKind Kind => TemplateNodeKind.Document;

    public override TextSpan FullSpan { get; }

    public override IReadOnlyList<TemplateNode> Children => _children;
}

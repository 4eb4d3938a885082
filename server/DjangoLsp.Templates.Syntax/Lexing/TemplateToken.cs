namespace DjangoLsp.Templates.Syntax;

/// <summary>
/// An immutable, position-free token (the "green" layer): it only knows its own text, so an incremental
/// reparse can reuse it at a different offset. Absolute spans come from <see cref="TemplateSyntaxTree"/>.
/// </summary>
public sealed class TemplateToken
{
    /// <summary>Per kind, made on first use: a <see cref="TagSyntax"/> for tags, a <see cref="FilterExpression"/> for
    /// variables; for text tokens the unterminated opener offsets (null when there are none). One field instead of
    /// one per kind keeps the token small: a template has one token per ~20 characters.</summary>
    private object? _parsed;

    /// <summary>The string the token's text lies in (the whole source of a full parse) and where: a full parse
    /// makes no string per token. Once <see cref="Text"/> is asked for, the field holds the token's own text
    /// instead (a string exactly <see cref="Width"/> long is always the text itself: a source that long is all
    /// token), so the text is cut once without a field of its own; the one reference is read once per use, so a
    /// racing reader sees either string with a consistent meaning. Nothing here is a position in a tree.</summary>
    private string _source;
    private readonly int _start;

    internal TemplateToken(TemplateTokenKind kind, string source, int start, int width, bool inVerbatim, int[]? unterminatedOpeners)
    {
        _kind = (byte)kind;
        _source = source;
        _start = start;
        Width = width;
        InVerbatim = inVerbatim;
        if (kind == TemplateTokenKind.Text)
        {
            _parsed = unterminatedOpeners;
        }
    }

    /// <summary>A byte, not the int-sized enum: with <see cref="InVerbatim"/> it shares one slot of the object.</summary>
    private readonly byte _kind;

    public TemplateTokenKind Kind => (TemplateTokenKind)_kind;

    /// <summary>The exact source text, delimiters included.</summary>
    public string Text
    {
        get
        {
            var source = _source;
            if (source.Length == Width)
            {
                return source;
            }

            // Racing threads cut equal strings; either may win.
            return _source = source.Substring(_start, Width);
        }
    }

    /// <summary>The text as a span (no string made).</summary>
    internal ReadOnlySpan<char> Span
    {
        get
        {
            var (source, start) = Where();
            return source.AsSpan(start, Width);
        }
    }

    /// <summary>The string holding the text and the text's offset in it.</summary>
    private (string Source, int Start) Where()
    {
        var source = _source;
        return source.Length == Width ? (source, 0) : (source, _start);
    }

    public int Width { get; }

    /// <summary>The text between the delimiters, stripped as Django strips it.</summary>
    public string Content => Kind switch
    {
        TemplateTokenKind.Text => Text,
        TemplateTokenKind.Variable => Expression!.Text,
        _ => TagOrCommentContent(),
    };

    private string TagOrCommentContent()
    {
        var (source, _, from, to) = ContentBounds();
        return source.Substring(from, to - from);
    }

    /// <summary>Offset of <see cref="Content"/> relative to the token start.</summary>
    /// <remarks>Computed on use (skipping the few spaces after the delimiter) rather than stored: a field costs eight
    /// bytes on each of the ~50 tokens per KB, and the parsers read it once per token.</remarks>
    public int ContentOffset
    {
        get
        {
            if (Kind == TemplateTokenKind.Text)
            {
                return 0;
            }

            var (source, start) = Where();
            int from = start + 2, to = start + Width - 2;
            while (from < to && IsPythonSpace(source[from])) from++;
            return from - start;
        }
    }

    /// <summary>Length of <see cref="Content"/>.</summary>
    public int ContentLength
    {
        get
        {
            if (Kind == TemplateTokenKind.Text)
            {
                return Width;
            }

            var (_, _, from, to) = ContentBounds();
            return to - from;
        }
    }

    /// <summary>The string holding the token, the token's start in it and the bounds of the stripped content of a tag or variable.</summary>
    private (string Source, int Start, int From, int To) ContentBounds()
    {
        var (source, start) = Where();
        int from = start + 2, to = start + Width - 2;
        while (from < to && IsPythonSpace(source[from])) from++;
        while (to > from && IsPythonSpace(source[to - 1])) to--;
        return (source, start, from, to);
    }

    /// <summary>True when the lexer was inside a <c>{% verbatim %}</c> body when it produced this token.</summary>
    public bool InVerbatim { get; }

    /// <summary>Relative offsets of <c>{{</c>/<c>{%</c>/<c>{#</c> openers in a text token that have no closer on their line.</summary>
    public IReadOnlyList<int> UnterminatedOpeners => _parsed as int[] ?? Array.Empty<int>();

    internal bool HasUnterminatedOpeners => _parsed is int[];

    /// <summary>Tag name and bits for a <see cref="TemplateTokenKind.Tag"/> token (parsed once, cached).</summary>
    public TagSyntax? Tag => Kind == TemplateTokenKind.Tag ? (TagSyntax)(_parsed ?? ParseTag()) : null;

    /// <summary>The filter expression of a <see cref="TemplateTokenKind.Variable"/> token (parsed once, cached).</summary>
    public FilterExpression? Expression => Kind == TemplateTokenKind.Variable ? (FilterExpression)(_parsed ?? ParseExpression()) : null;

    // Racing threads parse equal values; either may win.
    private TagSyntax ParseTag()
    {
        var (source, start, from, to) = ContentBounds();
        var tag = TagSyntax.Parse(source, start, from, to);
        _parsed = tag;
        return tag;
    }

    private FilterExpression ParseExpression()
    {
        var (source, start, from, to) = ContentBounds();
        var expression = FilterExpression.Parse(source.Substring(from, to - from), from - start);
        _parsed = expression;
        return expression;
    }

    /// <summary>Jinja2-only syntax in this token (cached with the parsed tag or expression; see <see cref="TemplateDialectDetector"/>).</summary>
    internal string? JinjaHint => Kind switch
    {
        TemplateTokenKind.Tag => Tag!.Cache.JinjaHint(this),
        TemplateTokenKind.Variable => Expression!.Cache.JinjaHint(this),
        _ => null,
    };

    /// <summary>A problem with a built-in tag's arguments (cached with the parsed tag; see <see cref="TemplateParser"/>).</summary>
    internal string? ArgumentProblem => Kind == TemplateTokenKind.Tag ? Tag!.Cache.ArgumentProblem(Tag) : null;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static bool IsPythonSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    public override string ToString() => Text;
}

/// <summary>Facts derived from a token's parsed content, computed once per green token (so reused tokens keep them).</summary>
/// <remarks>Two fields, no "computed" flags: a computed null is stored as <see cref="None"/> (the struct lives in every
/// parsed tag and expression, so a flag byte would cost a padded eight bytes each).</remarks>
internal struct TokenFactsCache
{
    private static readonly string None = new('\0', 1);

    private string? _jinjaHint;
    private string? _argumentProblem;

    public string? JinjaHint(TemplateToken token)
    {
        var hint = _jinjaHint;
        if (hint == null)
        {
            _jinjaHint = hint = TemplateDialectDetector.TokenHint(token) ?? None;
        }

        return ReferenceEquals(hint, None) ? null : hint;
    }

    public string? ArgumentProblem(TagSyntax tag)
    {
        var problem = _argumentProblem;
        if (problem == null)
        {
            _argumentProblem = problem = TemplateParser.ArgumentProblem(tag) ?? None;
        }

        return ReferenceEquals(problem, None) ? null : problem;
    }
}

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
    /// makes no string per token; <see cref="Text"/> is cut on first use. A token still "knows only its own text"
    /// (nothing here is an absolute position of the tree it is used in).</summary>
    private readonly string _source;
    private readonly int _start;
    private string? _text;

    internal TemplateToken(TemplateTokenKind kind, string source, int start, int width, bool inVerbatim, int[]? unterminatedOpeners)
    {
        Kind = kind;
        _source = source;
        _start = start;
        Width = width;
        InVerbatim = inVerbatim;
        if (kind != TemplateTokenKind.Text)
        {
            // Django strips the inner text of the delimiters; keep the relative offset of the stripped content.
            int from = start + 2, to = start + width - 2;
            while (from < to && IsPythonSpace(source[from])) from++;
            while (to > from && IsPythonSpace(source[to - 1])) to--;
            ContentOffset = from - start;
            ContentLength = to - from;
        }
        else
        {
            ContentOffset = 0;
            ContentLength = width;
            _parsed = unterminatedOpeners;
        }
    }

    public TemplateTokenKind Kind { get; }

    /// <summary>The exact source text, delimiters included.</summary>
    public string Text => _text ??= _start == 0 && Width == _source.Length ? _source : _source.Substring(_start, Width);

    /// <summary>The text as a span of the source (no string made).</summary>
    internal ReadOnlySpan<char> Span => _source.AsSpan(_start, Width);

    /// <summary>The string holding the text and the text's offset in it (for parsers that read the text in place).</summary>
    internal string Source => _source;

    internal int SourceStart => _start;

    public int Width { get; }

    /// <summary>The text between the delimiters, stripped as Django strips it.</summary>
    public string Content => Kind switch
    {
        TemplateTokenKind.Text => Text,
        TemplateTokenKind.Variable => Expression!.Text,
        _ => _source.Substring(_start + ContentOffset, ContentLength),
    };

    /// <summary>Offset of <see cref="Content"/> relative to the token start.</summary>
    public int ContentOffset { get; }

    /// <summary>Length of <see cref="Content"/>.</summary>
    public int ContentLength { get; }

    /// <summary>True when the lexer was inside a <c>{% verbatim %}</c> body when it produced this token.</summary>
    public bool InVerbatim { get; }

    /// <summary>Relative offsets of <c>{{</c>/<c>{%</c>/<c>{#</c> openers in a text token that have no closer on their line.</summary>
    public IReadOnlyList<int> UnterminatedOpeners => _parsed as int[] ?? Array.Empty<int>();

    internal bool HasUnterminatedOpeners => _parsed is int[];

    /// <summary>Tag name and bits for a <see cref="TemplateTokenKind.Tag"/> token (parsed once, cached).</summary>
    public TagSyntax? Tag => Kind == TemplateTokenKind.Tag
        ? (TagSyntax)(_parsed ??= TagSyntax.Parse(_source, _start, _start + ContentOffset, _start + ContentOffset + ContentLength))
        : null;

    /// <summary>The filter expression of a <see cref="TemplateTokenKind.Variable"/> token (parsed once, cached).</summary>
    public FilterExpression? Expression =>
        Kind == TemplateTokenKind.Variable ? (FilterExpression)(_parsed ??= FilterExpression.Parse(_source.Substring(_start + ContentOffset, ContentLength), ContentOffset)) : null;

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
internal struct TokenFactsCache
{
    private string? _jinjaHint;
    private string? _argumentProblem;
    private byte _computed;

    public string? JinjaHint(TemplateToken token)
    {
        if ((_computed & 1) == 0)
        {
            _jinjaHint = TemplateDialectDetector.TokenHint(token);
            _computed |= 1;
        }

        return _jinjaHint;
    }

    public string? ArgumentProblem(TagSyntax tag)
    {
        if ((_computed & 2) == 0)
        {
            _argumentProblem = TemplateParser.ArgumentProblem(tag);
            _computed |= 2;
        }

        return _argumentProblem;
    }
}

using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Templates.Syntax;

/// <summary>One whitespace-separated bit of a tag (Django's <c>smart_split</c>; quoted strings keep their spaces).</summary>
public sealed record TagBit(string Text, TextSpan Span)
{
    public bool IsQuoted => Text.Length >= 2 && Text[0] is '"' or '\'' && Text[^1] == Text[0];

    /// <summary>The text without surrounding quotes (for template names, block names, ...).</summary>
    public string Unquoted => IsQuoted ? Text.Substring(1, Text.Length - 2) : Text;
}

/// <summary>The inside of a <c>{% ... %}</c> token split into bits. Spans are relative to the token start.</summary>
/// <remarks>Only the bit boundaries are stored when the token is parsed; <see cref="TagBit"/> objects (and their
/// strings) are made on the first use of <see cref="Bits"/>. The parser, the dialect check and the context walk look
/// at most tags only through <see cref="BitCount"/>, <see cref="HasBit"/> and <see cref="AsVariable"/>.</remarks>
public sealed class TagSyntax
{
    /// <summary>Bits of the tags parsed on this thread are stored one after the other in chunks of this many ints
    /// (instead of one small array per tag, whose header and padding were a fifth of a tag's memory).</summary>
    private const int ChunkLength = 2048;

    /// <summary>Python's whitespace (<see cref="TemplateToken.IsPythonSpace"/>) and the two quotes.</summary>
    private static readonly System.Buffers.SearchValues<char> SpaceOrQuote = System.Buffers.SearchValues.Create(" \t\n\r\f\v\"'");

    [ThreadStatic]
    private static int[]? t_chunk;

    [ThreadStatic]
    private static int t_chunkUsed;

    /// <summary>Cached facts about the token this was parsed from (Jinja hint, argument problem).</summary>
    internal TokenFactsCache Cache;

    /// <summary>The string holding the token text (the source of a full parse) and the token's offset in it.</summary>
    private readonly string _source;
    private readonly int _tokenStart;

    /// <summary>Start and end (token-relative) of each bit, two ints per bit, from <see cref="_boundsStart"/> on
    /// (a shared chunk: written once, before this tag is published, and never changed).</summary>
    private readonly int[] _bounds;
    private readonly int _boundsStart;
    private readonly int _bitCount;

    private TagBit[]? _bits;

    private TagSyntax(string name, TagFlags flags, string source, int tokenStart, int[] bounds, int boundsStart, int bitCount)
    {
        Name = name;
        Flags = flags;
        _source = source;
        _tokenStart = tokenStart;
        _bounds = bounds;
        _boundsStart = boundsStart;
        _bitCount = bitCount;
    }

    /// <summary>The first bit (the tag name); empty for <c>{% %}</c>.</summary>
    public string Name { get; }

    /// <summary>What the name is among Django's built-in tags.</summary>
    internal TagFlags Flags { get; }

    /// <summary>Number of bits including the name.</summary>
    public int BitCount => _bitCount;

    /// <summary>All bits including the name.</summary>
    public IReadOnlyList<TagBit> Bits => _bits ?? MakeBits();

    /// <summary>Bits after the name.</summary>
    public IEnumerable<TagBit> Arguments => Bits.Skip(1);

    /// <summary>The text of bit <paramref name="index"/> without making a string.</summary>
    internal ReadOnlySpan<char> BitText(int index)
    {
        int start = _bounds[_boundsStart + index * 2];
        return _source.AsSpan(_tokenStart + start, _bounds[_boundsStart + index * 2 + 1] - start);
    }

    /// <summary>Token-relative start of bit <paramref name="index"/>.</summary>
    private int BitStart(int index) => _bounds[_boundsStart + index * 2];

    public bool HasBit(string text)
    {
        for (int i = 1; i < BitCount; i++)
        {
            if (BitText(i).SequenceEqual(text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The bit after <c>as</c> when the tag ends with <c>as name</c> (then it prints nothing).</summary>
    public string? AsVariable => BitCount >= 3 && BitText(BitCount - 2).SequenceEqual("as") ? Bits[^1].Text : null;

    /// <summary>Parses bit <paramref name="index"/> as a filter expression (spans relative to the token start).</summary>
    /// <remarks>Reads the bit straight from the token text: the walk parses the message of every {% trans %} and
    /// {% url %}, and making all <see cref="TagBit"/> objects of those tags just for that doubled their cost.</remarks>
    public FilterExpression ParseExpression(int index) =>
        _bits != null ? FilterExpression.Parse(_bits[index].Text, _bits[index].Span.Start) : FilterExpression.Parse(new string(BitText(index)), BitStart(index));

    private TagBit[] MakeBits()
    {
        var bits = new TagBit[BitCount];
        for (int i = 0; i < bits.Length; i++)
        {
            int start = BitStart(i), end = start + BitText(i).Length;
            var bit = _source.AsSpan(_tokenStart + start, end - start);
            string bitText = i == 0 ? Name : bit.Length <= 8 ? BuiltInTags.InternWord(bit) : new string(bit);
            bits[i] = new TagBit(bitText, new TextSpan(start, end - start));
        }

        // Racing threads make equal arrays; either may win.
        return _bits = bits;
    }

    /// <summary>Splits <paramref name="text"/>[<paramref name="from"/>..<paramref name="to"/>) (the stripped content
    /// of the token starting at <paramref name="tokenStart"/>); bit spans are relative to the token start.</summary>
    internal static TagSyntax Parse(string text, int tokenStart, int from, int to)
    {
        Span<int> bounds = stackalloc int[16];
        var span = text.AsSpan(0, to);
        int count = 0;
        int pos = from;
        while (pos < to)
        {
            while (pos < to && TemplateToken.IsPythonSpace(span[pos])) pos++;
            if (pos >= to)
            {
                break;
            }

            int start = pos;
            while (true)
            {
                // Jump to the next space or quote: a space ends the bit, a quoted string (with its spaces) belongs to it.
                int hit = span.Slice(pos).IndexOfAny(SpaceOrQuote);
                if (hit < 0)
                {
                    pos = to;
                    break;
                }

                pos += hit;
                char c = span[pos];
                if (c is not ('"' or '\''))
                {
                    break;
                }

                int close = pos + 1;
                while (close < to && span[close] != c)
                {
                    if (span[close] == '\\') close++;
                    close++;
                }

                // An unclosed quote is an ordinary character.
                pos = close < to ? close + 1 : pos + 1;
            }

            if (count * 2 + 2 > bounds.Length)
            {
                var grown = new int[bounds.Length * 2];
                bounds.CopyTo(grown);
                bounds = grown;
            }

            bounds[count * 2] = start - tokenStart;
            bounds[count * 2 + 1] = pos - tokenStart;
            count++;
        }

        if (count == 0)
        {
            return new TagSyntax(string.Empty, TagFlags.None, text, tokenStart, Array.Empty<int>(), 0, 0);
        }

        // The tag name is shared when it is a known one.
        var nameText = text.AsSpan(tokenStart + bounds[0], bounds[1] - bounds[0]);
        var builtIn = BuiltInTags.Find(nameText);
        if (builtIn != null && count == 1 && bounds[0] == SingleBitOffset)
        {
            // "{% endif %}", "{% else %}", "{% endblock %}", ...: one shared syntax per built-in name. Nothing in it
            // depends on the rest of the token: its one bit is at the same relative span, and the Jinja hint cannot
            // differ ("{%-" would put the bit elsewhere, and no built-in name ends in "-" to make "-%}").
            return builtIn.SingleBit ??= MakeSingleBit(builtIn);
        }

        var (name, flags) = builtIn != null ? (builtIn.Name, builtIn.Flags) : (BuiltInTags.InternWord(nameText), TagFlags.None);
        var (chunk, chunkStart) = Store(bounds.Slice(0, count * 2));
        return new TagSyntax(name, flags, text, tokenStart, chunk, chunkStart, count);
    }

    /// <summary>Where the single bit of <c>{% name %}</c> starts in its token.</summary>
    private const int SingleBitOffset = 3;

    private static TagSyntax MakeSingleBit(BuiltInTag tag) =>
        // Racing threads make equal syntaxes; either may win.
        new(tag.Name, tag.Flags, "{% " + tag.Name, 0, [SingleBitOffset, SingleBitOffset + tag.Name.Length], 0, 1);

    /// <summary>Copies <paramref name="bounds"/> into this thread's chunk (a new one when it is full; an own array when
    /// larger than a chunk).</summary>
    private static (int[] Chunk, int Start) Store(ReadOnlySpan<int> bounds)
    {
        if (bounds.Length > ChunkLength / 8)
        {
            return (bounds.ToArray(), 0);
        }

        var chunk = t_chunk;
        int used = t_chunkUsed;
        if (chunk == null || chunk.Length - used < bounds.Length)
        {
            t_chunk = chunk = new int[ChunkLength];
            used = 0;
        }

        bounds.CopyTo(chunk.AsSpan(used));
        t_chunkUsed = used + bounds.Length;
        return (chunk, used);
    }

    public override string ToString() => string.Join(" ", Bits.Select(b => b.Text));
}

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
public sealed class TagSyntax
{
    private TagSyntax(string name, IReadOnlyList<TagBit> bits)
    {
        Name = name;
        Bits = bits;
    }

    /// <summary>The first bit (the tag name); empty for <c>{% %}</c>.</summary>
    public string Name { get; }

    /// <summary>All bits including the name.</summary>
    public IReadOnlyList<TagBit> Bits { get; }

    /// <summary>Bits after the name.</summary>
    public IEnumerable<TagBit> Arguments => Bits.Skip(1);

    public bool HasBit(string text)
    {
        for (int i = 1; i < Bits.Count; i++)
        {
            if (Bits[i].Text == text)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The bit after <c>as</c> when the tag ends with <c>as name</c> (then it prints nothing).</summary>
    public string? AsVariable => Bits.Count >= 3 && Bits[^2].Text == "as" ? Bits[^1].Text : null;

    /// <summary>Parses bit <paramref name="index"/> as a filter expression (spans relative to the token start).</summary>
    public FilterExpression ParseExpression(int index) => FilterExpression.Parse(Bits[index].Text, Bits[index].Span.Start);

    /// <summary>Splits <paramref name="text"/>[<paramref name="from"/>..<paramref name="to"/>) (the stripped content
    /// inside the token text); bit spans are positions in <paramref name="text"/>, i.e. relative to the token start.</summary>
    internal static TagSyntax Parse(string text, int from, int to)
    {
        // Bit boundaries first (no list), then one exactly sized array; the tag name is shared when it is a known one.
        Span<int> bounds = stackalloc int[32];
        int count = 0;
        int pos = from;
        while (pos < to)
        {
            while (pos < to && TemplateToken.IsPythonSpace(text[pos])) pos++;
            if (pos >= to)
            {
                break;
            }

            int start = pos;
            while (pos < to && !TemplateToken.IsPythonSpace(text[pos]))
            {
                char c = text[pos];
                if (c is '"' or '\'')
                {
                    int close = pos + 1;
                    while (close < to && text[close] != c)
                    {
                        if (text[close] == '\\') close++;
                        close++;
                    }

                    if (close < to)
                    {
                        pos = close + 1;
                        continue;
                    }
                }

                pos++;
            }

            if (count * 2 + 2 > bounds.Length)
            {
                var grown = new int[bounds.Length * 2];
                bounds.CopyTo(grown);
                bounds = grown;
            }

            bounds[count * 2] = start;
            bounds[count * 2 + 1] = pos;
            count++;
        }

        if (count == 0)
        {
            return new TagSyntax(string.Empty, Array.Empty<TagBit>());
        }

        var bits = new TagBit[count];
        for (int i = 0; i < count; i++)
        {
            int start = bounds[i * 2], end = bounds[i * 2 + 1];
            var bit = text.AsSpan(start, end - start);
            string bitText = i == 0 || bit.Length <= 8 ? BuiltInTags.InternWord(bit) : new string(bit);
            bits[i] = new TagBit(bitText, new TextSpan(start, end - start));
        }

        return new TagSyntax(bits[0].Text, bits);
    }

    public override string ToString() => string.Join(" ", Bits.Select(b => b.Text));
}

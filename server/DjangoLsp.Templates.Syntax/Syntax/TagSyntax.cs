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

    public bool HasBit(string text) => Bits.Skip(1).Any(b => b.Text == text);

    /// <summary>The bit after <c>as</c> when the tag ends with <c>as name</c> (then it prints nothing).</summary>
    public string? AsVariable => Bits.Count >= 3 && Bits[^2].Text == "as" ? Bits[^1].Text : null;

    /// <summary>Parses bit <paramref name="index"/> as a filter expression (spans relative to the token start).</summary>
    public FilterExpression ParseExpression(int index) => FilterExpression.Parse(Bits[index].Text, Bits[index].Span.Start);

    internal static TagSyntax Parse(string content, int offset)
    {
        var bits = new List<TagBit>();
        int pos = 0;
        while (pos < content.Length)
        {
            while (pos < content.Length && TemplateToken.IsPythonSpace(content[pos])) pos++;
            if (pos >= content.Length)
            {
                break;
            }

            int start = pos;
            while (pos < content.Length && !TemplateToken.IsPythonSpace(content[pos]))
            {
                char c = content[pos];
                if (c is '"' or '\'')
                {
                    int close = pos + 1;
                    while (close < content.Length && content[close] != c)
                    {
                        if (content[close] == '\\') close++;
                        close++;
                    }

                    if (close < content.Length)
                    {
                        pos = close + 1;
                        continue;
                    }
                }

                pos++;
            }

            bits.Add(new TagBit(content.Substring(start, pos - start), new TextSpan(offset + start, pos - start)));
        }

        return new TagSyntax(bits.Count > 0 ? bits[0].Text : string.Empty, bits);
    }

    public override string ToString() => string.Join(" ", Bits.Select(b => b.Text));
}

using DjangoLsp.Protocol.Lsp;
using Microsoft.CodeAnalysis.Text;
using LspRange = DjangoLsp.Protocol.Lsp.Range;

namespace DjangoLsp.Server.Text;

/// <summary>
/// Converts between LSP positions (line + character in the negotiated encoding) and UTF-16 offsets into a
/// <see cref="SourceText"/>. Out-of-range positions are clamped (clients do send them) rather than rejected.
/// </summary>
public sealed class PositionEncoder
{
    public static readonly PositionEncoder Utf16 = new(PositionEncodingKind.Utf16);
    public static readonly PositionEncoder Utf8 = new(PositionEncodingKind.Utf8);

    private PositionEncoder(string kind) => Kind = kind;

    public string Kind { get; }

    public static PositionEncoder For(string kind) => kind == PositionEncodingKind.Utf8 ? Utf8 : Utf16;

    public int ToOffset(SourceText text, Position position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= text.Lines.Count) return text.Length;
        var line = text.Lines[position.Line];
        var character = Math.Max(0, position.Character);
        if (Kind == PositionEncodingKind.Utf16) return line.Start + Math.Min(character, line.End - line.Start);

        var offset = line.Start;
        var bytes = 0;
        while (offset < line.End)
        {
            var (units, width) = Utf8Width(text, offset, line.End);
            if (bytes + width > character) break;   // a position inside a multi-byte character snaps to its start
            bytes += width;
            offset += units;
        }
        return offset;
    }

    public Position ToPosition(SourceText text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var linePosition = text.Lines.GetLinePosition(offset);
        if (Kind == PositionEncodingKind.Utf16) return new Position(linePosition.Line, linePosition.Character);

        var line = text.Lines[linePosition.Line];
        var bytes = 0;
        var i = line.Start;
        while (i < offset)
        {
            var (units, width) = Utf8Width(text, i, line.End);
            bytes += width;
            i += units;
        }
        return new Position(linePosition.Line, bytes);
    }

    public TextSpan ToSpan(SourceText text, LspRange range)
    {
        var start = ToOffset(text, range.Start);
        var end = ToOffset(text, range.End);
        return end < start ? TextSpan.FromBounds(end, start) : TextSpan.FromBounds(start, end);
    }

    public LspRange ToRange(SourceText text, TextSpan span) => new(ToPosition(text, span.Start), ToPosition(text, span.End));

    /// <summary>UTF-16 units and UTF-8 bytes of the character at <paramref name="offset"/> (a lone surrogate counts as U+FFFD, 3 bytes).</summary>
    private static (int Units, int Bytes) Utf8Width(SourceText text, int offset, int end)
    {
        var c = text[offset];
        if (c < 0x80) return (1, 1);
        if (c < 0x800) return (1, 2);
        if (char.IsHighSurrogate(c) && offset + 1 < end && char.IsLowSurrogate(text[offset + 1])) return (2, 4);
        return (1, 3);
    }
}

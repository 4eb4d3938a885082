namespace DjangoLsp.Templates.Syntax;

/// <summary>
/// Django's lexer: <c>re.split(r"({%.*?%}|{{.*?}}|{#.*?#})")</c>. Tags never span a newline; inside
/// <c>{% verbatim %}</c> every token except the matching <c>{% endverbatim %}</c> is text.
/// The lexer is resumable (state = the verbatim end tag being waited for) so incremental reparse can restart it.
/// </summary>
internal static class TemplateLexer
{
    /// <summary>Receives the tokens of <see cref="Lex"/> (a struct, so the call per token is direct, not a delegate).</summary>
    public interface ISink
    {
        /// <summary>Takes <paramref name="token"/> at absolute <paramref name="start"/>, lexed in state
        /// <paramref name="state"/>; returning false stops the lexer (incremental resynchronisation).</summary>
        bool Emit(TemplateToken token, int start, string? state);
    }

    /// <summary>Lexes <paramref name="text"/> from <paramref name="start"/> into <paramref name="sink"/>. Tokens point
    /// into <paramref name="text"/> unless <paramref name="ownText"/> (incremental reparse: a reused token must not keep
    /// a whole old version of the document alive), when each gets its own string.</summary>
    public static void Lex<TSink>(string text, int start, string? verbatimEnd, bool ownText, ref TSink sink) where TSink : struct, ISink
    {
        int pos = start;
        int textStart = start;
        List<int>? unterminated = null;
        int length = text.Length;
        while (pos < length)
        {
            int brace = text.IndexOf('{', pos);
            if (brace < 0 || brace + 1 >= length)
            {
                break;
            }

            char second = text[brace + 1];
            char closer = second switch { '%' => '%', '{' => '}', '#' => '#', _ => '\0' };
            if (closer == '\0')
            {
                pos = brace + 1;
                continue;
            }

            int close = FindCloser(text, brace + 2, closer);
            if (close < 0)
            {
                if (verbatimEnd == null)
                {
                    (unterminated ??= new List<int>()).Add(brace - textStart);
                }

                pos = brace + 1;
                continue;
            }

            int end = close + 2;
            TemplateTokenKind kind = second switch { '%' => TemplateTokenKind.Tag, '{' => TemplateTokenKind.Variable, _ => TemplateTokenKind.Comment };
            string? nextVerbatim = verbatimEnd;
            bool inVerbatim = verbatimEnd != null;
            if (verbatimEnd != null)
            {
                if (kind == TemplateTokenKind.Tag && StrippedInner(text, brace, end).SequenceEqual(verbatimEnd))
                {
                    nextVerbatim = null;
                }
                else
                {
                    // Still raw: the tag-looking text is part of the verbatim text token.
                    pos = end;
                    continue;
                }
            }
            else if (kind == TemplateTokenKind.Tag)
            {
                var inner = StrippedInner(text, brace, end);
                if (inner.StartsWith("verbatim", StringComparison.Ordinal) && (inner.Length == 8 || inner[8] == ' '))
                {
                    nextVerbatim = string.Concat("end", inner);
                }
            }

            if (brace > textStart)
            {
                if (unterminated != null)
                {
                    // "{{% x %}": the first brace is plain text, not an unterminated opener.
                    int last = unterminated.Count;
                    while (last > 0 && textStart + unterminated[last - 1] + 2 > brace) last--;
                    unterminated.RemoveRange(last, unterminated.Count - last);
                }

                var textToken = MakeToken(TemplateTokenKind.Text, text, textStart, brace - textStart, inVerbatim,
                    unterminated is { Count: > 0 } ? unterminated.ToArray() : null, ownText);
                unterminated = null;
                if (!sink.Emit(textToken, textStart, verbatimEnd))
                {
                    return;
                }
            }

            var token = MakeToken(kind, text, brace, end - brace, inVerbatim && nextVerbatim != null, null, ownText);
            if (!sink.Emit(token, brace, verbatimEnd))
            {
                return;
            }

            verbatimEnd = nextVerbatim;
            pos = end;
            textStart = end;
        }

        if (textStart < length)
        {
            sink.Emit(MakeToken(TemplateTokenKind.Text, text, textStart, length - textStart, verbatimEnd != null, unterminated?.ToArray(), ownText), textStart, verbatimEnd);
        }
    }

    private static TemplateToken MakeToken(TemplateTokenKind kind, string text, int start, int width, bool inVerbatim, int[]? unterminated, bool ownText) =>
        ownText
            ? new TemplateToken(kind, text.Substring(start, width), 0, width, inVerbatim, unterminated)
            : new TemplateToken(kind, text, start, width, inVerbatim, unterminated);

    private static int FindCloser(string text, int from, char closer)
    {
        // Python's "." (no DOTALL) stops only at "\n": a tag never spans lines.
        var span = text.AsSpan();
        int i = from;
        while (i + 1 < span.Length)
        {
            int hit = span.Slice(i, span.Length - 1 - i).IndexOfAny(closer, '\n');
            if (hit < 0 || span[i + hit] == '\n')
            {
                return -1;
            }

            i += hit;
            if (span[i + 1] == '}')
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    /// <summary>The inside of the token text[start..end) without its delimiters and surrounding whitespace.</summary>
    private static ReadOnlySpan<char> StrippedInner(string text, int start, int end)
    {
        start += 2;
        end -= 2;
        while (start < end && TemplateToken.IsPythonSpace(text[start])) start++;
        while (end > start && TemplateToken.IsPythonSpace(text[end - 1])) end--;
        return text.AsSpan(start, end - start);
    }
}

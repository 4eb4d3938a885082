namespace DjangoLsp.Templates.Syntax;

/// <summary>
/// Django's lexer: <c>re.split(r"({%.*?%}|{{.*?}}|{#.*?#})")</c>. Tags never span a newline; inside
/// <c>{% verbatim %}</c> every token except the matching <c>{% endverbatim %}</c> is text.
/// The lexer is resumable (state = the verbatim end tag being waited for) so incremental reparse can restart it.
/// </summary>
internal static class TemplateLexer
{
    /// <summary>Lexes <paramref name="text"/> from <paramref name="start"/>. Calls <paramref name="emit"/> per token;
    /// if it returns false the lexer stops (used for incremental resynchronisation).</summary>
    public static void Lex(string text, int start, string? verbatimEnd, Func<TemplateToken, int, string?, bool> emit)
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
            string tokenText = text.Substring(brace, end - brace);
            TemplateTokenKind kind = second switch { '%' => TemplateTokenKind.Tag, '{' => TemplateTokenKind.Variable, _ => TemplateTokenKind.Comment };
            string? nextVerbatim = verbatimEnd;
            bool inVerbatim = verbatimEnd != null;
            if (verbatimEnd != null)
            {
                if (kind == TemplateTokenKind.Tag && StrippedInner(tokenText) == verbatimEnd)
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
                string inner = StrippedInner(tokenText);
                if (inner == "verbatim" || inner.StartsWith("verbatim ", StringComparison.Ordinal))
                {
                    nextVerbatim = "end" + inner;
                }
            }

            if (brace > textStart)
            {
                // "{{% x %}": the first brace is plain text, not an unterminated opener.
                unterminated?.RemoveAll(offset => textStart + offset + 2 > brace);
                var textToken = new TemplateToken(TemplateTokenKind.Text, text.Substring(textStart, brace - textStart), inVerbatim,
                    unterminated is { Count: > 0 } ? unterminated.ToArray() : null);
                unterminated = null;
                if (!emit(textToken, textStart, verbatimEnd))
                {
                    return;
                }
            }

            var token = new TemplateToken(kind, tokenText, inVerbatim && nextVerbatim != null, null);
            if (!emit(token, brace, verbatimEnd))
            {
                return;
            }

            verbatimEnd = nextVerbatim;
            pos = end;
            textStart = end;
        }

        if (textStart < length)
        {
            emit(new TemplateToken(TemplateTokenKind.Text, text.Substring(textStart), verbatimEnd != null, unterminated?.ToArray()), textStart, verbatimEnd);
        }
    }

    private static int FindCloser(string text, int from, char closer)
    {
        for (int i = from; i + 1 < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                // Python's "." (no DOTALL) stops only at "\n": a tag never spans lines.
                return -1;
            }

            if (c == closer && text[i + 1] == '}')
            {
                return i;
            }
        }

        return -1;
    }

    private static string StrippedInner(string tokenText)
    {
        int start = 2, end = tokenText.Length - 2;
        while (start < end && TemplateToken.IsPythonSpace(tokenText[start])) start++;
        while (end > start && TemplateToken.IsPythonSpace(tokenText[end - 1])) end--;
        return tokenText.Substring(start, end - start);
    }
}

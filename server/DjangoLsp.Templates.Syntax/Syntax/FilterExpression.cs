using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Templates.Syntax;

/// <summary>
/// Django's filter expression grammar (<c>django.template.base.FilterExpression</c>):
/// <code>
/// expr     := (constant | var) ( \s* '|' \s* name (':' (constant | var))? )*
/// constant := _("...") | _('...') | "..." | '...'
/// var      := [\w.]+ | [-+.]?\d[\d.e]*
/// </code>
/// Immutable; spans are relative to the start of the token the expression came from, so the parsed
/// expression can be reused when the token moves during an incremental reparse.
/// </summary>
public sealed class FilterExpression
{
    /// <summary>Cached facts about the token this was parsed from (Jinja hint, argument problem).</summary>
    internal TokenFactsCache Cache;

    private FilterExpression(string text, TemplateValue? value, IReadOnlyList<FilterCall> filters, IReadOnlyList<TemplateDiagnostic> errors)
    {
        Text = text;
        Value = value;
        Filters = filters;
        Errors = errors;
    }

    /// <summary>The expression source text.</summary>
    public string Text { get; }

    /// <summary>The value being filtered; null only when the expression is broken at its start.</summary>
    public TemplateValue? Value { get; }

    public IReadOnlyList<FilterCall> Filters { get; }

    /// <summary>Parse errors, spans relative to the token start.</summary>
    public IReadOnlyList<TemplateDiagnostic> Errors { get; }

    /// <summary>Parses <paramref name="text"/>, which starts at <paramref name="offset"/> within its token.</summary>
    public static FilterExpression Parse(string text, int offset = 0)
    {
        // Filters go to a buffer on the stack and then into one exactly sized array (not a list plus its array).
        var buffer = new FilterBuffer();
        int filterCount = 0;
        List<FilterCall>? overflow = null;
        List<TemplateDiagnostic>? errors = null;
        int pos = 0;
        TemplateValue? value = ParseValue(text, ref pos, offset);
        if (value == null)
        {
            errors = new List<TemplateDiagnostic>
            {
                new(new TextSpan(offset, text.Length), TemplateDiagnosticCodes.InvalidFilterExpression,
                    text.Length == 0 ? "Empty variable tag" : $"Could not find variable at start of '{text}'"),
            };
            return new FilterExpression(text, null, Array.Empty<FilterCall>(), errors);
        }

        if (value.Kind == TemplateValueKind.Variable && (value.Text.StartsWith('_') || value.Text.Contains("._", StringComparison.Ordinal)))
        {
            (errors ??= new()).Add(new(new TextSpan(value.Span.Start, value.Span.Length), TemplateDiagnosticCodes.InvalidFilterExpression,
                $"Variables and attributes may not begin with underscores: '{value.Text}'"));
        }

        while (pos < text.Length)
        {
            int start = pos;
            int p = pos;
            while (p < text.Length && TemplateToken.IsPythonSpace(text[p])) p++;
            if (p >= text.Length || text[p] != '|')
            {
                break;
            }

            p++;
            while (p < text.Length && TemplateToken.IsPythonSpace(text[p])) p++;
            int nameStart = p;
            p = SkipWord(text, p, AsciiWord);
            if (p == nameStart)
            {
                break;
            }

            // Built-in filter names are shared strings (no allocation per use).
            string name = FilterCatalog.Name(text.AsSpan(nameStart, p - nameStart));
            TemplateValue? argument = null;
            if (p < text.Length && text[p] == ':')
            {
                int argPos = p + 1;
                argument = ParseValue(text, ref argPos, offset);
                if (argument != null)
                {
                    p = argPos;
                }
            }

            var call = new FilterCall(name, new TextSpan(offset + nameStart, name.Length), argument, new TextSpan(offset + start, p - start));
            if (filterCount < FilterBuffer.Length)
            {
                buffer[filterCount] = call;
            }
            else
            {
                (overflow ??= new List<FilterCall>(((ReadOnlySpan<FilterCall>)buffer).ToArray())).Add(call);
            }

            filterCount++;
            pos = p;
        }

        if (pos < text.Length)
        {
            (errors ??= new()).Add(new(new TextSpan(offset + pos, text.Length - pos), TemplateDiagnosticCodes.InvalidFilterExpression,
                $"Could not parse the remainder: '{text.Substring(pos)}' from '{text}'"));
        }

        var filters = filterCount == 0 ? Array.Empty<FilterCall>() : overflow?.ToArray() ?? ((ReadOnlySpan<FilterCall>)buffer).Slice(0, filterCount).ToArray();
        return new FilterExpression(text, value, filters, (IReadOnlyList<TemplateDiagnostic>?)errors ?? Array.Empty<TemplateDiagnostic>());
    }

    [System.Runtime.CompilerServices.InlineArray(Length)]
    private struct FilterBuffer
    {
        public const int Length = 8;

        private FilterCall _first;
    }

    private static TemplateValue? ParseValue(string text, ref int pos, int offset)
    {
        int start = pos;
        if (start >= text.Length)
        {
            return null;
        }

        char c = text[start];
        if (c == '_' && start + 1 < text.Length && text[start + 1] == '(' && start + 2 < text.Length && text[start + 2] is '"' or '\'')
        {
            int end = ScanString(text, start + 2);
            if (end > 0 && end < text.Length && text[end] == ')')
            {
                pos = end + 1;
                return new TemplateValue(TemplateValueKind.TranslatedString, text.Substring(start, pos - start), new TextSpan(offset + start, pos - start));
            }
        }

        if (c is '"' or '\'')
        {
            int end = ScanString(text, start);
            if (end < 0)
            {
                return null;
            }

            pos = end;
            return new TemplateValue(TemplateValueKind.StringLiteral, Slice(text, start, end), new TextSpan(offset + start, end - start));
        }

        // Django tries [\w.]+ first, then the number pattern (which also allows a leading sign).
        int p = start;
        p = SkipWord(text, p, AsciiWordOrDot);
        if (p == start && c is '-' or '+' or '.' && start + 1 < text.Length)
        {
            p = start + 1;
            if (c != '.' && p < text.Length && text[p] == '.') p++;
            if (p < text.Length && char.IsAsciiDigit(text[p]))
            {
                while (p < text.Length && (char.IsAsciiDigit(text[p]) || text[p] is '.' or 'e')) p++;
            }
            else
            {
                p = start;
            }
        }

        if (p == start)
        {
            return null;
        }

        pos = p;
        string word = Slice(text, start, p);
        var kind = IsNumber(word) ? TemplateValueKind.Number : TemplateValueKind.Variable;
        return new TemplateValue(kind, word, new TextSpan(offset + start, p - start));
    }

    /// <summary>text[start..end), the expression's own string when the value is all of it (<c>{{ name }}</c>, the usual case).</summary>
    private static string Slice(string text, int start, int end) => start == 0 && end == text.Length ? text : text.Substring(start, end - start);

    /// <summary>Returns the index just past the closing quote, or -1.</summary>
    private static int ScanString(string text, int quotePos)
    {
        char quote = text[quotePos];
        for (int i = quotePos + 1; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (c == quote)
            {
                return i + 1;
            }
        }

        return -1;
    }

    private static bool IsNumber(string word)
    {
        // Django's Variable: float(var) succeeds → number literal.
        int i = 0;
        if (i < word.Length && word[i] is '-' or '+') i++;
        bool digits = false;
        for (; i < word.Length; i++)
        {
            char c = word[i];
            if (char.IsAsciiDigit(c))
            {
                digits = true;
            }
            else if (c is not ('.' or 'e' or 'E' or '-' or '+'))
            {
                return false;
            }
        }

        return digits && double.TryParse(word, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
    }

    internal static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private const string AsciiWordChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    private static readonly System.Buffers.SearchValues<char> AsciiWord = System.Buffers.SearchValues.Create(AsciiWordChars);
    private static readonly System.Buffers.SearchValues<char> AsciiWordOrDot = System.Buffers.SearchValues.Create(AsciiWordChars + ".");

    /// <summary>The index after the run of <see cref="IsWordChar"/> characters (and dots, with <see cref="AsciiWordOrDot"/>)
    /// from <paramref name="p"/>: ASCII runs with a vectorised search, other letters and digits one by one.</summary>
    private static int SkipWord(string text, int p, System.Buffers.SearchValues<char> ascii)
    {
        while (true)
        {
            int other = text.AsSpan(p).IndexOfAnyExcept(ascii);
            if (other < 0)
            {
                return text.Length;
            }

            p += other;
            if (text[p] <= '\u007f' || !char.IsLetterOrDigit(text[p]))
            {
                return p;
            }

            p++;
        }
    }

    public override string ToString() => Text;
}

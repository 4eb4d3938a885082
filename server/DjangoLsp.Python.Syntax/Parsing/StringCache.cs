namespace DjangoLsp.Python.Syntax.Parsing;

/// <summary>Interns short token texts (identifiers, numbers, prefixes) so repeated names share one string.</summary>
internal sealed class StringCache
{
    [ThreadStatic]
    private static StringCache? t_shared;

    /// <summary>
    /// One cache per thread, kept across parses: allocating and zeroing a fresh table for every file cost
    /// more than the interning saved on small files, and names repeat across files (self, return, ...).
    /// Strings are immutable, so sharing them between trees is safe.
    /// </summary>
    public static StringCache ForCurrentThread => t_shared ??= new StringCache();

    private const int Size = 4096;
    private const int MaxLength = 40;
    private readonly Entry[] _entries = new Entry[Size];

    /// <summary>An interned text with its keyword kind (None for names and numbers), so keywords are classified once per text, not once per token.</summary>
    private struct Entry
    {
        public string? Text;
        public SyntaxKind Keyword;
    }

    public string Get(string text, int start, int length) => Get(text, start, length, out _);

    public string Get(string text, int start, int length, out SyntaxKind keyword)
    {
        if (length > MaxLength)
        {
            var longText = text.Substring(start, length);
            keyword = SyntaxKind.None;
            return longText;
        }
        var span = text.AsSpan(start, length);
        int hash = length;
        foreach (char c in span) hash = (hash * 31) ^ c;
        ref var entry = ref _entries[hash & (Size - 1)];
        var existing = entry.Text;
        if (existing is not null && span.SequenceEqual(existing))
        {
            keyword = entry.Keyword;
            return existing;
        }
        var s = span.ToString();
        keyword = Lexer.KeywordKind(s);
        entry.Text = s;
        entry.Keyword = keyword;
        return s;
    }
}

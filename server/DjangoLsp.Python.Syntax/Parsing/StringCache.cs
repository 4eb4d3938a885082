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
    private readonly string?[] _entries = new string?[Size];

    public string Get(string text, int start, int length)
    {
        if (length > MaxLength) return text.Substring(start, length);
        var span = text.AsSpan(start, length);
        int hash = length;
        foreach (char c in span) hash = (hash * 31) ^ c;
        int index = hash & (Size - 1);
        var existing = _entries[index];
        if (existing is not null && span.SequenceEqual(existing)) return existing;
        var s = span.ToString();
        _entries[index] = s;
        return s;
    }
}

namespace DjangoLsp.Python.Syntax.Parsing;

/// <summary>Interns short token texts (identifiers, numbers, prefixes) so repeated names share one string.</summary>
internal sealed class StringCache
{
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

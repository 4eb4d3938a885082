using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax.Parsing;

/// <summary>
/// Shares identical green tokens (same kind, text and shared trivia arrays, no diagnostics): operators,
/// keywords and repeated names followed by a space. Green tokens carry no position, so sharing is safe and
/// saves both allocation time and memory. Each entry can also hold the one-token expression node that wraps
/// its token (a name such as <c>self</c>, a number, <c>None</c>), shared in the same way.
/// </summary>
internal sealed class TokenCache
{
    [ThreadStatic]
    private static TokenCache? t_shared;

    /// <summary>One cache per thread, kept across parses (green tokens are immutable and position-free, so trees may share them).</summary>
    public static TokenCache ForCurrentThread => t_shared ??= new TokenCache();

    private const int Size = 4096;
    private readonly GreenToken?[] _entries = new GreenToken?[Size];

    /// <summary>The expression node wrapping <c>_entries[i]</c> (null until first asked for; cleared when the entry is replaced).</summary>
    private readonly GreenNode?[] _wrappers = new GreenNode?[Size];

    public GreenToken Get(SyntaxKind kind, string text, GreenTrivia[] leading, GreenTrivia[] trailing)
    {
        // Only tokens whose trivia arrays are shared singletons (none, or one cached whitespace or line end) are
        // cacheable; that includes the first token of a line whose only leading trivia is its indentation.
        if (leading.Length > 1 || trailing.Length > 1 || text.Length > 32)
        {
            return new GreenToken(kind, text, leading, trailing);
        }
        int index = Index(kind, text, leading, trailing);
        var existing = _entries[index];
        if (existing is not null && existing.Kind == kind && ReferenceEquals(existing.TrailingTrivia, trailing)
            && ReferenceEquals(existing.LeadingTrivia, leading) && existing.Text == text)
        {
            return existing;
        }
        var token = new GreenToken(kind, text, leading, trailing);
        if ((trailing.Length == 0 || IsSharedArray(trailing)) && (leading.Length == 0 || IsSharedArray(leading)))
        {
            _entries[index] = token;
            _wrappers[index] = null;
        }
        return token;
    }

    /// <summary>
    /// A node of <paramref name="kind"/> whose only child is <paramref name="token"/>: shared when the token is the
    /// cached one (so every <c>self</c> with the same trivia is one green node), otherwise new.
    /// </summary>
    public GreenNode Wrap(SyntaxKind kind, GreenToken token)
    {
        var leading = token.LeadingTrivia;
        var trailing = token.TrailingTrivia;
        if (leading.Length > 1 || trailing.Length > 1 || token.Text.Length > 32)
        {
            return GreenInternalNode.Create(kind, [token]);
        }
        int index = Index(token.Kind, token.Text, leading, trailing);
        if (!ReferenceEquals(_entries[index], token))
        {
            return GreenInternalNode.Create(kind, [token]);
        }
        var wrapper = _wrappers[index];
        if (wrapper is null || wrapper.Kind != kind)
        {
            wrapper = GreenInternalNode.Create(kind, [token]);
            _wrappers[index] = wrapper;
        }
        return wrapper;
    }

    private static int Index(SyntaxKind kind, string text, GreenTrivia[] leading, GreenTrivia[] trailing)
    {
        // A cheap hash (length, kind, three characters, trivia widths) instead of string.GetHashCode, which hashes
        // every character with Marvin on every token; a collision only costs a cache miss (the entry is compared).
        int hash = text.Length == 0
            ? (int)kind * 397
            : ((int)kind * 397) ^ (text.Length * 31) ^ (text[0] << 5) ^ (text[^1] << 11) ^ (text[text.Length >> 1] << 17);
        if (trailing.Length != 0) hash ^= trailing[0].FullWidth * 7919;
        if (leading.Length != 0) hash ^= leading[0].FullWidth * 104729;
        hash ^= hash >> 11;
        return hash & (Size - 1);
    }

    private static bool IsSharedArray(GreenTrivia[] trailing) => TriviaCache.IsSharedSingle(trailing);
}

using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax.Parsing;

/// <summary>
/// Shares identical green tokens (same kind, text and shared trivia arrays, no diagnostics): operators,
/// keywords and repeated names followed by a space. Green tokens carry no position, so sharing is safe and
/// saves both allocation time and memory.
/// </summary>
internal sealed class TokenCache
{
    [ThreadStatic]
    private static TokenCache? t_shared;

    /// <summary>One cache per thread, kept across parses (green tokens are immutable and position-free, so trees may share them).</summary>
    public static TokenCache ForCurrentThread => t_shared ??= new TokenCache();

    private const int Size = 2048;
    private readonly GreenToken?[] _entries = new GreenToken?[Size];

    public GreenToken Get(SyntaxKind kind, string text, GreenTrivia[] leading, GreenTrivia[] trailing)
    {
        // Only tokens whose trivia arrays are shared singletons (none, or one cached whitespace) are cacheable.
        if (leading.Length != 0 || trailing.Length > 1 || text.Length > 32)
        {
            return new GreenToken(kind, text, leading, trailing);
        }
        int hash = text.GetHashCode() ^ ((int)kind * 397) ^ (trailing.Length == 0 ? 0 : trailing[0].FullWidth * 7919);
        int index = hash & (Size - 1);
        var existing = _entries[index];
        if (existing is not null && existing.Kind == kind && ReferenceEquals(existing.TrailingTrivia, trailing) && existing.Text == text)
        {
            return existing;
        }
        var token = new GreenToken(kind, text, leading, trailing);
        if (trailing.Length == 0 || IsSharedArray(trailing)) _entries[index] = token;
        return token;
    }

    private static bool IsSharedArray(GreenTrivia[] trailing) => TriviaCache.IsSharedSingle(trailing);
}

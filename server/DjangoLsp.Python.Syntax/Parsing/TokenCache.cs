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

    private const int SizeBits = 12;
    private const int Size = 1 << SizeBits;
    private readonly GreenToken?[] _entries = new GreenToken?[Size];

    private const SyntaxKind FirstOperator = SyntaxKind.OpenParenToken;
    private const SyntaxKind LastOperator = SyntaxKind.LessThanGreaterThanToken;

    /// <summary>Operator tokens without leading trivia, by kind and trailing trivia (none, one space); immutable, so shared by all threads.</summary>
    private static readonly GreenToken?[] s_operators = new GreenToken?[2 * (LastOperator - FirstOperator + 1)];

    // The shared operator table and one-space array, read for every operator token, held in instance fields: in
    // ReadyToRun code each read of a static field is a call to a static-base helper stub.
    private readonly GreenToken?[] _operators = s_operators;
    private readonly GreenTrivia[] _oneSpace = TriviaCache.SpaceArrays[1];

    /// <summary>The expression node wrapping <c>_entries[i]</c> (null until first asked for; cleared when the entry is replaced).</summary>
    private readonly GreenNode?[] _wrappers = new GreenNode?[Size];

    public GreenToken Get(SyntaxKind kind, string text, GreenTrivia[] leading, GreenTrivia[] trailing)
    {
        // Only tokens whose trivia arrays are shared (none, one cached whitespace or line end, or a line end and
        // indentation) are cacheable; that includes the first token of a line whose leading trivia is its indentation.
        if (!MayBeCached(text.Length, leading, trailing))
        {
            return new GreenToken(kind, text, leading, trailing);
        }
        if (kind >= FirstOperator && kind <= LastOperator && leading.Length == 0)
        {
            // Operators and delimiters mostly have no leading trivia and at most one trailing space: one token per
            // kind and shape for the whole process, found without hashing.
            int shape = trailing.Length == 0 ? 0 : ReferenceEquals(trailing, _oneSpace) ? 1 : -1;
            if (shape >= 0)
            {
                ref var fixedToken = ref _operators[2 * (kind - FirstOperator) + shape];
                return fixedToken ??= new GreenToken(kind, text, leading, trailing);
            }
        }
        int index = Index(text, leading, trailing);
        var existing = _entries[index];
        if (existing is not null && existing.Kind == kind && ReferenceEquals(existing.TrailingTrivia, trailing)
            && ReferenceEquals(existing.LeadingTrivia, leading) && existing.Text == text)
        {
            return existing;
        }
        return Store(index, new GreenToken(kind, text, leading, trailing));
    }

    /// <summary>
    /// The name or keyword token for <c>source[start..start+length]</c>. A cache hit is found from the source
    /// characters alone, so repeated names cost neither an interning lookup nor a keyword classification; only a
    /// miss asks <paramref name="strings"/> for the shared text and kind.
    /// </summary>
    public GreenToken GetWord(string source, int start, int length, GreenTrivia[] leading, GreenTrivia[] trailing, StringCache strings)
    {
        if (!MayBeCached(length, leading, trailing))
        {
            return NewWord(source, start, length, leading, trailing, strings);
        }
        var span = source.AsSpan(start, length);
        int index = Index(span, leading, trailing);
        var existing = _entries[index];
        if (existing is not null && ReferenceEquals(existing.TrailingTrivia, trailing) && ReferenceEquals(existing.LeadingTrivia, leading)
            && IsWord(existing.Kind) && span.SequenceEqual(existing.Text))
        {
            return existing;
        }
        return Store(index, NewWord(source, start, length, leading, trailing, strings));
    }

    private static GreenToken NewWord(string source, int start, int length, GreenTrivia[] leading, GreenTrivia[] trailing, StringCache strings)
    {
        var text = strings.Get(source, start, length, out var keyword);
        return new GreenToken(keyword == SyntaxKind.None ? SyntaxKind.IdentifierToken : keyword, text, leading, trailing);
    }

    /// <summary>Names and keywords (f-string middles and other tokens may have the same text but are never words).</summary>
    private static bool IsWord(SyntaxKind kind) => kind == SyntaxKind.IdentifierToken || (kind >= SyntaxKind.FalseKeyword && kind <= SyntaxKind.YieldKeyword);

    private static bool MayBeCached(int length, GreenTrivia[] leading, GreenTrivia[] trailing) => leading.Length <= 2 && trailing.Length <= 1 && length <= 32;

    private GreenToken Store(int index, GreenToken token)
    {
        if ((token.TrailingTrivia.Length == 0 || TriviaCache.IsShared(token.TrailingTrivia)) && (token.LeadingTrivia.Length == 0 || TriviaCache.IsShared(token.LeadingTrivia)))
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
        if (!MayBeCached(token.Text.Length, leading, trailing))
        {
            return GreenInternalNode.Create(kind, token);
        }
        int index = Index(token.Text, leading, trailing);
        if (!ReferenceEquals(_entries[index], token))
        {
            return GreenInternalNode.Create(kind, token);
        }
        var wrapper = _wrappers[index];
        if (wrapper is null || wrapper.Kind != kind)
        {
            wrapper = GreenInternalNode.Create(kind, token);
            _wrappers[index] = wrapper;
        }
        return wrapper;
    }

    /// <summary>
    /// The node stored for <paramref name="token"/> by <see cref="SetWrapper"/> if the token is the cached one and the
    /// node is of <paramref name="kind"/>; otherwise null.
    /// </summary>
    public GreenNode? GetWrapper(SyntaxKind kind, GreenToken token)
    {
        if (!MayBeCached(token.Text.Length, token.LeadingTrivia, token.TrailingTrivia)) return null;
        int index = Index(token.Text, token.LeadingTrivia, token.TrailingTrivia);
        if (!ReferenceEquals(_entries[index], token)) return null;
        var wrapper = _wrappers[index];
        if (wrapper is null || wrapper.Kind != kind) return null;
        return wrapper;
    }

    /// <summary>Remembers <paramref name="wrapper"/> (a node made of <paramref name="token"/> alone) if the token is the cached one.</summary>
    public void SetWrapper(GreenToken token, GreenNode wrapper)
    {
        if (!MayBeCached(token.Text.Length, token.LeadingTrivia, token.TrailingTrivia)) return;
        int index = Index(token.Text, token.LeadingTrivia, token.TrailingTrivia);
        if (ReferenceEquals(_entries[index], token)) _wrappers[index] = wrapper;
    }

    private static int Index(ReadOnlySpan<char> text, GreenTrivia[] leading, GreenTrivia[] trailing)
    {
        // A cheap hash (length, four characters, trivia widths) instead of string.GetHashCode, which hashes every
        // character with Marvin on every token; a collision only costs a cache miss (the entry is compared). The kind
        // is left out so that a name can be looked up before its kind is known; the text almost always decides it.
        int n = text.Length;
        uint hash = (uint)n * 0x9E3779B1u;
        if (n != 0) hash ^= (uint)(text[0] | (text[n - 1] << 8) | (text[n >> 1] << 16) | (text[(n - 1) >> 2] << 24));
        if (trailing.Length != 0) hash += (uint)trailing[0].FullWidth * 7919u;
        if (leading.Length != 0) hash += (uint)(leading[^1].FullWidth + leading.Length) * 104729u;
        hash *= 0x85EBCA6Bu;
        return (int)(hash >> (32 - SizeBits));
    }
}

using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax.Parsing;

/// <summary>Shares the green trivia and single-trivia arrays that occur over and over (spaces, line ends).</summary>
internal static class TriviaCache
{
    private const int MaxSpaces = 32;
    private static readonly GreenTrivia[] s_spaces = new GreenTrivia[MaxSpaces + 1];
    private static readonly GreenTrivia[][] s_spaceArrays = new GreenTrivia[MaxSpaces + 1][];
    public static readonly GreenTrivia LineFeed = new(SyntaxKind.EndOfLineTrivia, "\n");
    public static readonly GreenTrivia CrLf = new(SyntaxKind.EndOfLineTrivia, "\r\n");
    public static readonly GreenTrivia[] LineFeedArray = [LineFeed];

    static TriviaCache()
    {
        for (int i = 1; i <= MaxSpaces; i++)
        {
            s_spaces[i] = new GreenTrivia(SyntaxKind.WhitespaceTrivia, new string(' ', i));
            s_spaceArrays[i] = [s_spaces[i]];
        }
    }

    public static GreenTrivia Whitespace(string text, int start, int length)
    {
        if (length <= MaxSpaces && IsSpaces(text, start, length)) return s_spaces[length];
        return new GreenTrivia(SyntaxKind.WhitespaceTrivia, text.Substring(start, length));
    }

    public static GreenTrivia EndOfLine(string text, int start, int length)
    {
        if (length == 1 && text[start] == '\n') return LineFeed;
        if (length == 2) return CrLf;
        return new GreenTrivia(SyntaxKind.EndOfLineTrivia, text.Substring(start, length));
    }

    /// <summary>An immutable array for the given trivia, shared when it is a single cached element.</summary>
    public static GreenTrivia[] ToArray(List<GreenTrivia> list)
    {
        if (list.Count == 0) return GreenToken.NoTrivia;
        if (list.Count == 1)
        {
            var t = list[0];
            if (ReferenceEquals(t, LineFeed)) return LineFeedArray;
            if (t.Kind == SyntaxKind.WhitespaceTrivia && t.Text.Length <= MaxSpaces && ReferenceEquals(s_spaces[t.Text.Length], t))
            {
                return s_spaceArrays[t.Text.Length];
            }
        }
        return list.ToArray();
    }

    /// <summary>True if the array is one of the shared single-trivia arrays.</summary>
    public static bool IsSharedSingle(GreenTrivia[] trivia)
    {
        if (trivia.Length != 1) return false;
        if (ReferenceEquals(trivia, LineFeedArray)) return true;
        var t = trivia[0];
        return t.Kind == SyntaxKind.WhitespaceTrivia && t.Text.Length <= MaxSpaces && ReferenceEquals(s_spaceArrays[t.Text.Length], trivia);
    }

    private static bool IsSpaces(string text, int start, int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (text[start + i] != ' ') return false;
        }
        return true;
    }
}

using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax.Parsing;

/// <summary>Shares the green trivia and single-trivia arrays that occur over and over (spaces, line ends).</summary>
internal static class TriviaCache
{
    public const int MaxSpaces = 32;
    // Initialised by field initialisers, not a static constructor: without one the class is beforefieldinit, so
    // ReadyToRun code that reads these fields needs no class-initialisation check per access.
    public static readonly GreenTrivia LineFeed = new(SyntaxKind.EndOfLineTrivia, "\n");
    public static readonly GreenTrivia CrLf = new(SyntaxKind.EndOfLineTrivia, "\r\n");
    public static readonly GreenTrivia[] LineFeedArray = [LineFeed];
    private static readonly GreenTrivia[] s_spaces = CreateSpaces();
    private static readonly GreenTrivia[][] s_spaceArrays = CreateArrays(null);

    /// <summary>A blank line followed by the next line's indentation: the leading trivia of most statements after a blank line.</summary>
    private static readonly GreenTrivia[][] s_lineFeedSpaceArrays = CreateArrays(LineFeed);

    private static GreenTrivia[] CreateSpaces()
    {
        var spaces = new GreenTrivia[MaxSpaces + 1];
        for (int i = 1; i <= MaxSpaces; i++) spaces[i] = new GreenTrivia(SyntaxKind.WhitespaceTrivia, new string(' ', i));
        return spaces;
    }

    private static GreenTrivia[][] CreateArrays(GreenTrivia? lineEnd)
    {
        var arrays = new GreenTrivia[MaxSpaces + 1][];
        for (int i = 1; i <= MaxSpaces; i++) arrays[i] = lineEnd is null ? [s_spaces[i]] : [lineEnd, s_spaces[i]];
        return arrays;
    }

    /// <summary>
    /// The shared one-element space arrays by length (index 1 to <see cref="MaxSpaces"/>). The lexer keeps this array in
    /// an instance field: in ReadyToRun code every read of another class's static field is a call to a helper stub.
    /// </summary>
    public static GreenTrivia[][] SpaceArrays => s_spaceArrays;

    /// <summary>The shared one-element array holding <paramref name="count"/> spaces (1 to <see cref="MaxSpaces"/>).</summary>
    public static GreenTrivia[] SpacesArray(int count) => s_spaceArrays[count];

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
    public static GreenTrivia[] ToArray(LocalList<GreenTrivia> list)
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
        else if (list.Count == 2 && ReferenceEquals(list[0], LineFeed))
        {
            var t = list[1];
            if (t.Kind == SyntaxKind.WhitespaceTrivia && t.Text.Length <= MaxSpaces && ReferenceEquals(s_spaces[t.Text.Length], t))
            {
                return s_lineFeedSpaceArrays[t.Text.Length];
            }
        }
        return list.ToArray();
    }

    /// <summary>True if the array is one of the shared arrays (one space run or line end, or a line end and a space run).</summary>
    public static bool IsShared(GreenTrivia[] trivia)
    {
        if (trivia.Length == 1)
        {
            if (ReferenceEquals(trivia, LineFeedArray)) return true;
            var t = trivia[0];
            return t.Kind == SyntaxKind.WhitespaceTrivia && t.Text.Length <= MaxSpaces && ReferenceEquals(s_spaceArrays[t.Text.Length], trivia);
        }
        if (trivia.Length == 2)
        {
            var t = trivia[1];
            return t.Kind == SyntaxKind.WhitespaceTrivia && t.Text.Length <= MaxSpaces && ReferenceEquals(s_lineFeedSpaceArrays[t.Text.Length], trivia);
        }
        return false;
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

using DjangoLsp.Python.Syntax.Green;
using DjangoLsp.Python.Syntax.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Python.Syntax;

/// <summary>
/// A parsed Python file: an immutable, lossless syntax tree (<see cref="Root"/>) plus its diagnostics.
/// Parse with <see cref="Parse(string, string?)"/>; after edits use <see cref="WithChanges(SourceText, IReadOnlyList{TextChange})"/>
/// which reuses unchanged statements. Never throws on bad input.
/// </summary>
public sealed class PythonSyntaxTree
{
    private readonly GreenNode _green;
    private readonly string _text;
    private ModuleSyntax? _root;
    private IReadOnlyList<SyntaxDiagnostic>? _diagnostics;

    private readonly StatementIndentTable _statementIndents;

    private PythonSyntaxTree(SourceText text, string textString, GreenNode green, StatementIndentTable statementIndents, string? path, int reused)
    {
        _statementIndents = statementIndents;
        Text = text;
        _text = textString;
        _green = green;
        FilePath = path ?? "";
        ReusedNodeCount = reused;
    }

    /// <summary>The source text the tree was parsed from.</summary>
    public SourceText Text { get; }

    public string FilePath { get; }

    /// <summary>How many statements (whole green subtrees) were taken over from the previous tree by <see cref="WithChanges(SourceText, IReadOnlyList{TextChange})"/>; 0 for a full parse.</summary>
    public int ReusedNodeCount { get; }

    /// <summary>The module node (created on first use).</summary>
    /// <remarks>Created on first use, once: threads racing for it get the same root (a plain <c>??=</c> handed two
    /// threads two roots, and so two copies of the whole red tree).</remarks>
    public ModuleSyntax Root => Volatile.Read(ref _root) ?? CreateRoot();

    private ModuleSyntax CreateRoot()
    {
        var root = new ModuleSyntax(_green, null, 0, this);
        return Interlocked.CompareExchange(ref _root, root, null) ?? root;
    }

    internal GreenNode GreenRoot => _green;

    /// <summary>All syntax diagnostics (errors and warnings) in document order.</summary>
    public IReadOnlyList<SyntaxDiagnostic> Diagnostics => _diagnostics ??= SyntaxDiagnostic.Collect(_green, 0);

    /// <summary>True if any diagnostic is an error (CPython would reject the file).</summary>
    public bool HasErrors => _green.ContainsDiagnostics && Diagnostics.Any(d => !d.IsWarning);

    public static PythonSyntaxTree Parse(string text, string? path = null) => Parse(SourceText.From(text), text, path);

    public static PythonSyntaxTree Parse(SourceText text, string? path = null) => Parse(text, text.ToString(), path);

    private static PythonSyntaxTree Parse(SourceText text, string textString, string? path)
    {
        var parser = new Parser(textString);
        var green = parser.ParseModule();
        return new PythonSyntaxTree(text, textString, green, parser.StatementIndents, path, 0);
    }

    /// <summary>
    /// Incremental reparse: <paramref name="changes"/> are relative to this tree's text and produce <paramref name="newText"/>.
    /// The result is identical to a full parse of <paramref name="newText"/>.
    /// </summary>
    public PythonSyntaxTree WithChanges(SourceText newText, IReadOnlyList<TextChange> changes)
    {
        var newString = NewString(newText, changes);
        if (changes.Count == 0) return Parse(newText, newString, FilePath);
        int start = int.MaxValue, oldEnd = 0;
        foreach (var c in changes)
        {
            start = Math.Min(start, c.Span.Start);
            oldEnd = Math.Max(oldEnd, c.Span.End);
        }
        int newEnd = oldEnd + (newString.Length - _text.Length);
        if (start > oldEnd || newEnd < start || oldEnd > _text.Length || _statementIndents.IsUnreliable) return Parse(newText, newString, FilePath);
        var reuse = new IncrementalReuse(_text, newString, _green, _statementIndents, start, oldEnd, newEnd);
        var parser = new Parser(newString, reuse);
        var green = parser.ParseModule();
        return new PythonSyntaxTree(newText, newString, green, parser.StatementIndents, FilePath, parser.ReusedNodeCount);
    }

    /// <summary>
    /// The new text as one string. For the usual single edit it is spliced from the old string in one copy:
    /// materialising a changed <see cref="SourceText"/> goes through chunk buffers and a string builder, which was
    /// about a third of a one-character reparse (and large-object-heap garbage) on big files.
    /// </summary>
    private string NewString(SourceText newText, IReadOnlyList<TextChange> changes)
    {
        if (changes.Count == 1)
        {
            var change = changes[0];
            string inserted = change.NewText ?? "";
            var span = change.Span;
            if (span.End <= _text.Length && _text.Length - span.Length + inserted.Length == newText.Length)
            {
                return string.Concat(_text.AsSpan(0, span.Start), inserted, _text.AsSpan(span.End));
            }
        }
        return newText.ToString();
    }

    /// <summary>Applies <paramref name="changes"/> to <see cref="Text"/> and reparses incrementally.</summary>
    public PythonSyntaxTree WithChanges(IReadOnlyList<TextChange> changes) => WithChanges(Text.WithChanges(changes), changes);

    /// <summary>True if both trees have identical structure, tokens, trivia and diagnostics.</summary>
    public bool IsEquivalentTo(PythonSyntaxTree other) => GreenNode.AreEquivalent(_green, other._green);

    /// <summary>1-based line number of a position.</summary>
    public int GetLineNumber(int position) => Text.Lines.GetLineFromPosition(Math.Min(position, Text.Length)).LineNumber + 1;
}

using System.Runtime.CompilerServices;
using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax.Parsing;

/// <summary>
/// What incremental reuse needs to know about the tokenizer's indentation stack at the first token of each
/// line-starting statement, stored as exceptions only. The stack normally equals the <em>block structure</em>
/// (<see cref="BlockIndentation"/>: one level per enclosing indented block, measured on the block's first
/// statement), which reuse recomputes from the tree; a statement is recorded here only when the tokenizer's
/// stack differs (after indentation errors) or when it must never be reused (it did not start a logical line,
/// or recovery left skipped text before it). An error-free file records nothing, so a full parse allocates
/// no table at all (recording every statement cost a dictionary entry and an object hash per statement).
/// Full parses record into a per-tree dictionary; incremental parses share that table and record their few new
/// statements in a weak table, so entries for nested statements of reused compound statements stay reachable.
/// </summary>
internal sealed class StatementIndentTable
{
    /// <summary>Recorded for statements that must not be reused.</summary>
    public static readonly IndentLevel NotReusable = new(-1, -1, null);

    private static readonly ConditionalWeakTable<GreenNode, IndentLevel> s_incremental = new();

    private Dictionary<GreenNode, IndentLevel>? _fullParse;

    /// <summary>A new, empty table for a full parse.</summary>
    public static StatementIndentTable CreateForFullParse() => new();

    /// <summary>
    /// Set when a block's first statement does not sit where the tokenizer measured the block's indentation
    /// (possible only after error recovery); then the block structure cannot stand in for the tokenizer's stack
    /// and trees that use this table must be reparsed in full.
    /// </summary>
    public bool IsUnreliable { get; private set; }

    public void MarkUnreliable() => IsUnreliable = true;

    /// <summary>Records a statement's real stack (or <see cref="NotReusable"/>); <paramref name="incremental"/> says whether the parse reuses an older tree (and thus shares this table).</summary>
    public void Add(GreenNode statement, IndentLevel indent, bool incremental)
    {
        if (incremental) s_incremental.AddOrUpdate(statement, indent);
        else (_fullParse ??= new Dictionary<GreenNode, IndentLevel>(ReferenceEqualityComparer.Instance))[statement] = indent;
    }

    public bool TryGetValue(GreenNode statement, out IndentLevel indent)
    {
        if (_fullParse is not null && _fullParse.TryGetValue(statement, out indent!)) return true;
        return s_incremental.TryGetValue(statement, out indent!);
    }

    /// <summary>
    /// The indentation (columns) of the block whose statement list starts at <paramref name="statementsStart"/>
    /// with <paramref name="firstStatement"/>: the leading whitespace of the line holding the statement's first
    /// token. Shared by the parser (which checks it against the tokenizer) and by reuse (which relies on it).
    /// </summary>
    public static (int Column, int AltColumn) BlockIndentation(string text, int statementsStart, GreenNode firstStatement)
    {
        int tokenStart = Math.Min(text.Length, statementsStart + firstStatement.LeadingTriviaWidth);
        int lineStart = tokenStart;
        while (lineStart > 0 && text[lineStart - 1] != '\n' && text[lineStart - 1] != '\r') lineStart--;
        int contentStart = lineStart;
        while (contentStart < tokenStart && text[contentStart] is ' ' or '\t' or '\f') contentStart++;
        return IndentLevel.Measure(text, lineStart, contentStart);
    }
}

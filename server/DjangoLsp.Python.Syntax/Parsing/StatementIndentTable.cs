using System.Runtime.CompilerServices;
using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax.Parsing;

/// <summary>
/// The tokenizer's indentation stack at the first token of each line-starting statement, which incremental
/// reuse needs to take a statement over. A full parse records into a plain per-tree dictionary (recording every
/// statement of every file in a ConditionalWeakTable cost a GC dependent handle each and dominated GC time);
/// incremental parses share that base table and record their few new statements in a weak table, so entries
/// for nested statements of reused compound statements stay reachable in later versions.
/// </summary>
internal sealed class StatementIndentTable
{
    private static readonly ConditionalWeakTable<GreenNode, IndentLevel> s_incremental = new();

    private readonly Dictionary<GreenNode, IndentLevel> _fullParse;

    private StatementIndentTable(Dictionary<GreenNode, IndentLevel> fullParse) => _fullParse = fullParse;

    /// <summary>A new, empty table for a full parse.</summary>
    public static StatementIndentTable CreateForFullParse() => new(new Dictionary<GreenNode, IndentLevel>(ReferenceEqualityComparer.Instance));

    /// <summary>Records a statement; <paramref name="incremental"/> says whether the parse reuses an older tree (and thus shares this table).</summary>
    public void Add(GreenNode statement, IndentLevel indent, bool incremental)
    {
        if (incremental) s_incremental.AddOrUpdate(statement, indent);
        else _fullParse[statement] = indent;
    }

    public bool TryGetValue(GreenNode statement, out IndentLevel indent)
    {
        if (_fullParse.TryGetValue(statement, out indent!)) return true;
        return s_incremental.TryGetValue(statement, out indent!);
    }
}

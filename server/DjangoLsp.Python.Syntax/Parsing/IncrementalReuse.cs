using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax.Parsing;

/// <summary>
/// Offers whole statements of the previous tree to the parser. A statement is reused only if its text and
/// everything the parser looked at after it (the next token) are outside the edited region, it starts at a
/// line start with the same indentation stack, and it ends a logical line (NEWLINE or DEDENT).
/// Statements are indexed lazily: top-level ones, plus the nested ones of compound statements near the edit.
/// </summary>
internal sealed class IncrementalReuse
{
    private readonly string _oldText;
    private readonly string _newText;
    private readonly GreenNode _oldRoot;
    private readonly int _changeStart;
    private readonly int _oldChangeEnd;
    private readonly int _newChangeEnd;
    private Dictionary<int, (GreenNode Node, IndentLevel Indent)>? _candidates;

    /// <summary>The old tree's statement indentation table; the new tree shares it.</summary>
    public StatementIndentTable StatementIndents { get; }

    public IncrementalReuse(string oldText, string newText, GreenNode oldRoot, StatementIndentTable statementIndents, int changeStart, int oldChangeEnd, int newChangeEnd)
    {
        StatementIndents = statementIndents;
        _oldText = oldText;
        _newText = newText;
        _oldRoot = oldRoot;
        _changeStart = changeStart;
        _oldChangeEnd = oldChangeEnd;
        _newChangeEnd = newChangeEnd;
    }

    public GreenNode? TryGetStatement(int newPosition, IndentLevel indent)
    {
        int oldPosition;
        if (newPosition < _changeStart) oldPosition = newPosition;
        else if (newPosition >= _newChangeEnd) oldPosition = newPosition - (_newChangeEnd - _oldChangeEnd);
        else return null;
        if (!IsLineStart(_newText, newPosition)) return null;
        _candidates ??= BuildCandidates();
        if (!_candidates.TryGetValue(oldPosition, out var candidate)) return null;
        if (!IndentLevel.SameStack(candidate.Indent, indent)) return null;
        if (!StartsAtIndentation(oldPosition, candidate.Node, indent)) return null;
        if (candidate.Node.LastToken()?.Kind == SyntaxKind.DedentToken)
        {
            // Blocks with errors may leave the tokenizer's stack different from where they started.
            if (candidate.Node.ContainsDiagnostics) return null;
            if (!NextLineDedentsCleanly(oldPosition + candidate.Node.FullWidth, indent)) return null;
        }
        int oldEnd = oldPosition + candidate.Node.FullWidth;
        if (oldPosition < _changeStart)
        {
            if (oldEnd > _changeStart || LookaheadEnd(oldEnd) > _changeStart) return null;
        }
        else if (oldPosition < _oldChangeEnd)
        {
            return null;
        }
        return candidate.Node;
    }

    /// <summary>The statement's first token must sit exactly at the innermost indentation (not on a line with an indentation error).</summary>
    private bool StartsAtIndentation(int oldPosition, GreenNode node, IndentLevel indent)
    {
        int tokenStart = oldPosition + node.LeadingTriviaWidth;
        int lineStart = tokenStart;
        while (lineStart > 0 && _oldText[lineStart - 1] != '\n' && _oldText[lineStart - 1] != '\r') lineStart--;
        var (col, alt) = IndentLevel.Measure(_oldText, lineStart, tokenStart);
        return col == indent.Column && alt == indent.AltColumn;
    }

    /// <summary>
    /// After a block, the tokenizer resumes with the outer indentation stack; that only gives the same tokens if
    /// the next line's indentation is exactly one of the outer levels (otherwise the original parse reported an
    /// indentation error against the inner stack).
    /// </summary>
    private bool NextLineDedentsCleanly(int end, IndentLevel indent)
    {
        int q = LookaheadEnd(end) - 10;
        if (q >= _oldText.Length) return true;
        int lineStart = q;
        while (lineStart > 0 && _oldText[lineStart - 1] != '\n' && _oldText[lineStart - 1] != '\r') lineStart--;
        var (col, alt) = IndentLevel.Measure(_oldText, lineStart, q);
        for (var level = indent; level is not null; level = level.Parent)
        {
            if (level.Column == col) return level.AltColumn == alt;
        }
        return false;
    }

    private static bool IsLineStart(string text, int position) => position == 0 || text[position - 1] == '\n' || text[position - 1] == '\r';

    /// <summary>End of what the parser may have inspected after a statement ending at <paramref name="end"/>: the next token's start plus a keyword's length.</summary>
    private int LookaheadEnd(int end)
    {
        int p = end;
        while (p < _oldText.Length)
        {
            char c = _oldText[p];
            if (c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\\') { p++; continue; }
            if (c == '#')
            {
                while (p < _oldText.Length && _oldText[p] != '\n' && _oldText[p] != '\r') p++;
                continue;
            }
            break;
        }
        return p + 10;
    }

    private Dictionary<int, (GreenNode, IndentLevel)> BuildCandidates()
    {
        var result = new Dictionary<int, (GreenNode, IndentLevel)>();
        var statements = _oldRoot.GetSlot(0)!;
        AddStatements(statements, 0, IndentLevel.Root, result);
        return result;
    }

    private void AddStatements(GreenNode list, int position, IndentLevel indent, Dictionary<int, (GreenNode, IndentLevel)> result)
    {
        int pos = position;
        for (int i = 0; i < list.SlotCount; i++)
        {
            var stmt = list.GetSlot(i)!;
            int end = pos + stmt.FullWidth;
            if (IsLineStart(_oldText, pos) && EndsLogicalLine(stmt))
            {
                // The block structure, unless the parse recorded the tokenizer's real stack (which differs after
                // indentation errors) or that the statement must not be reused.
                if (!StatementIndents.TryGetValue(stmt, out var lexerIndent)) lexerIndent = indent;
                if (lexerIndent != StatementIndentTable.NotReusable) result[pos] = (stmt, lexerIndent);
            }
            bool reusableBefore = end <= _changeStart && LookaheadEnd(end) <= _changeStart;
            bool after = pos >= _oldChangeEnd;
            if (!reusableBefore && !after && stmt.SlotCount > 0 && IsCompound(stmt.Kind))
            {
                AddNestedBlocks(stmt, pos, indent, result);
            }
            pos = end;
        }
    }

    private static bool IsCompound(SyntaxKind kind) => kind is SyntaxKind.IfStatement or SyntaxKind.WhileStatement or SyntaxKind.ForStatement
        or SyntaxKind.TryStatement or SyntaxKind.WithStatement or SyntaxKind.FunctionDefinition or SyntaxKind.ClassDefinition or SyntaxKind.MatchStatement;

    private static bool EndsLogicalLine(GreenNode stmt)
    {
        var last = stmt.LastToken();
        return last is not null && !last.IsMissing && (last.Kind == SyntaxKind.NewLineToken && last.Text.Length > 0 || last.Kind == SyntaxKind.DedentToken);
    }

    /// <summary>Finds the indented blocks inside a compound statement (directly or in its clauses) and indexes their statements.</summary>
    private void AddNestedBlocks(GreenNode node, int position, IndentLevel indent, Dictionary<int, (GreenNode, IndentLevel)> result)
    {
        int pos = position;
        for (int i = 0; i < node.SlotCount; i++)
        {
            var child = node.GetSlot(i);
            if (child is null) continue;
            if (child.Kind == SyntaxKind.Block)
            {
                var statements = child.GetSlot(2)!;
                if (child.GetSlot(1) is GreenToken { IsMissing: false } && statements.SlotCount > 0)
                {
                    int stmtPos = pos + (child.GetSlot(0)?.FullWidth ?? 0) + child.GetSlot(1)!.FullWidth;
                    var (col, alt) = StatementIndentTable.BlockIndentation(_oldText, stmtPos, statements.GetSlot(0)!);
                    AddStatements(statements, stmtPos, new IndentLevel(col, alt, indent), result);
                }
            }
            else if (child.Kind is SyntaxKind.List or SyntaxKind.ElifClause or SyntaxKind.ElseClause or SyntaxKind.ExceptClause
                     or SyntaxKind.FinallyClause or SyntaxKind.CaseClause)
            {
                AddNestedBlocks(child, pos, indent, result);
            }
            pos += child.FullWidth;
        }
    }
}

namespace DjangoLsp.Python.Syntax.Parsing;

/// <summary>
/// One entry of the tokenizer's indentation stack, as an immutable linked list so a stack can be
/// captured per token for incremental reuse. <see cref="Column"/> uses tab stops of 8, <see cref="AltColumn"/>
/// tab stops of 1 (CPython compares both to detect inconsistent tabs and spaces).
/// </summary>
internal sealed class IndentLevel
{
    public static readonly IndentLevel Root = new(0, 0, null);

    public IndentLevel(int column, int altColumn, IndentLevel? parent)
    {
        Column = column;
        AltColumn = altColumn;
        Parent = parent;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    /// <summary>
    /// The child level made last, handed out again for the next block at the same columns: sibling blocks share one
    /// level object instead of allocating one per INDENT. Levels are immutable values, so sharing (even between
    /// threads, which may race to set this field) never changes a result.
    /// </summary>
    private IndentLevel? _lastChild;

    /// <summary>The level for a block indented to the given columns inside this one.</summary>
    public IndentLevel Child(int column, int altColumn)
    {
        var child = _lastChild;
        if (child is not null && child.Column == column && child.AltColumn == altColumn) return child;
        child = new IndentLevel(column, altColumn, this);
        _lastChild = child;
        return child;
    }

    public int Column { get; }
    public int AltColumn { get; }
    public IndentLevel? Parent { get; }
    public int Depth { get; }

    public static bool SameStack(IndentLevel? a, IndentLevel? b)
    {
        while (a is not null && b is not null)
        {
            if (ReferenceEquals(a, b)) return true;
            if (a.Column != b.Column || a.AltColumn != b.AltColumn) return false;
            a = a.Parent;
            b = b.Parent;
        }
        return a is null && b is null;
    }

    /// <summary>Columns of the indentation that ends at <paramref name="end"/> (CPython's rules: tab to next multiple of 8, form feed resets).</summary>
    public static (int Column, int AltColumn) Measure(string text, int start, int end)
    {
        int col = 0, alt = 0;
        for (int i = start; i < end; i++)
        {
            switch (text[i])
            {
                case ' ': col++; alt++; break;
                case '\t': col = (col / 8 + 1) * 8; alt++; break;
                case '\f': col = 0; alt = 0; break;
                default: break;
            }
        }
        return (col, alt);
    }
}

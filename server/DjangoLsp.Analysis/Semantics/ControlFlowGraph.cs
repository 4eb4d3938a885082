using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Semantics;

public enum EdgeKind
{
    /// <summary>Straight-line continuation or an unconditional jump (break/continue/return/loop back).</summary>
    Normal,
    /// <summary>Taken when <see cref="ControlFlowEdge.Condition"/> is true.</summary>
    WhenTrue,
    /// <summary>Taken when <see cref="ControlFlowEdge.Condition"/> is false.</summary>
    WhenFalse,
    /// <summary>From a try body to one of its handlers (or to finally).</summary>
    Exception,
}

public sealed record ControlFlowEdge(BasicBlock From, BasicBlock To, EdgeKind Kind, ExpressionSyntax? Condition);

/// <summary>
/// A straight-line piece of code. <see cref="Elements"/> are evaluated in order; each is one of:
/// a simple statement; the condition of an if/elif/while (an <see cref="ExpressionSyntax"/>); a
/// <see cref="ForStatementSyntax"/> (meaning: bind its target from its iterable); a <see cref="WithItemSyntax"/>;
/// an <see cref="ExceptClauseSyntax"/> (binds its name); the subject of a match; a <see cref="CaseClauseSyntax"/>
/// (binds its captures); a nested <see cref="FunctionDefinitionSyntax"/> or <see cref="ClassDefinitionSyntax"/>
/// (binds its name; its body has its own graph).
/// </summary>
public sealed class BasicBlock
{
    internal BasicBlock(int id) => Id = id;

    public int Id { get; }
    public List<SyntaxNode> Elements { get; } = new();
    public List<ControlFlowEdge> Successors { get; } = new();
    public List<ControlFlowEdge> Predecessors { get; } = new();

    public override string ToString() => $"B{Id}[{Elements.Count}] -> {string.Join(",", Successors.Select(s => $"B{s.To.Id}{(s.Kind == EdgeKind.Normal ? "" : ":" + s.Kind)}"))}";
}

/// <summary>The control-flow graph of one function body (or of the module's top-level code).</summary>
public sealed class ControlFlowGraph
{
    internal ControlFlowGraph(SyntaxNode owner, BasicBlock entry, BasicBlock exit, IReadOnlyList<BasicBlock> blocks)
    {
        Owner = owner;
        Entry = entry;
        Exit = exit;
        Blocks = blocks;
    }

    /// <summary>The <see cref="FunctionDefinitionSyntax"/> or <see cref="ModuleSyntax"/> the graph is for.</summary>
    public SyntaxNode Owner { get; }
    public BasicBlock Entry { get; }

    /// <summary>Where returns, raises and the end of the body go. Has no elements.</summary>
    public BasicBlock Exit { get; }

    /// <summary>All blocks; <see cref="Entry"/> first, <see cref="Exit"/> last.</summary>
    public IReadOnlyList<BasicBlock> Blocks { get; }

    /// <summary>Blocks in reverse post-order from the entry (a good order for forward data-flow).</summary>
    public IReadOnlyList<BasicBlock> ReversePostOrder()
    {
        var visited = new HashSet<BasicBlock>();
        var order = new List<BasicBlock>();
        var stack = new Stack<(BasicBlock Block, int Next)>();
        stack.Push((Entry, 0));
        visited.Add(Entry);
        while (stack.Count > 0)
        {
            var (block, next) = stack.Pop();
            if (next < block.Successors.Count)
            {
                stack.Push((block, next + 1));
                var to = block.Successors[next].To;
                if (visited.Add(to)) stack.Push((to, 0));
            }
            else order.Add(block);
        }
        order.Reverse();
        return order;
    }

    /// <summary>The block whose elements include <paramref name="element"/>, or null.</summary>
    public BasicBlock? FindBlock(SyntaxNode element) => Blocks.FirstOrDefault(b => b.Elements.Contains(element));
}

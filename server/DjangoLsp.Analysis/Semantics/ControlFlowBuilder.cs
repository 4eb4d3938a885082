using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Semantics;

/// <summary>
/// Builds a <see cref="ControlFlowGraph"/> from a function body or a module: basic blocks for if/elif/else,
/// while/for (with else), try/except/else/finally, with, match, and the jumps return/raise/break/continue.
/// Exceptions are approximated: every block of a try body may jump to each handler (and to finally).
/// </summary>
internal sealed class ControlFlowBuilder
{
    private readonly List<BasicBlock> _blocks = new();
    private readonly Stack<(BasicBlock Continue, BasicBlock Break)> _loops = new();
    private readonly Stack<List<BasicBlock>> _handlerTargets = new();
    private BasicBlock _exit = null!;
    private readonly CancellationToken _cancellationToken;

    private ControlFlowBuilder(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

    public static ControlFlowGraph Build(SyntaxNode owner, CancellationToken cancellationToken)
    {
        var builder = new ControlFlowBuilder(cancellationToken);
        var entry = builder.NewBlock();
        var exit = new BasicBlock(-1);
        builder._exit = exit;
        IReadOnlyList<StatementSyntax> statements = owner switch
        {
            FunctionDefinitionSyntax f => f.Body.Statements,
            ModuleSyntax m => m.Statements,
            ClassDefinitionSyntax c => c.Body.Statements,
            _ => Array.Empty<StatementSyntax>(),
        };
        var end = builder.VisitStatements(statements, entry);
        if (end != null) Connect(end, exit, EdgeKind.Normal, null);
        var blocks = builder._blocks.ToList();
        var exitBlock = new BasicBlock(blocks.Count);
        // Re-home edges to an exit with a proper id.
        foreach (var edge in exit.Predecessors)
        {
            var moved = new ControlFlowEdge(edge.From, exitBlock, edge.Kind, edge.Condition);
            edge.From.Successors[edge.From.Successors.IndexOf(edge)] = moved;
            exitBlock.Predecessors.Add(moved);
        }
        blocks.Add(exitBlock);
        return new ControlFlowGraph(owner, entry, exitBlock, blocks);
    }

    private BasicBlock NewBlock()
    {
        var block = new BasicBlock(_blocks.Count);
        _blocks.Add(block);
        // A block created inside a try body may raise into the handlers.
        if (_handlerTargets.Count > 0)
            foreach (var handler in _handlerTargets.Peek()) Connect(block, handler, EdgeKind.Exception, null);
        return block;
    }

    private static void Connect(BasicBlock from, BasicBlock to, EdgeKind kind, ExpressionSyntax? condition)
    {
        var edge = new ControlFlowEdge(from, to, kind, condition);
        from.Successors.Add(edge);
        to.Predecessors.Add(edge);
    }

    /// <summary>Appends statements starting in <paramref name="current"/>; returns the block control falls out of, or null when it cannot.</summary>
    private BasicBlock? VisitStatements(IEnumerable<StatementSyntax> statements, BasicBlock? current)
    {
        foreach (var statement in statements)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            // Code after return/raise/break is unreachable: give it a block without predecessors.
            current ??= NewBlock();
            current = VisitStatement(statement, current);
        }
        return current;
    }

    private BasicBlock? VisitStatement(StatementSyntax statement, BasicBlock current)
    {
        switch (statement)
        {
            case ReturnStatementSyntax or RaiseStatementSyntax:
                current.Elements.Add(statement);
                Connect(current, _exit, EdgeKind.Normal, null);
                return null;
            case KeywordStatementSyntax { Kind: SyntaxKind.BreakStatement }:
                current.Elements.Add(statement);
                if (_loops.Count > 0) Connect(current, _loops.Peek().Break, EdgeKind.Normal, null);
                return null;
            case KeywordStatementSyntax { Kind: SyntaxKind.ContinueStatement }:
                current.Elements.Add(statement);
                if (_loops.Count > 0) Connect(current, _loops.Peek().Continue, EdgeKind.Normal, null);
                return null;
            case IfStatementSyntax @if:
                return VisitIf(@if, current);
            case WhileStatementSyntax @while:
                {
                    var header = NewBlock();
                    Connect(current, header, EdgeKind.Normal, null);
                    header.Elements.Add(@while.Condition);
                    var after = NewBlock();
                    var body = NewBlock();
                    Connect(header, body, EdgeKind.WhenTrue, @while.Condition);
                    _loops.Push((header, after));
                    var bodyEnd = VisitStatements(@while.Body.Statements, body);
                    _loops.Pop();
                    if (bodyEnd != null) Connect(bodyEnd, header, EdgeKind.Normal, null);
                    return VisitLoopElse(header, @while.Else, after, @while.Condition);
                }
            case ForStatementSyntax @for:
                {
                    var header = NewBlock();
                    Connect(current, header, EdgeKind.Normal, null);
                    var after = NewBlock();
                    var body = NewBlock();
                    Connect(header, body, EdgeKind.Normal, null);
                    body.Elements.Add(@for);
                    _loops.Push((header, after));
                    var bodyEnd = VisitStatements(@for.Body.Statements, body);
                    _loops.Pop();
                    if (bodyEnd != null) Connect(bodyEnd, header, EdgeKind.Normal, null);
                    return VisitLoopElse(header, @for.Else, after, null);
                }
            case WithStatementSyntax with:
                foreach (var item in with.Items) current.Elements.Add(item);
                return VisitStatements(with.Body.Statements, current);
            case TryStatementSyntax @try:
                return VisitTry(@try, current);
            case MatchStatementSyntax match:
                {
                    current.Elements.Add(match.Subject);
                    var after = NewBlock();
                    var test = current;
                    var exhaustive = false;
                    foreach (var @case in match.Cases)
                    {
                        var body = NewBlock();
                        Connect(test, body, EdgeKind.Normal, null);
                        body.Elements.Add(@case);
                        var end = VisitStatements(@case.Body.Statements, body);
                        if (end != null) Connect(end, after, EdgeKind.Normal, null);
                        if (@case.Guard == null && @case.Pattern.Kind is SyntaxKind.WildcardPattern or SyntaxKind.CapturePattern) exhaustive = true;
                    }
                    if (!exhaustive) Connect(test, after, EdgeKind.Normal, null);
                    return after;
                }
            default:
                current.Elements.Add(statement);
                return current;
        }
    }

    private BasicBlock VisitLoopElse(BasicBlock header, ElseClauseSyntax? @else, BasicBlock after, ExpressionSyntax? condition)
    {
        var kind = condition != null ? EdgeKind.WhenFalse : EdgeKind.Normal;
        if (@else == null)
        {
            Connect(header, after, kind, condition);
            return after;
        }
        var elseBlock = NewBlock();
        Connect(header, elseBlock, kind, condition);
        var end = VisitStatements(@else.Body.Statements, elseBlock);
        if (end != null) Connect(end, after, EdgeKind.Normal, null);
        return after;
    }

    private BasicBlock? VisitIf(IfStatementSyntax @if, BasicBlock current)
    {
        var after = NewBlock();
        var reachable = false;
        var test = current;
        var clauses = new List<(ExpressionSyntax Condition, BlockSyntax Body)> { (@if.Condition, @if.Body) };
        clauses.AddRange(@if.ElifClauses.Select(e => (e.Condition, e.Body)));
        foreach (var (condition, bodySyntax) in clauses)
        {
            test.Elements.Add(condition);
            var body = NewBlock();
            Connect(test, body, EdgeKind.WhenTrue, condition);
            var end = VisitStatements(bodySyntax.Statements, body);
            if (end != null) { Connect(end, after, EdgeKind.Normal, null); reachable = true; }
            var next = NewBlock();
            Connect(test, next, EdgeKind.WhenFalse, condition);
            test = next;
        }
        var elseEnd = @if.Else != null ? VisitStatements(@if.Else.Body.Statements, test) : test;
        if (elseEnd != null) { Connect(elseEnd, after, EdgeKind.Normal, null); reachable = true; }
        return reachable ? after : null;
    }

    private BasicBlock? VisitTry(TryStatementSyntax @try, BasicBlock current)
    {
        var handlers = @try.ExceptClauses.Select(_ => new BasicBlock(-1)).ToList();
        // Handler blocks need ids in order; create them now but outside the try's handler scope.
        for (var i = 0; i < handlers.Count; i++) handlers[i] = NewBlock();
        var finallyBlock = @try.Finally != null ? NewBlock() : null;
        var after = NewBlock();
        var targets = new List<BasicBlock>(handlers);
        if (finallyBlock != null) targets.Add(finallyBlock);

        var body = NewBlockWithHandlers(targets);
        Connect(current, body, EdgeKind.Normal, null);
        foreach (var target in targets) Connect(current, target, EdgeKind.Exception, null);
        _handlerTargets.Push(targets);
        var bodyEnd = VisitStatements(@try.Body.Statements, body);
        _handlerTargets.Pop();
        var join = finallyBlock ?? after;
        if (bodyEnd != null)
        {
            var elseEnd = @try.Else != null ? VisitStatements(@try.Else.Body.Statements, bodyEnd) : bodyEnd;
            if (elseEnd != null) Connect(elseEnd, join, EdgeKind.Normal, null);
        }
        for (var i = 0; i < handlers.Count; i++)
        {
            var clause = @try.ExceptClauses[i];
            handlers[i].Elements.Add(clause);
            var end = VisitStatements(clause.Body.Statements, handlers[i]);
            if (end != null) Connect(end, join, EdgeKind.Normal, null);
        }
        if (finallyBlock != null)
        {
            var end = VisitStatements(@try.Finally!.Body.Statements, finallyBlock);
            if (end != null)
            {
                Connect(end, after, EdgeKind.Normal, null);
                // An exception that nobody handled leaves through finally.
                Connect(end, _exit, EdgeKind.Exception, null);
            }
        }
        return after;
    }

    private BasicBlock NewBlockWithHandlers(List<BasicBlock> targets)
    {
        _handlerTargets.Push(targets);
        var block = NewBlock();
        _handlerTargets.Pop();
        return block;
    }
}

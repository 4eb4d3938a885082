using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax.Parsing;

internal sealed partial class Parser
{
    public GreenNode ParseModule()
    {
        var statements = RentList();
        while (true)
        {
            if (TryReuseAtLineStart() is { } reused)
            {
                statements.Add(reused);
                continue;
            }
            var k = CurrentKind;
            if (k == SyntaxKind.EndOfFileToken) break;
            if (k == SyntaxKind.IndentToken)
            {
                SkipUnexpectedIndent();
                continue;
            }
            if (k == SyntaxKind.DedentToken)
            {
                // Only after a bad unindent; harmless.
                Skip(null);
                continue;
            }
            statements.Add(ParseStatementOrReuse());
        }
        var eof = Eat();
        return Node(SyntaxKind.Module, List(statements), eof);
    }

    /// <summary>An INDENT where no block starts: CPython's "unexpected indent". Its statements are still parsed.</summary>
    private void SkipUnexpectedIndent()
    {
        var indent = Current;
        Advance();
        _pendingDiagnostics ??= new List<GreenDiagnostic>();
        _pendingDiagnostics.Add(new GreenDiagnostic(_pendingWidth + Current.LeadingTriviaWidth, Current.Text.Length, "unexpected indent"));
        _ = indent;
    }

    private GreenNode ParseStatementOrReuse()
    {
        var statement = ParseStatementOrReuse(out var recordIndent);
        if (recordIndent is not null) RecordStatementIndent(statement, recordIndent);
        return statement;
    }

    /// <summary>
    /// Parses (or reuses) one statement of a statement list. <paramref name="recordIndent"/> is what to record for a
    /// newly parsed statement: the tokenizer's stack at its first token, or <see cref="StatementIndentTable.NotReusable"/>;
    /// null for a reused one.
    /// </summary>
    private GreenNode ParseStatementOrReuse(out IndentLevel? recordIndent)
    {
        bool clean = _pendingSkipped.Count == 0 && (_pendingDiagnostics is null || _pendingDiagnostics.Count == 0);
        if (_reuse is not null && clean)
        {
            var reused = TryReuseStatement();
            if (reused is not null)
            {
                recordIndent = null;
                return reused;
            }
        }
        _ = Current;
        var indent = _buffer[_index].Indent;
        bool startsLine = _buffer[_index].StartsLine;
        var statement = ParseStatement();
        recordIndent = clean && startsLine ? indent : StatementIndentTable.NotReusable;
        return statement;
    }

    /// <summary>Records the statement's stack when it differs from the block structure (see <see cref="StatementIndentTable"/>).</summary>
    private void RecordStatementIndent(GreenNode statement, IndentLevel indent)
    {
        if (ReferenceEquals(indent, _structuralIndent) || (indent != StatementIndentTable.NotReusable && IndentLevel.SameStack(indent, _structuralIndent))) return;
        StatementIndents.Add(statement, indent, incremental: _reuse is not null);
    }

    /// <summary>
    /// Incremental fast path: with nothing buffered and the tokenizer at a clean line start (typically right after a
    /// reused statement), the next old statement is offered without lexing its first token. From this state and on
    /// the same text the tokenizer would produce exactly the old statement's tokens, which
    /// <see cref="IncrementalReuse.TryGetStatement"/> checks (same stack, line at the innermost indentation, text
    /// and lookahead outside the edit). Saves lexing (and allocating the leading trivia of) one token per reused statement.
    /// </summary>
    private GreenNode? TryReuseAtLineStart()
    {
        if (_reuse is null || _index != _count || !_lexer.IsAtCleanLineStart || _lexer.Position != _lexedEnd) return null;
        if (_pendingSkipped.Count != 0 || _pendingDiagnostics is { Count: > 0 }) return null;
        var indent = _lexer.Indent;
        var node = _reuse.TryGetStatement(_lexedEnd, indent);
        if (node is null) return null;
        _lexedEnd += node.FullWidth;
        _lexer.ResetToLineStart(_lexedEnd, indent);
        ReusedNodeCount++;
        return node;
    }

    private GreenNode? TryReuseStatement()
    {
        var token = Current;
        if (token.Kind is SyntaxKind.IndentToken or SyntaxKind.DedentToken or SyntaxKind.EndOfFileToken) return null;
        ref var buffered = ref _buffer[_index];
        if (!buffered.StartsLine) return null;
        int fullStart = buffered.FullStart;
        var indent = buffered.Indent;
        var node = _reuse!.TryGetStatement(fullStart, indent);
        if (node is null) return null;
        // Drop lookahead and continue lexing after the reused statement.
        DiscardLookahead();
        _lexedEnd = fullStart + node.FullWidth;
        _lexer.ResetToLineStart(_lexedEnd, indent);
        ReusedNodeCount++;
        return node;
    }

    private GreenNode ParseStatement()
    {
        switch (CurrentKind)
        {
            case SyntaxKind.IfKeyword: return ParseIf();
            case SyntaxKind.WhileKeyword: return ParseWhile();
            case SyntaxKind.ForKeyword: return ParseFor(null);
            case SyntaxKind.TryKeyword: return ParseTry();
            case SyntaxKind.WithKeyword: return ParseWith(null);
            case SyntaxKind.DefKeyword: return ParseFunction(EmptyList, null);
            case SyntaxKind.ClassKeyword: return ParseClass(EmptyList);
            case SyntaxKind.AtToken: return ParseDecorated();
            case SyntaxKind.AsyncKeyword:
                switch (PeekKind(1))
                {
                    case SyntaxKind.DefKeyword: return ParseFunction(EmptyList, Eat());
                    case SyntaxKind.ForKeyword: return ParseFor(Eat());
                    case SyntaxKind.WithKeyword: return ParseWith(Eat());
                }
                break;
            case SyntaxKind.IdentifierToken:
                if (Current.Text == "match" && LooksLikeMatchStatement()) return ParseMatch();
                break;
        }
        return ParseSimpleStatement();
    }

    // ---------------- Simple statements ----------------

    private GreenNode ParseSimpleStatement()
    {
        GreenNode stmt;
        switch (CurrentKind)
        {
            case SyntaxKind.PassKeyword: stmt = Finish(SyntaxKind.PassStatement, Eat()); break;
            case SyntaxKind.BreakKeyword: stmt = Finish(SyntaxKind.BreakStatement, Eat()); break;
            case SyntaxKind.ContinueKeyword: stmt = Finish(SyntaxKind.ContinueStatement, Eat()); break;
            case SyntaxKind.ReturnKeyword:
            {
                var kw = Eat();
                var value = AtSimpleStatementEnd() ? null : ParseStarExpressions();
                stmt = Finish(SyntaxKind.ReturnStatement, kw, value);
                break;
            }
            case SyntaxKind.RaiseKeyword:
            {
                var kw = Eat();
                GreenNode? exc = null, from = null, cause = null;
                if (!AtSimpleStatementEnd())
                {
                    exc = ParseExpression();
                    if (CurrentKind == SyntaxKind.FromKeyword)
                    {
                        from = Eat();
                        cause = ParseExpression();
                    }
                }
                stmt = Finish(SyntaxKind.RaiseStatement, kw, exc, from, cause);
                break;
            }
            case SyntaxKind.GlobalKeyword:
            case SyntaxKind.NonlocalKeyword:
            {
                var kind = CurrentKind == SyntaxKind.GlobalKeyword ? SyntaxKind.GlobalStatement : SyntaxKind.NonlocalStatement;
                var kw = Eat();
                var names = RentList(Expect(SyntaxKind.IdentifierToken));
                while (CurrentKind == SyntaxKind.CommaToken)
                {
                    names.Add(Eat());
                    names.Add(Expect(SyntaxKind.IdentifierToken));
                }
                stmt = Finish(kind, kw, List(names));
                break;
            }
            case SyntaxKind.DelKeyword:
            {
                var kw = Eat();
                var targets = RentList();
                while (true)
                {
                    targets.Add(CheckTarget(ParseBitwiseOrOrStar(), TargetKind.Delete));
                    if (CurrentKind != SyntaxKind.CommaToken) break;
                    targets.Add(Eat());
                    if (AtSimpleStatementEnd()) break;
                }
                stmt = Finish(SyntaxKind.DeleteStatement, kw, List(targets));
                break;
            }
            case SyntaxKind.AssertKeyword:
            {
                var kw = Eat();
                var test = ParseExpression();
                GreenNode? comma = null, msg = null;
                if (CurrentKind == SyntaxKind.CommaToken)
                {
                    comma = Eat();
                    msg = ParseExpression();
                }
                stmt = Finish(SyntaxKind.AssertStatement, kw, test, comma, msg);
                break;
            }
            case SyntaxKind.ImportKeyword: stmt = ParseImport(); break;
            case SyntaxKind.FromKeyword: stmt = ParseFromImport(); break;
            case SyntaxKind.IdentifierToken when Current.Text == "type" && PeekKind(1) == SyntaxKind.IdentifierToken
                                                 && PeekKind(2) is SyntaxKind.EqualsToken or SyntaxKind.OpenBracketToken:
                stmt = ParseTypeAlias();
                break;
            default:
                stmt = ParseExpressionOrAssignment();
                break;
        }
        return stmt;
    }

    private bool AtSimpleStatementEnd() => CurrentKind is SyntaxKind.NewLineToken or SyntaxKind.SemicolonToken or SyntaxKind.EndOfFileToken;

    /// <summary>Appends the ';' and/or NEWLINE slots, skipping anything unexpected before them.</summary>
    private GreenNode Finish(SyntaxKind kind, GreenNode? part0)
    {
        var (semicolon, newline) = FinishLine();
        return GreenInternalNode.Create(kind, part0, semicolon, newline);
    }

    // Two to seven parts: fixed arities filling this assembly's stack buffer, not `params ReadOnlySpan` (whose CoreLib
    // InlineArrayN<T> accessors are JIT-compiled and called per argument in the ReadyToRun build; see Node).
    private GreenNode Finish(SyntaxKind kind, GreenNode? part0, GreenNode? part1)
    {
        var buffer = new SlotBuffer();
        buffer[0] = part0; buffer[1] = part1;
        return Finish(kind, ref buffer, 2);
    }

    private GreenNode Finish(SyntaxKind kind, GreenNode? part0, GreenNode? part1, GreenNode? part2)
    {
        var buffer = new SlotBuffer();
        buffer[0] = part0; buffer[1] = part1; buffer[2] = part2;
        return Finish(kind, ref buffer, 3);
    }

    private GreenNode Finish(SyntaxKind kind, GreenNode? part0, GreenNode? part1, GreenNode? part2, GreenNode? part3)
    {
        var buffer = new SlotBuffer();
        buffer[0] = part0; buffer[1] = part1; buffer[2] = part2; buffer[3] = part3;
        return Finish(kind, ref buffer, 4);
    }

    private GreenNode Finish(SyntaxKind kind, GreenNode? part0, GreenNode? part1, GreenNode? part2, GreenNode? part3, GreenNode? part4)
    {
        var buffer = new SlotBuffer();
        buffer[0] = part0; buffer[1] = part1; buffer[2] = part2; buffer[3] = part3; buffer[4] = part4;
        return Finish(kind, ref buffer, 5);
    }

    private GreenNode Finish(SyntaxKind kind, GreenNode? part0, GreenNode? part1, GreenNode? part2, GreenNode? part3, GreenNode? part4, GreenNode? part5)
    {
        var buffer = new SlotBuffer();
        buffer[0] = part0; buffer[1] = part1; buffer[2] = part2; buffer[3] = part3; buffer[4] = part4; buffer[5] = part5;
        return Finish(kind, ref buffer, 6);
    }

    private GreenNode Finish(SyntaxKind kind, GreenNode? part0, GreenNode? part1, GreenNode? part2, GreenNode? part3, GreenNode? part4, GreenNode? part5, GreenNode? part6)
    {
        var buffer = new SlotBuffer();
        buffer[0] = part0; buffer[1] = part1; buffer[2] = part2; buffer[3] = part3; buffer[4] = part4; buffer[5] = part5; buffer[6] = part6;
        return Finish(kind, ref buffer, 7);
    }

    /// <summary>The statement of <paramref name="count"/> parts in <paramref name="buffer"/> followed by its ';' and/or NEWLINE.</summary>
    private GreenNode Finish(SyntaxKind kind, ref SlotBuffer buffer, int count)
    {
        var (semicolon, newline) = FinishLine();
        buffer[count] = semicolon;
        buffer[count + 1] = newline;
        return GreenInternalNode.Create(kind, AsSpan(ref buffer)[..(count + 2)]);
    }

    /// <summary>The ';' and/or NEWLINE ending a simple statement, after skipping anything unexpected before them.</summary>
    private (GreenNode? Semicolon, GreenNode? Newline) FinishLine()
    {
        if (!AtSimpleStatementEnd() && CurrentKind is not (SyntaxKind.DedentToken or SyntaxKind.IndentToken))
        {
            SkipToEndOfLine("invalid syntax");
        }
        GreenNode? semicolon = null, newline = null;
        if (CurrentKind == SyntaxKind.SemicolonToken)
        {
            semicolon = Eat();
            if (CurrentKind is SyntaxKind.NewLineToken) newline = Eat();
            else if (CurrentKind is SyntaxKind.EndOfFileToken or SyntaxKind.DedentToken) newline = Missing(SyntaxKind.NewLineToken, "invalid syntax");
        }
        else
        {
            newline = Expect(SyntaxKind.NewLineToken);
        }
        return (semicolon, newline);
    }

    private GreenNode ParseExpressionOrAssignment()
    {
        if (!CanStartExpression(CurrentKind))
        {
            var missing = MissingName(CurrentKind == SyntaxKind.NewLineToken ? "invalid syntax" : "invalid syntax");
            if (!AtSimpleStatementEnd())
            {
                // The missing expression carries the message; skip the rest quietly.
                while (!AtSimpleStatementEnd() && CurrentKind is not (SyntaxKind.IndentToken or SyntaxKind.DedentToken)) Skip(null);
            }
            return Finish(SyntaxKind.ExpressionStatement, missing);
        }
        var first = ParseStarExpressionsOrYield();
        switch (CurrentKind)
        {
            case SyntaxKind.EqualsToken:
            {
                var targets = RentList();
                GreenNode value = first;
                while (CurrentKind == SyntaxKind.EqualsToken)
                {
                    targets.Add(CheckTarget(value, TargetKind.Assign));
                    targets.Add(Eat());
                    value = ParseStarExpressionsOrYield();
                }
                return Finish(SyntaxKind.AssignmentStatement, List(targets), value);
            }
            case SyntaxKind.ColonToken:
            {
                var target = first;
                if (target.Kind is not (SyntaxKind.NameExpression or SyntaxKind.AttributeExpression or SyntaxKind.SubscriptExpression or SyntaxKind.ParenthesizedExpression))
                {
                    target = WithError(target, target.Kind == SyntaxKind.TupleExpression ? "only single target (not tuple) can be annotated" : "illegal target for annotation");
                }
                else
                {
                    target = CheckTarget(target, TargetKind.Assign);
                }
                var colon = Eat();
                var annotation = ParseExpression();
                GreenNode? eq = null, value = null;
                if (CurrentKind == SyntaxKind.EqualsToken)
                {
                    eq = Eat();
                    value = ParseStarExpressionsOrYield();
                }
                return Finish(SyntaxKind.AnnotatedAssignmentStatement, target, colon, annotation, eq, value);
            }
            case SyntaxKind.PlusEqualsToken or SyntaxKind.MinusEqualsToken or SyntaxKind.StarEqualsToken or SyntaxKind.SlashEqualsToken
                or SyntaxKind.PercentEqualsToken or SyntaxKind.AmpersandEqualsToken or SyntaxKind.BarEqualsToken or SyntaxKind.CaretEqualsToken
                or SyntaxKind.LessThanLessThanEqualsToken or SyntaxKind.GreaterThanGreaterThanEqualsToken or SyntaxKind.StarStarEqualsToken
                or SyntaxKind.SlashSlashEqualsToken or SyntaxKind.AtEqualsToken:
            {
                var target = IsSingleTarget(first)
                    ? first
                    : WithError(first, $"'{DescribeForError(first)}' is an illegal expression for augmented assignment");
                var op = Eat();
                var value = ParseStarExpressionsOrYield();
                return Finish(SyntaxKind.AugmentedAssignmentStatement, target, op, value);
            }
            default:
                if (!AtSimpleStatementEnd() && first.Kind == SyntaxKind.NameExpression && CanStartExpression(CurrentKind)
                    && CurrentKind is not (SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken))
                {
                    var name = ((GreenToken)first.GetSlot(0)!).Text;
                    if (name is "print" or "exec")
                    {
                        SkipToEndOfLine($"Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
                    }
                }
                first = WarnPython2Print(first);
                return Finish(SyntaxKind.ExpressionStatement, first);
        }
    }

    private static bool IsSingleTarget(GreenNode e) => e.Kind switch
    {
        SyntaxKind.NameExpression or SyntaxKind.AttributeExpression or SyntaxKind.SubscriptExpression => true,
        SyntaxKind.ParenthesizedExpression => IsSingleTarget(e.GetSlot(1)!),
        _ => false,
    };

    /// <summary><c>print &gt;&gt;f, x</c> is valid Python 3 syntax but always a Python 2 leftover: a warning.</summary>
    private static GreenNode WarnPython2Print(GreenNode expr)
    {
        var head = expr.Kind == SyntaxKind.TupleExpression && expr.GetSlot(1)!.SlotCount > 0 ? expr.GetSlot(1)!.GetSlot(0)! : expr;
        if (head.Kind == SyntaxKind.BinaryExpression && head.GetSlot(1)!.Kind == SyntaxKind.GreaterThanGreaterThanToken
            && head.GetSlot(0)!.Kind == SyntaxKind.NameExpression && ((GreenToken)head.GetSlot(0)!.GetSlot(0)!).Text == "print")
        {
            return WithError(expr, "Python 2 'print >>file' statement: use print(..., file=file)", warning: true);
        }
        return expr;
    }

    private GreenNode ParseImport()
    {
        var kw = Eat();
        var names = RentList();
        while (true)
        {
            var dotted = ParseDottedName();
            GreenNode? asKw = null, alias = null;
            if (CurrentKind == SyntaxKind.AsKeyword)
            {
                asKw = Eat();
                alias = Expect(SyntaxKind.IdentifierToken);
            }
            names.Add(Node(SyntaxKind.ImportAlias, dotted, asKw, alias));
            if (CurrentKind != SyntaxKind.CommaToken) break;
            names.Add(Eat());
        }
        return Finish(SyntaxKind.ImportStatement, kw, List(names));
    }

    private GreenNode ParseDottedName()
    {
        var parts = RentList(Expect(SyntaxKind.IdentifierToken));
        while (CurrentKind == SyntaxKind.DotToken)
        {
            parts.Add(Eat());
            parts.Add(Expect(SyntaxKind.IdentifierToken));
        }
        return Node(SyntaxKind.DottedName, List(parts));
    }

    private GreenNode ParseFromImport()
    {
        var from = Eat();
        var dots = RentList();
        while (CurrentKind is SyntaxKind.DotToken or SyntaxKind.DotDotDotToken) dots.Add(Eat());
        GreenNode? module = null;
        if (CurrentKind != SyntaxKind.ImportKeyword || dots.Count == 0) module = ParseDottedName();
        var import = Expect(SyntaxKind.ImportKeyword);
        GreenNode? open = null, close = null;
        var names = RentList();
        if (CurrentKind == SyntaxKind.StarToken)
        {
            names.Add(Eat());
        }
        else
        {
            open = TryEat(SyntaxKind.OpenParenToken);
            while (true)
            {
                var name = Node(SyntaxKind.DottedName, List(Expect(SyntaxKind.IdentifierToken)));
                GreenNode? asKw = null, alias = null;
                if (CurrentKind == SyntaxKind.AsKeyword)
                {
                    asKw = Eat();
                    alias = Expect(SyntaxKind.IdentifierToken);
                }
                names.Add(Node(SyntaxKind.ImportAlias, name, asKw, alias));
                if (CurrentKind != SyntaxKind.CommaToken) break;
                var comma = Eat();
                names.Add(comma);
                if (open is not null && CurrentKind == SyntaxKind.CloseParenToken) break;
                if (open is null && AtSimpleStatementEnd())
                {
                    names[^1] = WithError(comma, "trailing comma not allowed without surrounding parentheses");
                    break;
                }
            }
            if (open is not null) close = Expect(SyntaxKind.CloseParenToken);
        }
        return Finish(SyntaxKind.FromImportStatement, from, List(dots), module, import, open, List(names), close);
    }

    private GreenNode ParseTypeAlias()
    {
        var kw = EatKind(SyntaxKind.IdentifierToken);
        var name = Eat();
        var typeParams = CurrentKind == SyntaxKind.OpenBracketToken ? ParseTypeParameterList() : null;
        var eq = Expect(SyntaxKind.EqualsToken);
        var value = ParseExpression();
        return Finish(SyntaxKind.TypeAliasStatement, kw, name, typeParams, eq, value);
    }

    // ---------------- Blocks ----------------

    /// <summary>Parses ':' is done by the caller; this parses the suite after it.</summary>
    private GreenNode ParseBlock(string owner)
    {
        if (CurrentKind != SyntaxKind.NewLineToken)
        {
            // Simple statements on the same line: `if x: a; b`.
            if (CurrentKind is SyntaxKind.EndOfFileToken or SyntaxKind.DedentToken or SyntaxKind.IndentToken)
            {
                var missing = Missing(SyntaxKind.IndentToken, $"expected an indented block after {owner}");
                return Node(SyntaxKind.Block, null, missing, EmptyList, null);
            }
            var inline = RentList();
            while (true)
            {
                var s = ParseSimpleStatement();
                inline.Add(s);
                if (s.GetSlot(s.SlotCount - 1) is not null) break; // ended by NEWLINE
                if (CurrentKind is SyntaxKind.EndOfFileToken or SyntaxKind.DedentToken or SyntaxKind.IndentToken) break;
            }
            return Node(SyntaxKind.Block, null, null, List(inline), null);
        }
        int blockStart = _buffer[_index].FullStart - _pendingWidth;
        var newline = Eat();
        if (CurrentKind != SyntaxKind.IndentToken)
        {
            var missing = Missing(SyntaxKind.IndentToken, $"expected an indented block after {owner}");
            return Node(SyntaxKind.Block, newline, missing, EmptyList, null);
        }
        var blockIndent = _buffer[_index].Indent;
        var indent = Eat();
        var statements = RentList();
        if (!EnterDepth())
        {
            ExitDepth();
            SkipNestedBlock();
            var dedentTooDeep = CurrentKind == SyntaxKind.DedentToken ? Eat() : Missing(SyntaxKind.DedentToken, "too many levels of indentation");
            return Node(SyntaxKind.Block, newline, indent, EmptyList, dedentTooDeep);
        }
        // The block structure's level for this block, taken from the tokenizer's INDENT and checked below against
        // the first statement's position (which is what incremental reuse will measure).
        var outer = _structuralIndent;
        _structuralIndent = ReferenceEquals(blockIndent.Parent, outer) ? blockIndent : outer.Child(blockIndent.Column, blockIndent.AltColumn);
        while (true)
        {
            if (statements.Count > 0 && TryReuseAtLineStart() is { } reused)
            {
                statements.Add(reused);
                continue;
            }
            if (CurrentKind is SyntaxKind.DedentToken or SyntaxKind.EndOfFileToken) break;
            if (CurrentKind == SyntaxKind.IndentToken)
            {
                SkipUnexpectedIndent();
                continue;
            }
            if (statements.Count > 0)
            {
                statements.Add(ParseStatementOrReuse());
                continue;
            }
            var first = ParseStatementOrReuse(out var recordIndent);
            var (column, altColumn) = StatementIndentTable.BlockIndentation(_lexer.Text, blockStart + newline.FullWidth + indent.FullWidth, first);
            if (column != _structuralIndent.Column || altColumn != _structuralIndent.AltColumn) StatementIndents.MarkUnreliable();
            if (recordIndent is not null) RecordStatementIndent(first, recordIndent);
            statements.Add(first);
        }
        _structuralIndent = outer;
        ExitDepth();
        var dedent = CurrentKind == SyntaxKind.DedentToken ? Eat() : Missing(SyntaxKind.DedentToken, "invalid syntax");
        return Node(SyntaxKind.Block, newline, indent, List(statements), dedent);
    }

    /// <summary>Too deeply nested: the block's content becomes skipped text up to its DEDENT.</summary>
    private void SkipNestedBlock()
    {
        int level = 0;
        bool first = true;
        while (CurrentKind != SyntaxKind.EndOfFileToken)
        {
            if (CurrentKind == SyntaxKind.IndentToken) level++;
            else if (CurrentKind == SyntaxKind.DedentToken)
            {
                if (level == 0) break;
                level--;
            }
            Skip(first ? "too many levels of indentation" : null);
            first = false;
        }
    }

    private static string LineOf(string keyword) => $"'{keyword}' statement";

    // ---------------- Compound statements ----------------

    private GreenNode ParseIf()
    {
        var kw = Eat();
        var test = ParseNamedExpression();
        var colon = Expect(SyntaxKind.ColonToken);
        var body = ParseBlock(LineOf("if"));
        var elifs = RentList();
        while (CurrentKind == SyntaxKind.ElifKeyword)
        {
            var ekw = Eat();
            var etest = ParseNamedExpression();
            var ecolon = Expect(SyntaxKind.ColonToken);
            elifs.Add(Node(SyntaxKind.ElifClause, ekw, etest, ecolon, ParseBlock("'elif' statement")));
        }
        return Node(SyntaxKind.IfStatement, kw, test, colon, body, List(elifs), ParseElse());
    }

    private GreenNode? ParseElse()
    {
        if (CurrentKind != SyntaxKind.ElseKeyword) return null;
        var kw = Eat();
        var colon = Expect(SyntaxKind.ColonToken);
        return Node(SyntaxKind.ElseClause, kw, colon, ParseBlock("'else' statement"));
    }

    private GreenNode ParseWhile()
    {
        var kw = Eat();
        var test = ParseNamedExpression();
        var colon = Expect(SyntaxKind.ColonToken);
        var body = ParseBlock(LineOf("while"));
        return Node(SyntaxKind.WhileStatement, kw, test, colon, body, ParseElse());
    }

    private GreenNode ParseFor(GreenNode? asyncKw)
    {
        var kw = Eat();
        var target = CheckTarget(ParseTargetList(), TargetKind.For);
        var inKw = Expect(SyntaxKind.InKeyword);
        var iter = ParseStarExpressions();
        var colon = Expect(SyntaxKind.ColonToken);
        var body = ParseBlock(LineOf("for"));
        return Node(SyntaxKind.ForStatement, asyncKw, kw, target, inKw, iter, colon, body, ParseElse());
    }

    private GreenNode ParseTry()
    {
        var kw = Eat();
        var colon = Expect(SyntaxKind.ColonToken);
        var body = ParseBlock(LineOf("try"));
        var handlers = RentList();
        bool? star = null;
        while (CurrentKind == SyntaxKind.ExceptKeyword)
        {
            var ekw = Eat();
            var starTok = TryEat(SyntaxKind.StarToken);
            GreenNode? type = null, asKw = null, name = null;
            if (CurrentKind != SyntaxKind.ColonToken)
            {
                type = ParseExpression();
                if (CurrentKind == SyntaxKind.CommaToken)
                {
                    // except A, B:  (Python 2 / missing parentheses)
                    var items = RentList(type);
                    while (CurrentKind == SyntaxKind.CommaToken)
                    {
                        items.Add(Eat());
                        if (CurrentKind is SyntaxKind.ColonToken or SyntaxKind.AsKeyword) break;
                        items.Add(ParseExpression());
                    }
                    type = WithError(Node(SyntaxKind.TupleExpression, null, List(items), null), "multiple exception types must be parenthesized");
                }
                if (CurrentKind == SyntaxKind.AsKeyword)
                {
                    asKw = Eat();
                    name = Expect(SyntaxKind.IdentifierToken);
                }
            }
            else if (starTok is not null)
            {
                type = MissingName("expected one or more exception types");
            }
            var ecolon = Expect(SyntaxKind.ColonToken);
            var handler = Node(SyntaxKind.ExceptClause, ekw, starTok, type, asKw, name, ecolon, ParseBlock("'except' statement"));
            if (star is not null && star != (starTok is not null))
            {
                handler = WithError(handler, "cannot have both 'except' and 'except*' on the same 'try'");
            }
            star ??= starTok is not null;
            handlers.Add(handler);
        }
        var orelse = ParseElse();
        GreenNode? fin = null;
        if (CurrentKind == SyntaxKind.FinallyKeyword)
        {
            var fkw = Eat();
            var fcolon = Expect(SyntaxKind.ColonToken);
            fin = Node(SyntaxKind.FinallyClause, fkw, fcolon, ParseBlock("'finally' statement"));
        }
        if (handlers.Count == 0 && fin is null)
        {
            var missing = Missing(SyntaxKind.ExceptKeyword, "expected 'except' or 'finally' block");
            fin = Node(SyntaxKind.FinallyClause, missing, null, Node(SyntaxKind.Block, null, null, EmptyList, null));
        }
        if (handlers.Count == 0 && orelse is not null)
        {
            orelse = WithError(orelse, "invalid syntax: 'else' without 'except'");
        }
        return Node(SyntaxKind.TryStatement, kw, colon, body, List(handlers), orelse, fin);
    }

    private GreenNode ParseWith(GreenNode? asyncKw)
    {
        var kw = Eat();
        GreenNode? open = null, close = null;
        var items = RentList();
        if (CurrentKind == SyntaxKind.OpenParenToken && ParenthesizedWithItemsFollow())
        {
            open = Eat();
            while (CurrentKind != SyntaxKind.CloseParenToken)
            {
                items.Add(ParseWithItem());
                if (CurrentKind != SyntaxKind.CommaToken) break;
                items.Add(Eat());
            }
            close = Expect(SyntaxKind.CloseParenToken);
        }
        else
        {
            while (true)
            {
                items.Add(ParseWithItem());
                if (CurrentKind != SyntaxKind.CommaToken) break;
                items.Add(Eat());
            }
        }
        var colon = Expect(SyntaxKind.ColonToken);
        var body = ParseBlock(LineOf("with"));
        return Node(SyntaxKind.WithStatement, asyncKw, kw, open, List(items), close, colon, body);
    }

    /// <summary>
    /// <c>with (a, b):</c> is two items (3.9+) but <c>with (a, b) as c:</c> and <c>with (a).x:</c> are one
    /// expression: the parenthesized form applies when the matching ')' is followed by ':' and the contents
    /// are not a single yield/generator.
    /// </summary>
    private bool ParenthesizedWithItemsFollow()
    {
        int depth = 0;
        for (int i = 0; ; i++)
        {
            var k = PeekKind(i);
            if (k is SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken) depth++;
            else if (k is SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken or SyntaxKind.CloseBraceToken)
            {
                depth--;
                if (depth == 0) return PeekKind(i + 1) == SyntaxKind.ColonToken && PeekKind(1) is not (SyntaxKind.YieldKeyword or SyntaxKind.CloseParenToken) && !IsGeneratorAt1(i);
            }
            else if (k is SyntaxKind.NewLineToken or SyntaxKind.EndOfFileToken) return false;
            else if (depth == 1 && k == SyntaxKind.ForKeyword) return false;
        }
    }

    private bool IsGeneratorAt1(int closeIndex)
    {
        _ = closeIndex;
        return false;
    }

    private GreenNode ParseWithItem()
    {
        var expr = ParseExpression();
        if (CurrentKind == SyntaxKind.AsKeyword)
        {
            var asKw = Eat();
            var target = CheckTarget(ParseTarget(), TargetKind.With);
            return Node(SyntaxKind.WithItem, expr, asKw, target);
        }
        return Node(SyntaxKind.WithItem, expr, null, null);
    }

    private GreenNode ParseDecorated()
    {
        var decorators = RentList();
        while (CurrentKind == SyntaxKind.AtToken)
        {
            var at = Eat();
            var expr = ParseNamedExpression();
            var nl = Expect(SyntaxKind.NewLineToken);
            if (nl.IsMissing) SkipToEndOfLine("invalid syntax");
            if (nl.IsMissing && CurrentKind == SyntaxKind.NewLineToken) nl = Eat();
            decorators.Add(Node(SyntaxKind.Decorator, at, expr, nl));
        }
        var list = List(decorators);
        switch (CurrentKind)
        {
            case SyntaxKind.DefKeyword: return ParseFunction(list, null);
            case SyntaxKind.ClassKeyword: return ParseClass(list);
            case SyntaxKind.AsyncKeyword when PeekKind(1) == SyntaxKind.DefKeyword: return ParseFunction(list, Eat());
            default:
                var def = Missing(SyntaxKind.DefKeyword, "invalid syntax: expected 'def' or 'class' after decorator");
                return Node(SyntaxKind.FunctionDefinition, list, null, def, Missing(SyntaxKind.IdentifierToken, "invalid syntax"),
                    null, Node(SyntaxKind.ParameterList, null, EmptyList, null), null, null, null,
                    Node(SyntaxKind.Block, null, null, EmptyList, null));
        }
    }

    private GreenNode ParseFunction(GreenNode decorators, GreenNode? asyncKw)
    {
        var def = Eat();
        var name = Expect(SyntaxKind.IdentifierToken);
        var typeParams = CurrentKind == SyntaxKind.OpenBracketToken ? ParseTypeParameterList() : null;
        GreenNode parameters;
        if (CurrentKind == SyntaxKind.OpenParenToken)
        {
            var open = Eat();
            var items = ParseParameters(SyntaxKind.CloseParenToken, allowAnnotations: true);
            var close = Expect(SyntaxKind.CloseParenToken);
            parameters = Node(SyntaxKind.ParameterList, open, items, close);
        }
        else
        {
            parameters = Node(SyntaxKind.ParameterList, Missing(SyntaxKind.OpenParenToken, "invalid syntax: expected '('"), EmptyList, Missing(SyntaxKind.CloseParenToken, "invalid syntax"));
        }
        GreenNode? arrow = null, returns = null;
        if (CurrentKind == SyntaxKind.MinusGreaterThanToken)
        {
            arrow = Eat();
            returns = ParseExpression();
        }
        var colon = Expect(SyntaxKind.ColonToken);
        var body = ParseBlock("function definition");
        return Node(SyntaxKind.FunctionDefinition, decorators, asyncKw, def, name, typeParams, parameters, arrow, returns, colon, body);
    }

    private GreenNode ParseClass(GreenNode decorators)
    {
        var kw = Eat();
        var name = Expect(SyntaxKind.IdentifierToken);
        var typeParams = CurrentKind == SyntaxKind.OpenBracketToken ? ParseTypeParameterList() : null;
        var args = CurrentKind == SyntaxKind.OpenParenToken ? ParseArgumentList() : null;
        var colon = Expect(SyntaxKind.ColonToken);
        var body = ParseBlock("class definition");
        return Node(SyntaxKind.ClassDefinition, decorators, kw, name, typeParams, args, colon, body);
    }

    private GreenNode ParseTypeParameterList()
    {
        var open = Eat();
        var items = RentList();
        while (CurrentKind != SyntaxKind.CloseBracketToken)
        {
            var star = CurrentKind is SyntaxKind.StarToken or SyntaxKind.StarStarToken ? Eat() : null;
            var name = Expect(SyntaxKind.IdentifierToken);
            GreenNode? colon = null, bound = null, eq = null, dflt = null;
            if (CurrentKind == SyntaxKind.ColonToken)
            {
                colon = Eat();
                bound = ParseExpression();
            }
            if (CurrentKind == SyntaxKind.EqualsToken)
            {
                eq = Eat();
                dflt = star is not null && star.Kind == SyntaxKind.StarToken && CurrentKind == SyntaxKind.StarToken ? ParseStarredExpression() : ParseExpression();
            }
            items.Add(Node(SyntaxKind.TypeParameter, star, name, colon, bound, eq, dflt));
            if (CurrentKind != SyntaxKind.CommaToken) break;
            items.Add(Eat());
        }
        var close = Expect(SyntaxKind.CloseBracketToken);
        return Node(SyntaxKind.TypeParameterList, open, List(items), close);
    }

    /// <summary>Parameters of a def (with annotations) or lambda, validating their order like CPython.</summary>
    private GreenNode ParseParameters(SyntaxKind terminator, bool allowAnnotations)
    {
        var items = RentList();
        bool seenDefault = false, seenStar = false, seenDoubleStar = false, seenSlash = false;
        bool bareStar = false;
        while (CurrentKind != terminator && CurrentKind is not (SyntaxKind.NewLineToken or SyntaxKind.EndOfFileToken))
        {
            if (seenDoubleStar)
            {
                _pendingDiagnostics ??= new List<GreenDiagnostic>();
                SkipOne("arguments cannot follow var-keyword argument");
                continue;
            }
            GreenNode item;
            if (CurrentKind == SyntaxKind.SlashToken)
            {
                item = Node(SyntaxKind.PositionalOnlySeparator, Eat());
                if (seenSlash) item = WithError(item, "/ may appear only once");
                else if (seenStar) item = WithError(item, "/ must be ahead of *");
                else if (items.Count == 0) item = WithError(item, "at least one argument must precede /");
                seenSlash = true;
            }
            else
            {
                GreenNode? star = null;
                if (CurrentKind is SyntaxKind.StarToken or SyntaxKind.StarStarToken) star = Eat();
                GreenNode? name = null;
                if (star is null || star.Kind == SyntaxKind.StarStarToken || CurrentKind == SyntaxKind.IdentifierToken) name = Expect(SyntaxKind.IdentifierToken);
                GreenNode? colon = null, annotation = null, eq = null, dflt = null;
                if (allowAnnotations && CurrentKind == SyntaxKind.ColonToken && name is not null)
                {
                    colon = Eat();
                    annotation = star?.Kind == SyntaxKind.StarToken && CurrentKind == SyntaxKind.StarToken ? ParseStarredExpression() : ParseExpression();
                }
                if (CurrentKind == SyntaxKind.EqualsToken)
                {
                    eq = Eat();
                    dflt = ParseExpression();
                }
                item = Node(SyntaxKind.Parameter, star, name, colon, annotation, eq, dflt);
                if (star is null)
                {
                    if (dflt is not null) seenDefault = true;
                    else if (seenDefault && !seenStar) item = WithError(item, "non-default argument follows default argument");
                    bareStar = false;
                }
                else if (star.Kind == SyntaxKind.StarToken)
                {
                    if (seenStar) item = WithError(item, "* argument may appear only once");
                    else if (dflt is not null) item = WithError(item, "var-positional argument cannot have default value");
                    seenStar = true;
                    bareStar = name is null;
                }
                else
                {
                    if (dflt is not null) item = WithError(item, "var-keyword argument cannot have default value");
                    if (bareStar) item = WithError(item, "named arguments must follow bare *");
                    seenDoubleStar = true;
                    bareStar = false;
                }
            }
            items.Add(item);
            if (CurrentKind != SyntaxKind.CommaToken)
            {
                break;
            }
            items.Add(Eat());
        }
        if (bareStar)
        {
            int idx = items.Count - 1;
            while (idx >= 0 && items[idx].IsToken) idx--;
            if (idx >= 0) items[idx] = WithError(items[idx], "named arguments must follow bare *");
        }
        return List(items);
    }

    private void SkipOne(string message) => Skip(message);

    // ---------------- match ----------------

    /// <summary>`match` is a soft keyword: a statement only if the line looks like `match subject:` NEWLINE.</summary>
    private bool LooksLikeMatchStatement()
    {
        var next = PeekKind(1);
        if (next is SyntaxKind.EqualsToken or SyntaxKind.DotToken or SyntaxKind.NewLineToken or SyntaxKind.ColonToken
            or SyntaxKind.CommaToken or SyntaxKind.CloseParenToken or SyntaxKind.SemicolonToken or SyntaxKind.EndOfFileToken) return false;
        if (IsBinaryOperatorToken(next) && next is not (SyntaxKind.MinusToken or SyntaxKind.StarToken or SyntaxKind.TildeToken or SyntaxKind.PlusToken)) return false;
        if (next is SyntaxKind.PlusEqualsToken or SyntaxKind.MinusEqualsToken or SyntaxKind.StarEqualsToken or SyntaxKind.SlashEqualsToken
            or SyntaxKind.PercentEqualsToken or SyntaxKind.AmpersandEqualsToken or SyntaxKind.BarEqualsToken or SyntaxKind.CaretEqualsToken
            or SyntaxKind.LessThanLessThanEqualsToken or SyntaxKind.GreaterThanGreaterThanEqualsToken or SyntaxKind.StarStarEqualsToken
            or SyntaxKind.SlashSlashEqualsToken or SyntaxKind.AtEqualsToken or SyntaxKind.InKeyword or SyntaxKind.IsKeyword
            or SyntaxKind.AndKeyword or SyntaxKind.OrKeyword or SyntaxKind.IfKeyword or SyntaxKind.ForKeyword) return false;
        // Find the ':' that ends the line at bracket depth 0, followed by NEWLINE.
        int depth = 0;
        for (int i = 1; ; i++)
        {
            var k = PeekKind(i);
            switch (k)
            {
                case SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken: depth++; break;
                case SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken or SyntaxKind.CloseBraceToken: depth--; break;
                case SyntaxKind.NewLineToken or SyntaxKind.EndOfFileToken or SyntaxKind.IndentToken or SyntaxKind.DedentToken: return false;
                case SyntaxKind.EqualsToken when depth == 0: return false;
                case SyntaxKind.ColonToken when depth == 0: return PeekKind(i + 1) == SyntaxKind.NewLineToken;
            }
            if (i > 10000) return false;
        }
    }

    private GreenNode ParseMatch()
    {
        var kw = EatKind(SyntaxKind.IdentifierToken);
        var subject = ParseStarNamedExpressions();
        var colon = Expect(SyntaxKind.ColonToken);
        var nl = Expect(SyntaxKind.NewLineToken);
        GreenNode indent;
        var cases = RentList();
        if (CurrentKind != SyntaxKind.IndentToken)
        {
            indent = Missing(SyntaxKind.IndentToken, "expected an indented block after 'match' statement");
            return Node(SyntaxKind.MatchStatement, kw, subject, colon, nl, indent, EmptyList, null);
        }
        indent = Eat();
        while (CurrentKind is not (SyntaxKind.DedentToken or SyntaxKind.EndOfFileToken))
        {
            if (IsCurrentSoftKeyword("case"))
            {
                var ckw = EatKind(SyntaxKind.IdentifierToken);
                var pattern = ParsePatternTop();
                GreenNode? ifKw = null, guard = null;
                if (CurrentKind == SyntaxKind.IfKeyword)
                {
                    ifKw = Eat();
                    guard = ParseNamedExpression();
                }
                var ccolon = Expect(SyntaxKind.ColonToken);
                cases.Add(Node(SyntaxKind.CaseClause, ckw, pattern, ifKw, guard, ccolon, ParseBlock("'case' statement")));
            }
            else
            {
                // Not a case clause: report and skip the line.
                SkipToEndOfLine("invalid syntax: expected 'case'");
                if (CurrentKind == SyntaxKind.NewLineToken) Skip(null);
                if (CurrentKind == SyntaxKind.IndentToken) SkipNestedBlockAfterIndent();
            }
        }
        var dedent = CurrentKind == SyntaxKind.DedentToken ? Eat() : Missing(SyntaxKind.DedentToken, "invalid syntax");
        if (cases.Count == 0) dedent = WithError(dedent, "invalid syntax: expected 'case'") as GreenToken ?? dedent;
        return Node(SyntaxKind.MatchStatement, kw, subject, colon, nl, indent, List(cases), dedent);
    }

    private void SkipNestedBlockAfterIndent()
    {
        Skip(null);
        SkipNestedBlock();
        if (CurrentKind == SyntaxKind.DedentToken) Skip(null);
    }

    /// <summary>Stack room for the slots of a node (up to ten) or of a simple statement (at most seven parts plus ';' and NEWLINE).</summary>
    [System.Runtime.CompilerServices.InlineArray(12)]
    private struct SlotBuffer
    {
        private GreenNode? _element;
    }

    /// <summary>
    /// The buffer as a span, built by hand: the compiler's conversion (<c>InlineArrayAsReadOnlySpan</c>) was one of the
    /// methods ReadyToRun left to the JIT, and was called instead of inlined.
    /// </summary>
    private static Span<GreenNode?> AsSpan(ref SlotBuffer buffer) =>
        System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref System.Runtime.CompilerServices.Unsafe.As<SlotBuffer, GreenNode?>(ref buffer), 12);
}

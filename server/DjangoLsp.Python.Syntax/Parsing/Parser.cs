using System.Runtime.CompilerServices;
using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax.Parsing;

/// <summary>
/// Recursive-descent parser for the full Python 3.8–3.14 grammar with error recovery: missing tokens are
/// inserted (zero width, with a diagnostic), unexpected tokens become skipped-token trivia, and a broken
/// statement ends at its NEWLINE. Token infrastructure and recovery live here; grammar in the other parts.
/// </summary>
internal sealed partial class Parser
{
    internal const int MaxDepth = 200;

    private readonly Lexer _lexer;

    /// <summary>A lexed token with what incremental reuse needs to know about where it was lexed.</summary>
    private struct BufferedToken
    {
        public GreenToken Token;
        public IndentLevel Indent;
        public int FullStart;
        public bool StartsLine;
    }

    // Sliding window of lexed tokens: [0, _index) are consumed and may be discarded, [_index, _count) is
    // lookahead. Consumed tokens are dropped when the window is full, so the buffer stays small (one per
    // parser) instead of holding every token of the file.
    private BufferedToken[] _buffer = new BufferedToken[32];
    private int _count;
    private int _lexedEnd;
    private int _index;
    private readonly LocalList<GreenTrivia> _pendingSkipped = new(); // LocalList: its Count, read per token, is inlined in ReadyToRun code
    private List<GreenDiagnostic>? _pendingDiagnostics;
    private int _pendingWidth;
    private int _depth;

    /// <summary>The indentation stack implied by the enclosing indented blocks (see <see cref="StatementIndentTable"/>).</summary>
    private IndentLevel _structuralIndent = IndentLevel.Root;
    private readonly IncrementalReuse? _reuse;

    public Parser(string text, IncrementalReuse? reuse = null)
    {
        _lexer = new Lexer(text);
        _reuse = reuse;
        StatementIndents = reuse?.StatementIndents ?? StatementIndentTable.CreateForFullParse();
    }

    /// <summary>
    /// The tokenizer's indentation stack at the first token of each statement that starts a line (for incremental
    /// reuse). Green nodes are immutable and only reused under an identical stack, so the table is shared by all
    /// versions that descend from one full parse.
    /// </summary>
    public StatementIndentTable StatementIndents { get; }

    /// <summary>Number of green nodes taken over from the old tree (incremental parsing).</summary>
    public int ReusedNodeCount { get; private set; }

    // ---------------- Token buffer ----------------

    /// <summary>
    /// The token at <see cref="_index"/> once lexed, or null after the index moved or the lookahead was dropped: the
    /// grammar asks for the current kind several times per token, and this spares the window arithmetic each time.
    /// </summary>
    private GreenToken? _current;

    private GreenToken Current => _current ?? LoadCurrent();

    private SyntaxKind CurrentKind => (_current ?? LoadCurrent()).Kind;

    private GreenToken LoadCurrent() => _current = Peek(0);

    /// <summary>Moves past the current token.</summary>
    private void Advance()
    {
        int i = ++_index;
        _current = i < _count ? _buffer[i].Token : null;
    }

    private GreenToken Peek(int n)
    {
        int i = _index + n;
        if (i < _count) return _buffer[i].Token;
        return LexUntil(i);
    }

    private GreenToken LexUntil(int i)
    {
        while (i >= _count)
        {
            if (_count == _buffer.Length)
            {
                if (_index > 0)
                {
                    // Drop consumed tokens instead of growing.
                    Array.Copy(_buffer, _index, _buffer, 0, _count - _index);
                    Array.Clear(_buffer, _count - _index, _index);
                    _count -= _index;
                    i -= _index;
                    _index = 0;
                }
                else
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }
            }
            var token = _lexer.Next();
            ref var slot = ref _buffer[_count++];
            slot.Token = token;
            slot.Indent = _lexer.Indent;
            slot.FullStart = _lexedEnd;
            slot.StartsLine = _lexer.TokenStartsLine;
            _lexedEnd += token.FullWidth;
        }
        return _buffer[i].Token;
    }

    /// <summary>Discards the lookahead from the current token on (incremental reuse resumes lexing elsewhere).</summary>
    private void DiscardLookahead()
    {
        Array.Clear(_buffer, _index, _count - _index);
        _count = _index;
        _current = null;
    }

    private SyntaxKind PeekKind(int n) => Peek(n).Kind;

    private bool IsCurrentSoftKeyword(string text) => CurrentKind == SyntaxKind.IdentifierToken && Current.Text == text;

    private GreenToken Eat()
    {
        var token = Current;
        Advance();
        if (_pendingSkipped.Count > 0 || _pendingDiagnostics is { Count: > 0 })
        {
            token = AttachPending(token);
        }
        return token;
    }

    private GreenToken AttachPending(GreenToken token)
    {
        var leading = new GreenTrivia[_pendingSkipped.Count + token.LeadingTrivia.Length];
        _pendingSkipped.CopyTo(leading);
        token.LeadingTrivia.CopyTo(leading, _pendingSkipped.Count);
        List<GreenDiagnostic> diags = _pendingDiagnostics ?? new List<GreenDiagnostic>();
        if (token.Diagnostics is not null)
        {
            foreach (var d in token.Diagnostics) diags.Add(d with { Offset = d.Offset + _pendingWidth });
        }
        _pendingSkipped.Clear();
        _pendingDiagnostics = null;
        _pendingWidth = 0;
        return token.WithLeadingTrivia(leading, diags.Count == 0 ? null : diags.ToArray());
    }

    private GreenToken EatKind(SyntaxKind kind)
    {
        var t = Eat();
        return t.Kind == kind ? t : new GreenToken(kind, t.Text, t.LeadingTrivia, t.TrailingTrivia, t.IsMissing, t.Diagnostics);
    }

    private GreenToken? TryEat(SyntaxKind kind) => CurrentKind == kind ? Eat() : null;

    private GreenToken Expect(SyntaxKind kind)
    {
        if (CurrentKind == kind) return Eat();
        return Missing(kind, ExpectedMessage(kind));
    }

    private static string ExpectedMessage(SyntaxKind kind) => kind switch
    {
        SyntaxKind.ColonToken => "expected ':'",
        SyntaxKind.CloseParenToken => "expected ')'",
        SyntaxKind.CloseBracketToken => "expected ']'",
        SyntaxKind.CloseBraceToken => "expected '}'",
        SyntaxKind.IdentifierToken => "invalid syntax: expected a name",
        SyntaxKind.NewLineToken => "invalid syntax",
        SyntaxKind.IndentToken => "expected an indented block",
        SyntaxKind.InKeyword => "invalid syntax: expected 'in'",
        SyntaxKind.ImportKeyword => "invalid syntax: expected 'import'",
        SyntaxKind.EqualsToken => "invalid syntax: expected '='",
        _ => "invalid syntax",
    };

    /// <summary>A zero-width token the grammar needs; the diagnostic points at the unexpected current token.</summary>
    private GreenToken Missing(SyntaxKind kind, string message)
    {
        var cur = Current;
        int offset = _pendingWidth + cur.LeadingTriviaWidth;
        int width = cur.Text.Length;
        if (cur.Kind == SyntaxKind.NewLineToken || cur.Kind == SyntaxKind.EndOfFileToken || cur.Kind == SyntaxKind.DedentToken || cur.Kind == SyntaxKind.IndentToken)
        {
            width = 0;
        }
        return new GreenToken(kind, "", GreenToken.NoTrivia, GreenToken.NoTrivia, isMissing: true,
            diagnostics: [new GreenDiagnostic(offset, width, message)]);
    }

    private GreenNode MissingName(string message = "invalid syntax") =>
        Node(SyntaxKind.NameExpression, Missing(SyntaxKind.IdentifierToken, message));

    /// <summary>Turns the current token into skipped trivia for the next token that is eaten.</summary>
    private void Skip(string? message)
    {
        var token = Current;
        Advance();
        int tokenStart = _pendingWidth;
        if (token.Diagnostics is not null)
        {
            _pendingDiagnostics ??= new List<GreenDiagnostic>();
            foreach (var d in token.Diagnostics) _pendingDiagnostics.Add(d with { Offset = d.Offset + tokenStart });
        }
        if (message is not null && (_pendingDiagnostics is null || _pendingDiagnostics.Count == 0 || token.Diagnostics is null))
        {
            _pendingDiagnostics ??= new List<GreenDiagnostic>();
            _pendingDiagnostics.Add(new GreenDiagnostic(tokenStart + token.LeadingTriviaWidth, token.Text.Length, message));
        }
        foreach (var t in token.LeadingTrivia) _pendingSkipped.Add(t);
        if (token.Text.Length > 0) _pendingSkipped.Add(new GreenTrivia(SyntaxKind.SkippedTokensTrivia, token.Text));
        foreach (var t in token.TrailingTrivia) _pendingSkipped.Add(t);
        _pendingWidth += token.FullWidth;
    }

    /// <summary>Skips to the end of the logical line (not past NEWLINE/EOF); the first skipped token gets <paramref name="message"/>.</summary>
    private void SkipToEndOfLine(string message)
    {
        bool first = true;
        while (CurrentKind is not (SyntaxKind.NewLineToken or SyntaxKind.EndOfFileToken))
        {
            if (CurrentKind is SyntaxKind.IndentToken or SyntaxKind.DedentToken)
            {
                // Cannot happen inside a logical line; stop to keep the block structure.
                break;
            }
            Skip(first ? message : null);
            first = false;
        }
    }

    // ---------------- Node construction ----------------

    private static GreenNode Node(SyntaxKind kind, params ReadOnlySpan<GreenNode?> slots) => GreenInternalNode.Create(kind, slots);

    // Fixed arities (preferred by overload resolution over the params form): no span to build and walk.
    private static GreenNode Node(SyntaxKind kind, GreenNode? child0) => GreenInternalNode.Create(kind, child0);

    private static GreenNode Node(SyntaxKind kind, GreenNode? child0, GreenNode? child1) => GreenInternalNode.Create(kind, child0, child1);

    private static GreenNode Node(SyntaxKind kind, GreenNode? child0, GreenNode? child1, GreenNode? child2) => GreenInternalNode.Create(kind, child0, child1, child2);

    private static GreenNode Node(SyntaxKind kind, GreenNode? child0, GreenNode? child1, GreenNode? child2, GreenNode? child3) =>
        GreenInternalNode.Create(kind, child0, child1, child2, child3);

    // Five to ten slots: the slots go to a stack buffer of this assembly's own. A `params ReadOnlySpan` call with two or
    // more arguments stores them in CoreLib's InlineArrayN<T>, whose element accessors ReadyToRun cannot precompile for
    // another assembly: they were JIT-compiled at start-up and called (not inlined) once per argument.
    private static GreenNode Node(SyntaxKind kind, GreenNode? child0, GreenNode? child1, GreenNode? child2, GreenNode? child3, GreenNode? child4)
    {
        var buffer = new SlotBuffer();
        buffer[0] = child0; buffer[1] = child1; buffer[2] = child2; buffer[3] = child3; buffer[4] = child4;
        return GreenInternalNode.Create(kind, AsSpan(ref buffer)[..5]);
    }

    private static GreenNode Node(SyntaxKind kind, GreenNode? child0, GreenNode? child1, GreenNode? child2, GreenNode? child3, GreenNode? child4, GreenNode? child5)
    {
        var buffer = new SlotBuffer();
        buffer[0] = child0; buffer[1] = child1; buffer[2] = child2; buffer[3] = child3; buffer[4] = child4; buffer[5] = child5;
        return GreenInternalNode.Create(kind, AsSpan(ref buffer)[..6]);
    }

    private static GreenNode Node(SyntaxKind kind, GreenNode? child0, GreenNode? child1, GreenNode? child2, GreenNode? child3, GreenNode? child4, GreenNode? child5,
        GreenNode? child6)
    {
        var buffer = new SlotBuffer();
        buffer[0] = child0; buffer[1] = child1; buffer[2] = child2; buffer[3] = child3; buffer[4] = child4; buffer[5] = child5; buffer[6] = child6;
        return GreenInternalNode.Create(kind, AsSpan(ref buffer)[..7]);
    }

    private static GreenNode Node(SyntaxKind kind, GreenNode? child0, GreenNode? child1, GreenNode? child2, GreenNode? child3, GreenNode? child4, GreenNode? child5,
        GreenNode? child6, GreenNode? child7)
    {
        var buffer = new SlotBuffer();
        buffer[0] = child0; buffer[1] = child1; buffer[2] = child2; buffer[3] = child3; buffer[4] = child4; buffer[5] = child5; buffer[6] = child6;
        buffer[7] = child7;
        return GreenInternalNode.Create(kind, AsSpan(ref buffer)[..8]);
    }

    private static GreenNode Node(SyntaxKind kind, GreenNode? child0, GreenNode? child1, GreenNode? child2, GreenNode? child3, GreenNode? child4, GreenNode? child5,
        GreenNode? child6, GreenNode? child7, GreenNode? child8)
    {
        var buffer = new SlotBuffer();
        buffer[0] = child0; buffer[1] = child1; buffer[2] = child2; buffer[3] = child3; buffer[4] = child4; buffer[5] = child5; buffer[6] = child6;
        buffer[7] = child7; buffer[8] = child8;
        return GreenInternalNode.Create(kind, AsSpan(ref buffer)[..9]);
    }

    private static GreenNode Node(SyntaxKind kind, GreenNode? child0, GreenNode? child1, GreenNode? child2, GreenNode? child3, GreenNode? child4, GreenNode? child5,
        GreenNode? child6, GreenNode? child7, GreenNode? child8, GreenNode? child9)
    {
        var buffer = new SlotBuffer();
        buffer[0] = child0; buffer[1] = child1; buffer[2] = child2; buffer[3] = child3; buffer[4] = child4; buffer[5] = child5; buffer[6] = child6;
        buffer[7] = child7; buffer[8] = child8; buffer[9] = child9;
        return GreenInternalNode.Create(kind, AsSpan(ref buffer)[..10]);
    }

    /// <summary>A one-token expression (name, number, <c>None</c>…), shared with earlier ones for the same cached token.</summary>
    private GreenNode Wrap(SyntaxKind kind, GreenToken token) => _tokenCache.Wrap(kind, token);

    private readonly TokenCache _tokenCache = TokenCache.ForCurrentThread;

    private readonly LocalList<GreenListBuilder> _listPool = GreenListBuilder.PoolForCurrentThread;

    private GreenListBuilder RentList() => GreenListBuilder.Rent(_listPool);

    private GreenListBuilder RentList(GreenNode first)
    {
        var builder = GreenListBuilder.Rent(_listPool);
        builder.Add(first);
        return builder;
    }

    /// <summary>The list node for the builder's items; frees the builder.</summary>
    private GreenNode List(GreenListBuilder items)
    {
        var node = items.Count == 0 ? _emptyList : GreenInternalNode.Create(SyntaxKind.List, items.AsSpan());
        items.Free(_listPool);
        return node;
    }

    private static GreenNode List(GreenNode single) => GreenInternalNode.Create(SyntaxKind.List, single);

    private static readonly GreenNode s_emptyList = GreenInternalNode.Create(SyntaxKind.List, []);

    // Read through an instance field: in ReadyToRun code each read of a static field is a call to a helper stub.
    private readonly GreenNode _emptyList = s_emptyList;

    private GreenNode EmptyList => _emptyList;

    /// <summary>Adds a diagnostic covering the whole node (without its leading trivia).</summary>
    private static GreenNode WithError(GreenNode node, string message, bool warning = false)
    {
        int lead = node.LeadingTriviaWidth;
        int width = Math.Max(0, node.FullWidth - lead - node.TrailingTriviaWidth);
        var d = new GreenDiagnostic(lead, width, message, warning);
        var diags = node.Diagnostics is null ? new[] { d } : [.. node.Diagnostics, d];
        return node.WithDiagnostics(diags);
    }

    private bool EnterDepth()
    {
        _depth++;
        // The stack probe is only needed now and then: frames per level are bounded.
        return _depth <= MaxDepth && ((_depth & 15) != 0 || RuntimeHelpers.TryEnsureSufficientExecutionStack());
    }

    private void ExitDepth() => _depth--;

    /// <summary>Used when nesting is too deep: skips a balanced run of tokens and returns a placeholder expression.</summary>
    private GreenNode TooDeepExpression()
    {
        int balance = 0;
        bool first = true;
        while (CurrentKind != SyntaxKind.EndOfFileToken)
        {
            var k = CurrentKind;
            if (k is SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken) balance++;
            else if (k is SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken or SyntaxKind.CloseBraceToken)
            {
                if (balance == 0) break;
                balance--;
            }
            else if (balance == 0 && k is SyntaxKind.NewLineToken or SyntaxKind.CommaToken or SyntaxKind.ColonToken) break;
            else if (k is SyntaxKind.NewLineToken or SyntaxKind.IndentToken or SyntaxKind.DedentToken) break;
            Skip(first ? "too many nested parentheses" : null);
            first = false;
        }
        return first ? MissingName("too many nested parentheses") : Node(SyntaxKind.NameExpression, Missing(SyntaxKind.IdentifierToken, "too many nested parentheses"));
    }
}

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
    private readonly List<GreenToken> _tokens;
    private readonly List<IndentLevel> _tokenIndents;
    private readonly List<int> _tokenStarts;
    private readonly List<bool> _tokenStartsLine;
    private int _lexedEnd;
    private int _index;
    private readonly List<GreenTrivia> _pendingSkipped = new();
    private List<GreenDiagnostic>? _pendingDiagnostics;
    private int _pendingWidth;
    private int _depth;
    private readonly IncrementalReuse? _reuse;

    public Parser(string text, IncrementalReuse? reuse = null)
    {
        _lexer = new Lexer(text);
        _reuse = reuse;
        // A full parse keeps every token in the buffer: size it once (Python source has about one token per
        // six characters) instead of growing by doubling. An incremental parse lexes only near the edit.
        int capacity = reuse is null ? Math.Clamp(text.Length / 6, 64, 1 << 20) : 64;
        _tokens = new List<GreenToken>(capacity);
        _tokenIndents = new List<IndentLevel>(capacity);
        _tokenStarts = new List<int>(capacity);
        _tokenStartsLine = new List<bool>(capacity);
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

    private GreenToken Current => Peek(0);

    private SyntaxKind CurrentKind => Peek(0).Kind;

    private GreenToken Peek(int n)
    {
        while (_index + n >= _tokens.Count)
        {
            var token = _lexer.Next();
            _tokens.Add(token);
            _tokenIndents.Add(_lexer.Indent);
            _tokenStarts.Add(_lexedEnd);
            _tokenStartsLine.Add(_lexer.TokenStartsLine);
            _lexedEnd += token.FullWidth;
        }
        return _tokens[_index + n];
    }

    private SyntaxKind PeekKind(int n) => Peek(n).Kind;

    private bool IsCurrentSoftKeyword(string text) => CurrentKind == SyntaxKind.IdentifierToken && Current.Text == text;

    private GreenToken Eat()
    {
        var token = Current;
        _index++;
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
        _index++;
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

    private static GreenNode Node(SyntaxKind kind, params GreenNode?[] slots) => new GreenInternalNode(kind, slots);

    private static GreenNode List(List<GreenNode> items) => new GreenInternalNode(SyntaxKind.List, items.ToArray());

    private static readonly GreenNode s_emptyList = new GreenInternalNode(SyntaxKind.List, []);

    private static GreenNode EmptyList => s_emptyList;

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

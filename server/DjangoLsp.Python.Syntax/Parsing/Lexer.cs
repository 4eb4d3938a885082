using System.Buffers;
using System.Globalization;
using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax.Parsing;

/// <summary>
/// Hand-written Python 3.8–3.14 tokenizer producing green tokens with trivia. Emits NEWLINE, zero-width
/// INDENT/DEDENT, and PEP 701 structured f-string/t-string tokens. Never throws: problems become diagnostics
/// on the token they belong to.
/// </summary>
internal sealed partial class Lexer
{
    private enum ModeKind : byte { FString, Field, FormatSpec }

    private struct Mode
    {
        public ModeKind Kind;
        public char Quote;
        public bool Triple;
        public bool Raw;
        public int BracketBase;
    }

    private readonly string _text;
    private readonly int _end;
    private int _pos;
    private IndentLevel _indent;
    private bool _atLineStart;
    private bool _lineHasTokens;
    private int _pendingDedents;
    private bool _pendingIndent;
    private bool _emittedEof;
    private bool _forceNewline;
    private GreenTrivia[]? _stashedLeading;
    private List<GreenDiagnostic>? _stashedDiagnostics;
    private readonly LocalList<char> _brackets = new();
    private readonly LocalList<int> _bracketPositions = new();
    private readonly LocalList<Mode> _modes = new();
    private readonly LocalList<GreenTrivia> _trivia = new();
    // Shared arrays the lexer returns for most tokens, held in instance fields: in ReadyToRun code each read of
    // another class's static field is a call to a static-base helper stub, and these are read for nearly every token.
    private readonly GreenTrivia[] _noTrivia = GreenToken.NoTrivia;
    private readonly GreenTrivia[][] _spaceArrays = TriviaCache.SpaceArrays;
    private List<GreenDiagnostic>? _diagnostics;
    private int _tokenFullStart;
    private readonly StringCache _strings;

    public Lexer(string text, StringCache? strings = null)
    {
        _text = text;
        _end = text.Length;
        _indent = IndentLevel.Root;
        _atLineStart = true;
        _strings = strings ?? StringCache.ForCurrentThread;
    }

    public string Text => _text;

    /// <summary>True if the last token returned by <see cref="Next"/> begins a logical line (no bracket or f-string open before it).</summary>
    public bool TokenStartsLine { get; private set; }

    /// <summary>Position where the next token's leading trivia begins.</summary>
    public int Position => _pos;

    /// <summary>Indentation stack in effect for the most recently produced token.</summary>
    public IndentLevel Indent => _indent;

    /// <summary>True when no bracket or f-string is open and no INDENT/DEDENT is pending (a statement may start here).</summary>
    public bool IsAtCleanLineStart => _atLineStart && _brackets.Count == 0 && _modes.Count == 0 && _pendingDedents == 0 && !_pendingIndent && _stashedLeading is null;

    /// <summary>Restarts tokenizing at a line start with the given indentation stack (used by incremental reuse).</summary>
    public void ResetToLineStart(int position, IndentLevel indent)
    {
        _pos = position;
        _indent = indent;
        _atLineStart = true;
        _lineHasTokens = false;
        _pendingDedents = 0;
        _pendingIndent = false;
        _emittedEof = false;
        _forceNewline = false;
        _stashedLeading = null;
        _stashedDiagnostics = null;
        _brackets.Clear();
        _bracketPositions.Clear();
        _modes.Clear();
    }

    public GreenToken Next()
    {
        if (_pendingDedents > 0)
        {
            _pendingDedents--;
            return GreenToken.Dedent;
        }
        if (_pendingIndent)
        {
            _pendingIndent = false;
            return GreenToken.Indent;
        }

        GreenTrivia[] leading;
        TokenStartsLine = false;
        if (_stashedLeading is not null)
        {
            TokenStartsLine = true;
            leading = _stashedLeading;
            _diagnostics = _stashedDiagnostics;
            _stashedLeading = null;
            _stashedDiagnostics = null;
            _tokenFullStart = _pos - GreenToken.TriviaWidth(leading);
        }
        else
        {
            _diagnostics = null;
            _tokenFullStart = _pos;
            if (_modes.Count > 0 && _modes[^1].Kind != ModeKind.Field)
            {
                return LexFStringLiteral();
            }
            if (_atLineStart && _brackets.Count == 0 && _modes.Count == 0)
            {
                TokenStartsLine = true;
                leading = ScanLineStartTrivia();
                if (_pendingDedents > 0 || _pendingIndent)
                {
                    _stashedLeading = leading;
                    _stashedDiagnostics = _diagnostics;
                    _diagnostics = null;
                    return Next();
                }
            }
            else
            {
                leading = ScanInlineLeadingTrivia();
            }
        }

        return LexTokenAfterTrivia(leading);
    }

    private GreenToken LexTokenAfterTrivia(GreenTrivia[] leading)
    {
        int start = _pos;
        if (_pos >= _end)
        {
            return LexEndOfFile(leading);
        }

        if (_forceNewline)
        {
            _forceNewline = false;
            for (int i = 0; i < _brackets.Count; i++)
            {
                AddError(_bracketPositions[i], 1, $"'{_brackets[i]}' was never closed");
            }
            _brackets.Clear();
            _bracketPositions.Clear();
            _atLineStart = true;
            _lineHasTokens = false;
            return Make(SyntaxKind.NewLineToken, "", leading, _noTrivia);
        }
        char c = _text[_pos];
        if ((c == '\n' || c == '\r') && _modes.Count > 0)
        {
            return CloseUnterminatedFString(leading);
        }
        if (c == '\n' || c == '\r')
        {
            // Only reached outside brackets: end of a logical line.
            int len = (c == '\r' && _pos + 1 < _end && _text[_pos + 1] == '\n') ? 2 : 1;
            _pos += len;
            _atLineStart = true;
            _lineHasTokens = false;
            string nl = len == 2 ? "\r\n" : (c == '\n' ? "\n" : "\r");
            return Make(SyntaxKind.NewLineToken, nl, leading, _noTrivia);
        }

        _lineHasTokens = true;
        SyntaxKind kind;
        string text;
        if (IsIdentifierStart(c))
        {
            int idEnd = ScanIdentifierEnd(_pos);
            if (idEnd < _end && (_text[idEnd] == '"' || _text[idEnd] == '\'') && IsStringPrefix(_pos, idEnd, out bool isFormat, out bool isRaw))
            {
                if (isFormat)
                {
                    return LexFStringStart(leading, start, idEnd, isRaw);
                }
                _pos = idEnd;
                kind = SyntaxKind.StringToken;
                ScanStringBody(start, isRaw);
                text = _text.Substring(start, _pos - start);
            }
            else
            {
                _pos = idEnd;
                var trailingOfWord = ScanTrailingTrivia();
                if (_diagnostics is null)
                {
                    return _tokenCache.GetWord(_text, start, idEnd - start, leading, trailingOfWord, _strings);
                }
                text = _strings.Get(_text, start, idEnd - start, out kind);
                return Make(kind == SyntaxKind.None ? SyntaxKind.IdentifierToken : kind, text, leading, trailingOfWord);
            }
        }
        else if (c >= '0' && c <= '9' || (c == '.' && _pos + 1 < _end && IsDigit(_text[_pos + 1])))
        {
            ScanNumber();
            kind = SyntaxKind.NumberToken;
            text = _strings.Get(_text, start, _pos - start);
        }
        else if (c == '"' || c == '\'')
        {
            kind = SyntaxKind.StringToken;
            ScanStringBody(start, isRaw: false);
            text = _text.Substring(start, _pos - start);
        }
        else
        {
            kind = ScanOperator(out int len);
            if (kind == SyntaxKind.None)
            {
                // Unknown character (or a stray backslash): one code point, reported.
                len = char.IsHighSurrogate(c) && _pos + 1 < _end && char.IsLowSurrogate(_text[_pos + 1]) ? 2 : 1;
                kind = SyntaxKind.BadToken;
                if (c == '\\')
                {
                    AddError(_pos, 1, "unexpected character after line continuation character");
                }
                else
                {
                    AddError(_pos, len, c == '`' || c == '$' || c == '?' || c == '!'
                        ? "invalid syntax"
                        : $"invalid character '{_text.Substring(_pos, len)}' (U+{(len == 2 ? char.ConvertToUtf32(_text[_pos], _text[_pos + 1]) : c):X4})");
                }
            }
            text = OperatorText(kind) ?? _text.Substring(_pos, len);
            _pos += len;
            if (kind == SyntaxKind.CloseBraceToken && _modes.Count > 0 && _modes[^1].Kind == ModeKind.Field && _brackets.Count == _modes[^1].BracketBase)
            {
                // The '}' that closes a replacement field (not a dict/set brace inside it).
                _modes.RemoveAt(_modes.Count - 1);
            }
            else
            {
                TrackBrackets(kind, start);
            }
        }

        var trailing = ScanTrailingTrivia();
        return Make(kind, text, leading, trailing);
    }

    private GreenToken LexEndOfFile(GreenTrivia[] leading)
    {
        if (_modes.Count > 0)
        {
            // Inside an f-string replacement field: close the f-string.
            return CloseUnterminatedFString(leading);
        }
        if (_brackets.Count > 0)
        {
            // CPython reports an unclosed bracket at end of input on the bracket's line.
            for (int i = 0; i < _brackets.Count; i++) AddError(_bracketPositions[i], 1, $"'{_brackets[i]}' was never closed");
            _brackets.Clear();
            _bracketPositions.Clear();
        }
        if (_lineHasTokens && _brackets.Count == 0)
        {
            // CPython adds an implicit NEWLINE when the last line has no line end.
            _lineHasTokens = false;
            _atLineStart = true;
            return Make(SyntaxKind.NewLineToken, "", leading, _noTrivia);
        }
        if (_indent.Parent is not null && !_emittedEof)
        {
            int count = 0;
            for (var l = _indent; l.Parent is not null; l = l.Parent) count++;
            _indent = IndentLevel.Root;
            _pendingDedents = count - 1;
            _stashedLeading = leading;
            _stashedDiagnostics = _diagnostics;
            return GreenToken.Dedent;
        }
        _emittedEof = true;
        return Make(SyntaxKind.EndOfFileToken, "", leading, _noTrivia);
    }

    private GreenToken Make(SyntaxKind kind, string text, GreenTrivia[] leading, GreenTrivia[] trailing)
    {
        if (_diagnostics is null)
        {
            return _tokenCache.Get(kind, text, leading, trailing);
        }
        var diags = _diagnostics.ToArray();
        _diagnostics = null;
        return new GreenToken(kind, text, leading, trailing, false, diags);
    }

    private readonly TokenCache _tokenCache = TokenCache.ForCurrentThread;

    private void AddError(int position, int width, string message)
    {
        (_diagnostics ??= new List<GreenDiagnostic>()).Add(new GreenDiagnostic(position - _tokenFullStart, width, message));
    }

    // ---------------- Trivia ----------------

    /// <summary>
    /// At the start of a logical line: blank lines, comment lines and the indentation become leading trivia;
    /// the indentation of the first non-blank line decides INDENT/DEDENT.
    /// </summary>
    private GreenTrivia[] ScanLineStartTrivia()
    {
        if (_pos != 0)
        {
            // Fast path for the usual line: indentation made of spaces, then a token (no blank or comment line).
            int p = _pos;
            while (p < _end && _text[p] == ' ') p++;
            if (p < _end && p - _pos <= TriviaCache.MaxSpaces && _text[p] is not ('\t' or '\f' or '#' or '\n' or '\r' or '\\'))
            {
                int lineStart = _pos;
                _pos = p;
                ApplyIndentation(lineStart, p);
                _atLineStart = false;
                return p == lineStart ? _noTrivia : _spaceArrays[p - lineStart];
            }
        }
        _trivia.Clear();
        if (_pos == 0 && _end > 0 && _text[0] == '\uFEFF')
        {
            _trivia.Add(new GreenTrivia(SyntaxKind.ByteOrderMarkTrivia, "\uFEFF"));
            _pos = 1;
        }
        while (true)
        {
            int lineStart = _pos;
            int p = _pos;
            while (p < _end && (_text[p] == ' ' || _text[p] == '\t' || _text[p] == '\f')) p++;
            if (p > _pos)
            {
                _trivia.Add(TriviaCache.Whitespace(_text, _pos, p - _pos));
                _pos = p;
            }
            if (_pos >= _end)
            {
                break;
            }
            char c = _text[_pos];
            if (c == '#')
            {
                ScanComment();
                if (_pos >= _end) break;
                c = _text[_pos];
            }
            if (c == '\n' || c == '\r')
            {
                AddEndOfLine();
                continue;
            }
            if (c == '\\' && IsLineEndAt(_pos + 1))
            {
                // A continuation line at the start of a line joins the next line; CPython measures indentation before it.
                ScanLineContinuation();
                continue;
            }
            // First significant character of the line: apply its indentation.
            ApplyIndentation(lineStart, _pos);
            break;
        }
        _atLineStart = false;
        return TriviaCache.ToArray(_trivia);
    }

    private void ApplyIndentation(int lineStart, int contentStart)
    {
        var (col, alt) = IndentLevel.Measure(_text, lineStart, contentStart);
        if (col == _indent.Column)
        {
            if (alt != _indent.AltColumn) AddError(lineStart, contentStart - lineStart, "inconsistent use of tabs and spaces in indentation");
            return;
        }
        if (col > _indent.Column)
        {
            if (alt <= _indent.AltColumn) AddError(lineStart, contentStart - lineStart, "inconsistent use of tabs and spaces in indentation");
            _indent = _indent.Child(col, alt);
            _pendingIndent = true;
            return;
        }
        int dedents = 0;
        while (_indent.Parent is not null && col < _indent.Column)
        {
            _indent = _indent.Parent;
            dedents++;
        }
        if (col != _indent.Column)
        {
            AddError(lineStart, contentStart - lineStart, "unindent does not match any outer indentation level");
        }
        else if (alt != _indent.AltColumn)
        {
            AddError(lineStart, contentStart - lineStart, "inconsistent use of tabs and spaces in indentation");
        }
        _pendingDedents = dedents;
    }

    /// <summary>Leading trivia between tokens of one logical line (inside brackets this includes line ends).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private GreenTrivia[] ScanInlineLeadingTrivia()
    {
        // Usually the previous token's trailing trivia took the spaces and the next token starts right here.
        if (_pos < _end && _text[_pos] > ' ' && _text[_pos] is not ('#' or '\\')) return _noTrivia;
        return ScanInlineLeadingTriviaSlow();
    }

    private GreenTrivia[] ScanInlineLeadingTriviaSlow()
    {
        if (_pos < _end && _text[_pos] is not (' ' or '\t' or '\f' or '#' or '\n' or '\r' or '\\')) return _noTrivia;
        _trivia.Clear();
        bool inBrackets = InBracketsForNewlines();
        while (_pos < _end)
        {
            char c = _text[_pos];
            if (c == ' ' || c == '\t' || c == '\f')
            {
                int p = _pos + 1;
                while (p < _end && (_text[p] == ' ' || _text[p] == '\t' || _text[p] == '\f')) p++;
                _trivia.Add(TriviaCache.Whitespace(_text, _pos, p - _pos));
                _pos = p;
            }
            else if (c == '#')
            {
                ScanComment();
            }
            else if ((c == '\n' || c == '\r') && inBrackets)
            {
                AddEndOfLine();
                if (_modes.Count == 0 && NextLineStartsStatement())
                {
                    // An unclosed bracket must not swallow the rest of the file: a line that starts with a
                    // statement-only keyword cannot continue an expression, so the logical line ends here.
                    _forceNewline = true;
                    break;
                }
            }
            else if (c == '\\' && IsLineEndAt(_pos + 1))
            {
                ScanLineContinuation();
            }
            else
            {
                break;
            }
        }
        return TriviaCache.ToArray(_trivia);
    }

    /// <summary>Line ends are trivia inside brackets and inside replacement fields of triple-quoted f-strings.</summary>
    private bool InBracketsForNewlines()
    {
        if (_modes.Count == 0) return _brackets.Count > 0;
        if (_brackets.Count > _modes[^1].BracketBase) return true;
        for (int i = _modes.Count - 1; i >= 0; i--)
        {
            if (_modes[i].Kind == ModeKind.FString) return _modes[i].Triple;
        }
        return false;
    }

    private bool NextLineStartsStatement()
    {
        int p = _pos;
        while (p < _end && (_text[p] == ' ' || _text[p] == '\t' || _text[p] == '\f')) p++;
        int start = p;
        while (p < _end && _text[p] >= 'a' && _text[p] <= 'z') p++;
        if (p < _end && (char.IsAsciiLetterOrDigit(_text[p]) || _text[p] == '_' || _text[p] > 127)) return false;
        switch (_text.AsSpan(start, p - start))
        {
            case "def": case "class": case "return": case "import": case "try": case "while": case "with": case "pass":
            case "break": case "continue": case "raise": case "global": case "nonlocal": case "assert": case "del":
            case "elif": case "except": case "finally":
                return true;
            default:
                return false;
        }
    }

    /// <summary>Whitespace, a comment and line continuations after a token on the same line.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private GreenTrivia[] ScanTrailingTrivia()
    {
        // Most tokens are directly followed by another token (no trivia at all).
        if (_pos < _end && _text[_pos] > ' ' && _text[_pos] is not ('#' or '\\')) return _noTrivia;
        return ScanTrailingTriviaSlow();
    }

    private GreenTrivia[] ScanTrailingTriviaSlow()
    {
        if (_pos >= _end) return _noTrivia;
        char c = _text[_pos];
        if (c != ' ' && c != '\t' && c != '\f' && c != '#' && c != '\\') return _noTrivia;
        if (_modes.Count > 0 && _modes[^1].Kind != ModeKind.Field) return _noTrivia;
        if (c == ' ')
        {
            // Fast path for the usual case, a run of spaces up to the next token: one shared array, no list.
            int p = _pos + 1;
            while (p < _end && _text[p] == ' ') p++;
            if (p - _pos <= TriviaCache.MaxSpaces && (p >= _end || _text[p] is not ('\t' or '\f' or '#' or '\\')))
            {
                var spaces = _spaceArrays[p - _pos];
                _pos = p;
                return spaces;
            }
        }
        _trivia.Clear();
        while (_pos < _end)
        {
            c = _text[_pos];
            if (c == ' ' || c == '\t' || c == '\f')
            {
                int p = _pos + 1;
                while (p < _end && (_text[p] == ' ' || _text[p] == '\t' || _text[p] == '\f')) p++;
                _trivia.Add(TriviaCache.Whitespace(_text, _pos, p - _pos));
                _pos = p;
            }
            else if (c == '#')
            {
                ScanComment();
                break;
            }
            else if (c == '\\' && IsLineEndAt(_pos + 1))
            {
                ScanLineContinuation();
                // CPython: a continuation followed by end of file is an error.
                if (_pos >= _end) AddError(_pos, 0, "unexpected EOF while parsing");
            }
            else
            {
                break;
            }
        }
        return TriviaCache.ToArray(_trivia);
    }

    private void ScanComment()
    {
        int p = _text.AsSpan(_pos).IndexOfAny('\n', '\r');
        p = p < 0 ? _end : _pos + p;
        _trivia.Add(new GreenTrivia(SyntaxKind.CommentTrivia, _text.Substring(_pos, p - _pos)));
        _pos = p;
    }

    private void AddEndOfLine()
    {
        int len = _text[_pos] == '\r' && _pos + 1 < _end && _text[_pos + 1] == '\n' ? 2 : 1;
        _trivia.Add(TriviaCache.EndOfLine(_text, _pos, len));
        _pos += len;
    }

    private void ScanLineContinuation()
    {
        int len = 1 + (_text[_pos + 1] == '\r' && _pos + 2 < _end && _text[_pos + 2] == '\n' ? 2 : 1);
        _trivia.Add(new GreenTrivia(SyntaxKind.LineContinuationTrivia, _text.Substring(_pos, len)));
        _pos += len;
    }

    private bool IsLineEndAt(int p) => p < _end && (_text[p] == '\n' || _text[p] == '\r');

    // ---------------- Identifiers and keywords ----------------

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    /// <summary>Per ASCII character: 2 if it may start a name (letter, underscore), 1 if it may only continue one (digit), else 0.</summary>
    private static ReadOnlySpan<byte> AsciiNameChars =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 2,
        0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0,
    ];

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool IsIdentifierStart(char c)
    {
        if (c < 0x80) return AsciiNameChars[c] == 2;
        return IsUnicodeIdentifierChar(_pos, start: true);
    }

    private bool IsUnicodeIdentifierChar(int p, bool start)
    {
        var cat = CharUnicodeInfo.GetUnicodeCategory(_text, p);
        switch (cat)
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
                return true;
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.ConnectorPunctuation:
                return !start;
            default:
                // Other_ID_Start / Other_ID_Continue code points CPython also accepts.
                int cp = char.IsHighSurrogate(_text[p]) && p + 1 < _end && char.IsLowSurrogate(_text[p + 1]) ? char.ConvertToUtf32(_text[p], _text[p + 1]) : _text[p];
                return cp == 0x2118 || cp == 0x212E || cp == 0x309B || cp == 0x309C || (!start && (cp == 0xB7 || cp == 0x387 || (cp >= 0x1369 && cp <= 0x1371) || cp == 0x19DA));
        }
    }

    /// <summary>ASCII characters that continue a name; the scan for the end of a name is vectorized over them.</summary>
    private static readonly SearchValues<char> s_asciiNameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    private int ScanIdentifierEnd(int p)
    {
        string text = _text;
        while (true)
        {
            int run = text.AsSpan(p).IndexOfAnyExcept(s_asciiNameChars);
            if (run < 0) return text.Length;
            p += run;
            char c = text[p];
            if (c < 0x80) return p;
            if (char.IsHighSurrogate(c) && !(p + 1 < _end && char.IsLowSurrogate(text[p + 1]))) return p;
            if (char.IsLowSurrogate(c)) return p;
            if (!IsUnicodeIdentifierChar(p, start: false)) return p;
            p += char.IsHighSurrogate(c) ? 2 : 1;
        }
    }

    internal static SyntaxKind KeywordKind(string text)
    {
        switch (text)
        {
            case "False": return SyntaxKind.FalseKeyword;
            case "None": return SyntaxKind.NoneKeyword;
            case "True": return SyntaxKind.TrueKeyword;
            case "and": return SyntaxKind.AndKeyword;
            case "as": return SyntaxKind.AsKeyword;
            case "assert": return SyntaxKind.AssertKeyword;
            case "async": return SyntaxKind.AsyncKeyword;
            case "await": return SyntaxKind.AwaitKeyword;
            case "break": return SyntaxKind.BreakKeyword;
            case "class": return SyntaxKind.ClassKeyword;
            case "continue": return SyntaxKind.ContinueKeyword;
            case "def": return SyntaxKind.DefKeyword;
            case "del": return SyntaxKind.DelKeyword;
            case "elif": return SyntaxKind.ElifKeyword;
            case "else": return SyntaxKind.ElseKeyword;
            case "except": return SyntaxKind.ExceptKeyword;
            case "finally": return SyntaxKind.FinallyKeyword;
            case "for": return SyntaxKind.ForKeyword;
            case "from": return SyntaxKind.FromKeyword;
            case "global": return SyntaxKind.GlobalKeyword;
            case "if": return SyntaxKind.IfKeyword;
            case "import": return SyntaxKind.ImportKeyword;
            case "in": return SyntaxKind.InKeyword;
            case "is": return SyntaxKind.IsKeyword;
            case "lambda": return SyntaxKind.LambdaKeyword;
            case "nonlocal": return SyntaxKind.NonlocalKeyword;
            case "not": return SyntaxKind.NotKeyword;
            case "or": return SyntaxKind.OrKeyword;
            case "pass": return SyntaxKind.PassKeyword;
            case "raise": return SyntaxKind.RaiseKeyword;
            case "return": return SyntaxKind.ReturnKeyword;
            case "try": return SyntaxKind.TryKeyword;
            case "while": return SyntaxKind.WhileKeyword;
            case "with": return SyntaxKind.WithKeyword;
            case "yield": return SyntaxKind.YieldKeyword;
            default: return SyntaxKind.None;
        }
    }

    // ---------------- Numbers ----------------

    private void ScanNumber()
    {
        int start = _pos;
        char c = _text[_pos];
        if (c == '0' && _pos + 1 < _end && "xXoObB".IndexOf(_text[_pos + 1]) >= 0)
        {
            char radix = char.ToLowerInvariant(_text[_pos + 1]);
            _pos += 2;
            int digitsStart = _pos;
            // An underscore may follow the prefix (0x_ff) but not end the literal or double up.
            bool lastUnderscore = false;
            bool bad = false;
            while (_pos < _end)
            {
                char d = _text[_pos];
                bool ok = radix switch
                {
                    'x' => IsDigit(d) || (d >= 'a' && d <= 'f') || (d >= 'A' && d <= 'F'),
                    'o' => d >= '0' && d <= '7',
                    _ => d == '0' || d == '1',
                };
                if (ok) { lastUnderscore = false; _pos++; continue; }
                if (d == '_' && !lastUnderscore) { lastUnderscore = true; _pos++; continue; }
                if (IsDigit(d) || (radix != 'x' && char.IsAsciiLetterOrDigit(d) && d != 'j' && d != 'J')) { bad = true; _pos++; continue; }
                break;
            }
            if (bad || lastUnderscore || _pos == digitsStart)
            {
                string name = radix == 'x' ? "hexadecimal" : radix == 'o' ? "octal" : "binary";
                AddError(start, _pos - start, $"invalid {name} literal");
            }
            CheckNumberEnd(start);
            return;
        }

        bool isFloat = false;
        bool error = false;
        if (c != '.')
        {
            error |= !ScanDigits();
        }
        if (_pos < _end && _text[_pos] == '.')
        {
            isFloat = true;
            _pos++;
            if (_pos < _end && IsDigit(_text[_pos])) error |= !ScanDigits();
        }
        if (_pos < _end && (_text[_pos] == 'e' || _text[_pos] == 'E'))
        {
            int save = _pos;
            _pos++;
            if (_pos < _end && (_text[_pos] == '+' || _text[_pos] == '-')) _pos++;
            if (_pos < _end && IsDigit(_text[_pos]))
            {
                isFloat = true;
                error |= !ScanDigits();
            }
            else
            {
                _pos = save;
                error = true;
                _pos++;
            }
        }
        bool imaginary = false;
        if (_pos < _end && (_text[_pos] == 'j' || _text[_pos] == 'J'))
        {
            _pos++;
            imaginary = true;
        }
        if (error)
        {
            AddError(start, _pos - start, "invalid decimal literal");
        }
        else if (!isFloat && !imaginary && c == '0')
        {
            for (int i = start; i < _pos; i++)
            {
                if (_text[i] != '0' && _text[i] != '_')
                {
                    AddError(start, _pos - start, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
                    break;
                }
            }
        }
        CheckNumberEnd(start);
    }

    /// <summary>Scans digits with single underscores between them; false if an underscore is misplaced.</summary>
    private bool ScanDigits()
    {
        bool ok = true;
        bool lastUnderscore = false;
        while (_pos < _end)
        {
            char d = _text[_pos];
            if (IsDigit(d)) { lastUnderscore = false; _pos++; continue; }
            if (d == '_')
            {
                if (lastUnderscore) ok = false;
                lastUnderscore = true;
                _pos++;
                continue;
            }
            break;
        }
        return ok && !lastUnderscore;
    }

    private void CheckNumberEnd(int start)
    {
        // "1abc" is one bad literal for CPython; keywords directly after numbers (1if x else y) are allowed.
        if (_pos < _end && IsIdentifierStart(_text[_pos]))
        {
            int idEnd = ScanIdentifierEnd(_pos);
            string word = _text.Substring(_pos, idEnd - _pos);
            if (KeywordKind(word) == SyntaxKind.None || (_diagnostics is not null))
            {
                _pos = idEnd;
                if (_diagnostics is null) AddError(start, _pos - start, "invalid decimal literal");
            }
            else if (word.StartsWith('e') || word.StartsWith('E') || word.StartsWith('j') || word.StartsWith('J') || word.StartsWith('x') || word.StartsWith('o') || word.StartsWith('b'))
            {
                // Ambiguous with exponents/suffixes: leave as is.
            }
        }
    }

    // ---------------- Strings ----------------

    private bool IsStringPrefix(int start, int end, out bool isFormat, out bool isRaw)
    {
        isFormat = false;
        isRaw = false;
        int len = end - start;
        if (len > 2) return false;
        bool r = false, b = false, u = false, f = false, t = false;
        for (int i = start; i < end; i++)
        {
            switch (char.ToLowerInvariant(_text[i]))
            {
                case 'r': if (r) return false; r = true; break;
                case 'b': if (b) return false; b = true; break;
                case 'u': if (u) return false; u = true; break;
                case 'f': if (f) return false; f = true; break;
                case 't': if (t) return false; t = true; break;
                default: return false;
            }
        }
        if (u && len > 1) return false;
        if ((b ? 1 : 0) + (f ? 1 : 0) + (t ? 1 : 0) > 1) return false;
        isFormat = f || t;
        isRaw = r;
        return true;
    }

    /// <summary>Scans quotes, body and closing quotes of a non-f string starting at the quote at <see cref="_pos"/>.</summary>
    private static readonly SearchValues<char> s_singleQuoteStops = SearchValues.Create("'\\\n\r");
    private static readonly SearchValues<char> s_doubleQuoteStops = SearchValues.Create("\"\\\n\r");
    private static readonly SearchValues<char> s_tripleSingleQuoteStops = SearchValues.Create("'\\");
    private static readonly SearchValues<char> s_tripleDoubleQuoteStops = SearchValues.Create("\"\\");

    private void ScanStringBody(int tokenStart, bool isRaw)
    {
        _ = isRaw;
        char quote = _text[_pos];
        bool triple = _pos + 2 < _end && _text[_pos + 1] == quote && _text[_pos + 2] == quote;
        _pos += triple ? 3 : 1;
        // Jump to the next character that matters (the quote, a backslash, a line end) with a vectorized search.
        var stops = quote == '\'' ? (triple ? s_tripleSingleQuoteStops : s_singleQuoteStops) : (triple ? s_tripleDoubleQuoteStops : s_doubleQuoteStops);
        while (_pos < _end)
        {
            int skip = _text.AsSpan(_pos).IndexOfAny(stops);
            if (skip < 0)
            {
                _pos = _end;
                break;
            }
            _pos += skip;
            char c = _text[_pos];
            if (c == '\\')
            {
                _pos++;
                if (_pos < _end)
                {
                    _pos += _text[_pos] == '\r' && _pos + 1 < _end && _text[_pos + 1] == '\n' ? 2 : 1;
                }
                continue;
            }
            if (c == quote)
            {
                if (!triple) { _pos++; return; }
                if (_pos + 2 < _end && _text[_pos + 1] == quote && _text[_pos + 2] == quote) { _pos += 3; return; }
                _pos++;
                continue;
            }
            if (!triple && (c == '\n' || c == '\r'))
            {
                break;
            }
            _pos++;
        }
        AddError(tokenStart, 0, triple ? "unterminated triple-quoted string literal" : "unterminated string literal");
    }

    // ---------------- Operators ----------------

    private SyntaxKind ScanOperator(out int len)
    {
        char c = _text[_pos];
        char c1 = _pos + 1 < _end ? _text[_pos + 1] : '\0';
        char c2 = _pos + 2 < _end ? _text[_pos + 2] : '\0';
        len = 1;
        switch (c)
        {
            case '(': return SyntaxKind.OpenParenToken;
            case ')': return SyntaxKind.CloseParenToken;
            case '[': return SyntaxKind.OpenBracketToken;
            case ']': return SyntaxKind.CloseBracketToken;
            case '{': return SyntaxKind.OpenBraceToken;
            case '}': return SyntaxKind.CloseBraceToken;
            case ',': return SyntaxKind.CommaToken;
            case ';': return SyntaxKind.SemicolonToken;
            case '~': return SyntaxKind.TildeToken;
            case ':':
                if (c1 == '=' && !IsFormatSpecColon()) { len = 2; return SyntaxKind.ColonEqualsToken; }
                return SyntaxKind.ColonToken;
            case '.':
                if (c1 == '.' && c2 == '.') { len = 3; return SyntaxKind.DotDotDotToken; }
                return SyntaxKind.DotToken;
            case '+': if (c1 == '=') { len = 2; return SyntaxKind.PlusEqualsToken; } return SyntaxKind.PlusToken;
            case '-':
                if (c1 == '=') { len = 2; return SyntaxKind.MinusEqualsToken; }
                if (c1 == '>') { len = 2; return SyntaxKind.MinusGreaterThanToken; }
                return SyntaxKind.MinusToken;
            case '*':
                if (c1 == '*') { if (c2 == '=') { len = 3; return SyntaxKind.StarStarEqualsToken; } len = 2; return SyntaxKind.StarStarToken; }
                if (c1 == '=') { len = 2; return SyntaxKind.StarEqualsToken; }
                return SyntaxKind.StarToken;
            case '/':
                if (c1 == '/') { if (c2 == '=') { len = 3; return SyntaxKind.SlashSlashEqualsToken; } len = 2; return SyntaxKind.SlashSlashToken; }
                if (c1 == '=') { len = 2; return SyntaxKind.SlashEqualsToken; }
                return SyntaxKind.SlashToken;
            case '%': if (c1 == '=') { len = 2; return SyntaxKind.PercentEqualsToken; } return SyntaxKind.PercentToken;
            case '&': if (c1 == '=') { len = 2; return SyntaxKind.AmpersandEqualsToken; } return SyntaxKind.AmpersandToken;
            case '|': if (c1 == '=') { len = 2; return SyntaxKind.BarEqualsToken; } return SyntaxKind.BarToken;
            case '^': if (c1 == '=') { len = 2; return SyntaxKind.CaretEqualsToken; } return SyntaxKind.CaretToken;
            case '@': if (c1 == '=') { len = 2; return SyntaxKind.AtEqualsToken; } return SyntaxKind.AtToken;
            case '=': if (c1 == '=') { len = 2; return SyntaxKind.EqualsEqualsToken; } return SyntaxKind.EqualsToken;
            case '!':
                if (c1 == '=') { len = 2; return SyntaxKind.ExclamationEqualsToken; }
                return _modes.Count > 0 ? SyntaxKind.ExclamationToken : SyntaxKind.None;
            case '<':
                if (c1 == '<') { if (c2 == '=') { len = 3; return SyntaxKind.LessThanLessThanEqualsToken; } len = 2; return SyntaxKind.LessThanLessThanToken; }
                if (c1 == '=') { len = 2; return SyntaxKind.LessThanEqualsToken; }
                if (c1 == '>') { len = 2; return SyntaxKind.LessThanGreaterThanToken; }
                return SyntaxKind.LessThanToken;
            case '>':
                if (c1 == '>') { if (c2 == '=') { len = 3; return SyntaxKind.GreaterThanGreaterThanEqualsToken; } len = 2; return SyntaxKind.GreaterThanGreaterThanToken; }
                if (c1 == '=') { len = 2; return SyntaxKind.GreaterThanEqualsToken; }
                return SyntaxKind.GreaterThanToken;
            default:
                return SyntaxKind.None;
        }
    }

    private bool IsFormatSpecColon() => _modes.Count > 0 && _modes[^1].Kind == ModeKind.Field && _brackets.Count == _modes[^1].BracketBase;

    private void TrackBrackets(SyntaxKind kind, int start)
    {
        switch (kind)
        {
            case SyntaxKind.OpenParenToken: _brackets.Add('('); _bracketPositions.Add(start); break;
            case SyntaxKind.OpenBracketToken: _brackets.Add('['); _bracketPositions.Add(start); break;
            case SyntaxKind.OpenBraceToken: _brackets.Add('{'); _bracketPositions.Add(start); break;
            case SyntaxKind.CloseParenToken:
            case SyntaxKind.CloseBracketToken:
            case SyntaxKind.CloseBraceToken:
                int floor = _modes.Count > 0 && _modes[^1].Kind == ModeKind.Field ? _modes[^1].BracketBase : 0;
                if (_brackets.Count > floor)
                {
                    _brackets.RemoveAt(_brackets.Count - 1);
                    _bracketPositions.RemoveAt(_bracketPositions.Count - 1);
                }
                break;
            case SyntaxKind.ColonToken:
                if (IsFormatSpecColon())
                {
                    var m = _modes[^1];
                    m.Kind = ModeKind.FormatSpec;
                    _modes[^1] = m;
                }
                break;
        }
    }

    private static string? OperatorText(SyntaxKind kind) => kind switch
    {
        SyntaxKind.OpenParenToken => "(",
        SyntaxKind.CloseParenToken => ")",
        SyntaxKind.OpenBracketToken => "[",
        SyntaxKind.CloseBracketToken => "]",
        SyntaxKind.OpenBraceToken => "{",
        SyntaxKind.CloseBraceToken => "}",
        SyntaxKind.CommaToken => ",",
        SyntaxKind.ColonToken => ":",
        SyntaxKind.SemicolonToken => ";",
        SyntaxKind.DotToken => ".",
        SyntaxKind.EqualsToken => "=",
        SyntaxKind.PlusToken => "+",
        SyntaxKind.MinusToken => "-",
        SyntaxKind.StarToken => "*",
        SyntaxKind.StarStarToken => "**",
        SyntaxKind.SlashToken => "/",
        SyntaxKind.PercentToken => "%",
        SyntaxKind.EqualsEqualsToken => "==",
        SyntaxKind.ExclamationEqualsToken => "!=",
        SyntaxKind.LessThanToken => "<",
        SyntaxKind.GreaterThanToken => ">",
        SyntaxKind.LessThanEqualsToken => "<=",
        SyntaxKind.GreaterThanEqualsToken => ">=",
        SyntaxKind.MinusGreaterThanToken => "->",
        SyntaxKind.AtToken => "@",
        SyntaxKind.BarToken => "|",
        SyntaxKind.AmpersandToken => "&",
        SyntaxKind.DotDotDotToken => "...",
        SyntaxKind.PlusEqualsToken => "+=",
        SyntaxKind.MinusEqualsToken => "-=",
        SyntaxKind.ColonEqualsToken => ":=",
        _ => null,
    };
}

using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax.Parsing;

/// <summary>PEP 701 f-string / PEP 750 t-string tokenizing: start, literal middles, replacement fields, end.</summary>
internal sealed partial class Lexer
{
    private GreenToken LexFStringStart(GreenTrivia[] leading, int start, int prefixEnd, bool isRaw)
    {
        char quote = _text[prefixEnd];
        bool triple = prefixEnd + 2 < _end && _text[prefixEnd + 1] == quote && _text[prefixEnd + 2] == quote;
        _pos = prefixEnd + (triple ? 3 : 1);
        _modes.Add(new Mode { Kind = ModeKind.FString, Quote = quote, Triple = triple, Raw = isRaw, BracketBase = _brackets.Count });
        return Make(SyntaxKind.FStringStartToken, _strings.Get(_text, start, _pos - start), leading, _noTrivia);
    }

    private Mode EnclosingFString()
    {
        for (int i = _modes.Count - 1; i >= 0; i--)
        {
            if (_modes[i].Kind == ModeKind.FString) return _modes[i];
        }
        return default;
    }

    private bool AtClosingQuote(in Mode fstring, int p)
    {
        if (p >= _end || _text[p] != fstring.Quote) return false;
        return !fstring.Triple || (p + 2 < _end && _text[p + 1] == fstring.Quote && _text[p + 2] == fstring.Quote);
    }

    /// <summary>Lexes in literal mode (f-string body or format spec): a middle, a '{', a '}' or the end quote.</summary>
    private GreenToken LexFStringLiteral()
    {
        var top = _modes[^1];
        bool inSpec = top.Kind == ModeKind.FormatSpec;
        var fs = EnclosingFString();
        int start = _pos;
        int p = _pos;
        while (true)
        {
            if (p >= _end)
            {
                if (p > start) return Middle(start, p);
                return CloseUnterminatedFString(_noTrivia);
            }
            char c = _text[p];
            if (AtClosingQuote(fs, p))
            {
                if (p > start) return Middle(start, p);
                if (inSpec)
                {
                    // Field never closed: leave the spec; the parser reports the missing '}'.
                    _modes.RemoveAt(_modes.Count - 1);
                    return LexFStringLiteral();
                }
                _modes.RemoveAt(_modes.Count - 1);
                int len = fs.Triple ? 3 : 1;
                _pos = p + len;
                _lineHasTokens = true;
                var trailing = ScanTrailingTrivia();
                return Make(SyntaxKind.FStringEndToken, _text.Substring(p, len), _noTrivia, trailing);
            }
            if (c == '{')
            {
                if (p + 1 < _end && _text[p + 1] == '{' && !inSpec) { p += 2; continue; }
                if (p > start) return Middle(start, p);
                _pos = p + 1;
                _modes.Add(new Mode { Kind = ModeKind.Field, BracketBase = _brackets.Count });
                var trailing = ScanTrailingTrivia();
                return Make(SyntaxKind.OpenBraceToken, "{", _noTrivia, trailing);
            }
            if (c == '}')
            {
                if (inSpec)
                {
                    if (p > start) return Middle(start, p);
                    _modes.RemoveAt(_modes.Count - 1);
                    _pos = p + 1;
                    var trailing = ScanTrailingTrivia();
                    return Make(SyntaxKind.CloseBraceToken, "}", _noTrivia, trailing);
                }
                if (p + 1 < _end && _text[p + 1] == '}') { p += 2; continue; }
                AddError(p, 1, "f-string: single '}' is not allowed");
                p++;
                continue;
            }
            if ((c == '\n' || c == '\r') && !fs.Triple)
            {
                if (p > start) return Middle(start, p);
                return CloseUnterminatedFString(_noTrivia);
            }
            if (c == '\\' && p + 1 < _end)
            {
                char n = _text[p + 1];
                if (!fs.Raw && n == 'N' && p + 2 < _end && _text[p + 2] == '{')
                {
                    int close = _text.IndexOf('}', p + 3);
                    p = close < 0 ? p + 3 : close + 1;
                    continue;
                }
                if (n == '{' || n == '}') { p++; continue; }
                p += n == '\r' && p + 2 < _end && _text[p + 2] == '\n' ? 3 : 2;
                continue;
            }
            p++;
        }
    }

    private GreenToken Middle(int start, int end)
    {
        _pos = end;
        return Make(SyntaxKind.FStringMiddleToken, _text.Substring(start, end - start), _noTrivia, _noTrivia);
    }

    /// <summary>Ends the innermost f-string with a zero-width end token and an "unterminated" diagnostic.</summary>
    private GreenToken CloseUnterminatedFString(GreenTrivia[] leading)
    {
        while (_modes.Count > 0)
        {
            var m = _modes[^1];
            _modes.RemoveAt(_modes.Count - 1);
            if (m.Kind == ModeKind.FString)
            {
                while (_brackets.Count > m.BracketBase)
                {
                    _brackets.RemoveAt(_brackets.Count - 1);
                    _bracketPositions.RemoveAt(_bracketPositions.Count - 1);
                }
                AddError(_pos, 0, m.Triple ? "unterminated triple-quoted f-string literal" : "unterminated f-string literal");
                break;
            }
        }
        return Make(SyntaxKind.FStringEndToken, "", leading, _noTrivia);
    }
}

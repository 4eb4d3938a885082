using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax.Parsing;

internal sealed partial class Parser
{
    /// <summary>Adjacent string literals (plain, f, t) as one <see cref="SyntaxKind.StringLiteralExpression"/>.</summary>
    private GreenNode ParseStrings()
    {
        if (CurrentKind == SyntaxKind.StringToken && PeekKind(1) is not (SyntaxKind.StringToken or SyntaxKind.FStringStartToken))
        {
            return ParseSingleString();
        }
        var parts = RentList();
        bool? bytes = null;
        bool mixed = false;
        while (CurrentKind is SyntaxKind.StringToken or SyntaxKind.FStringStartToken)
        {
            GreenNode part;
            bool isBytes;
            if (CurrentKind == SyntaxKind.StringToken)
            {
                part = CheckStringToken(Eat(), out isBytes);
            }
            else
            {
                isBytes = false;
                part = ParseFString();
            }
            if (bytes is not null && bytes != isBytes && !mixed)
            {
                part = WithError(part, "cannot mix bytes and nonbytes literals");
                mixed = true;
            }
            bytes ??= isBytes;
            parts.Add(part);
        }
        return Node(SyntaxKind.StringLiteralExpression, List(parts));
    }

    /// <summary>
    /// A lone plain string literal (the usual case). For a token from the token cache the expression node is shared as
    /// well, like one-token names: it was checked when it was made, so a repeated literal is neither checked nor
    /// allocated again.
    /// </summary>
    private GreenNode ParseSingleString()
    {
        var token = Eat();
        var shared = _tokenCache.GetWrapper(SyntaxKind.StringLiteralExpression, token);
        if (shared is not null) return shared;
        var part = CheckStringToken(token, out _);
        var node = Node(SyntaxKind.StringLiteralExpression, List(part));
        if (ReferenceEquals(part, token)) _tokenCache.SetWrapper(token, node);
        return node;
    }

    /// <summary>The token, or the token with the diagnostic CPython reports for its contents (bytes with non-ASCII, bad escapes).</summary>
    private static GreenNode CheckStringToken(GreenToken token, out bool isBytes)
    {
        var info = StringLiteralInfo.Parse(token.Text);
        isBytes = info.IsBytes;
        if (token.ContainsDiagnostics) return token;
        if (isBytes && HasNonAscii(token.Text)) return WithError(token, "bytes can only contain ASCII literal characters");
        if (!info.IsRaw && MayHaveEscapeError(token.Text))
        {
            // Only \x, \u, \U and \N escapes can be malformed: other literals need no decoding.
            StringLiteralInfo.Decode(token.Text, out var error);
            if (error is not null) return WithError(token, error);
        }
        return token;
    }

    /// <summary>
    /// True if the literal has a <c>\x</c>, <c>\u</c>, <c>\U</c> or <c>\N</c> escape, the only ones that can make it
    /// invalid; most literals with backslashes (<c>\n</c>, <c>\\</c>) are then validated without building their value.
    /// </summary>
    private static bool MayHaveEscapeError(string s)
    {
        int i = s.IndexOf('\\');
        while (i >= 0 && i + 1 < s.Length)
        {
            char n = s[i + 1];
            if (n is 'x' or 'u' or 'U' or 'N') return true;
            int next = s.IndexOf('\\', i + 2);
            i = next;
        }
        return false;
    }

    private static bool HasNonAscii(string s)
    {
        foreach (char c in s)
        {
            if (c > 127) return true;
        }
        return false;
    }

    private GreenNode ParseFString()
    {
        var start = Eat();
        var info = StringLiteralInfo.Parse(start.Text);
        var parts = RentList();
        GreenNode end;
        while (true)
        {
            var k = CurrentKind;
            if (k == SyntaxKind.FStringMiddleToken)
            {
                parts.Add(Eat());
            }
            else if (k == SyntaxKind.OpenBraceToken)
            {
                parts.Add(ParseInterpolation(1));
            }
            else if (k == SyntaxKind.FStringEndToken)
            {
                end = Eat();
                break;
            }
            else
            {
                end = Missing(SyntaxKind.FStringEndToken, "unterminated f-string literal");
                break;
            }
        }
        return Node(info.IsTemplate ? SyntaxKind.TStringExpression : SyntaxKind.FStringExpression, start, List(parts), end);
    }

    private GreenNode ParseInterpolation(int nesting)
    {
        var open = Eat();
        GreenNode expr;
        if (CurrentKind is SyntaxKind.CloseBraceToken or SyntaxKind.FStringEndToken or SyntaxKind.ExclamationToken or SyntaxKind.ColonToken)
        {
            expr = MissingName("f-string: empty expression not allowed");
        }
        else
        {
            expr = ParseStarExpressionsOrYield();
        }
        var eq = TryEat(SyntaxKind.EqualsToken);
        GreenNode? bang = null, conversion = null, colon = null, spec = null;
        if (CurrentKind == SyntaxKind.ExclamationToken)
        {
            bang = Eat();
            if (CurrentKind == SyntaxKind.IdentifierToken)
            {
                var conv = Eat();
                conversion = conv.Text is "r" or "s" or "a"
                    ? conv
                    : WithError(conv, $"f-string: invalid conversion character '{conv.Text}': expected 's', 'r', or 'a'");
            }
            else
            {
                conversion = Missing(SyntaxKind.IdentifierToken, "f-string: missing conversion character");
            }
        }
        if (CurrentKind == SyntaxKind.ColonToken)
        {
            colon = Eat();
            var specParts = RentList();
            while (true)
            {
                if (CurrentKind == SyntaxKind.FStringMiddleToken) specParts.Add(Eat());
                else if (CurrentKind == SyntaxKind.OpenBraceToken)
                {
                    var inner = ParseInterpolation(nesting + 1);
                    if (nesting >= 2) inner = WithError(inner, "f-string: expressions nested too deeply");
                    specParts.Add(inner);
                }
                else break;
            }
            spec = List(specParts);
        }
        if (CurrentKind is not (SyntaxKind.CloseBraceToken or SyntaxKind.FStringEndToken or SyntaxKind.NewLineToken or SyntaxKind.EndOfFileToken))
        {
            bool first = true;
            while (CurrentKind is not (SyntaxKind.CloseBraceToken or SyntaxKind.FStringEndToken or SyntaxKind.NewLineToken or SyntaxKind.EndOfFileToken or SyntaxKind.IndentToken or SyntaxKind.DedentToken))
            {
                Skip(first ? "f-string: expecting '}'" : null);
                first = false;
            }
        }
        var close = CurrentKind == SyntaxKind.CloseBraceToken ? Eat() : Missing(SyntaxKind.CloseBraceToken, "f-string: expecting '}'");
        return Node(SyntaxKind.Interpolation, open, expr, eq, bang, conversion, colon, spec, close);
    }
}

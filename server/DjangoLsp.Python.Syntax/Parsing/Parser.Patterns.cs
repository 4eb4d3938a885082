using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax.Parsing;

internal sealed partial class Parser
{
    /// <summary><c>patterns</c>: an open sequence (comma-separated, no brackets) or one pattern.</summary>
    private GreenNode ParsePatternTop()
    {
        var first = ParseMaybeStarPattern();
        if (CurrentKind != SyntaxKind.CommaToken) return first.Kind == SyntaxKind.StarPattern ? Node(SyntaxKind.SequencePattern, null, List(first), null) : first;
        var items = RentList(first);
        while (CurrentKind == SyntaxKind.CommaToken)
        {
            items.Add(Eat());
            if (CurrentKind is SyntaxKind.ColonToken or SyntaxKind.IfKeyword) break;
            items.Add(ParseMaybeStarPattern());
        }
        return Node(SyntaxKind.SequencePattern, null, List(items), null);
    }

    private GreenNode ParseMaybeStarPattern()
    {
        if (CurrentKind == SyntaxKind.StarToken)
        {
            var star = Eat();
            return Node(SyntaxKind.StarPattern, star, Expect(SyntaxKind.IdentifierToken));
        }
        return ParsePattern();
    }

    private GreenNode ParsePattern()
    {
        if (!EnterDepth())
        {
            ExitDepth();
            return Node(SyntaxKind.ValuePattern, TooDeepExpression());
        }
        var or = ParseOrPattern();
        if (CurrentKind == SyntaxKind.AsKeyword)
        {
            var asKw = Eat();
            var name = Expect(SyntaxKind.IdentifierToken);
            if (name.Text == "_") name = (GreenToken)WithError(name, "cannot use '_' as a target");
            or = Node(SyntaxKind.AsPattern, or, asKw, name);
        }
        ExitDepth();
        return or;
    }

    private GreenNode ParseOrPattern()
    {
        var first = ParseClosedPattern();
        if (CurrentKind != SyntaxKind.BarToken) return first;
        var items = RentList(first);
        while (CurrentKind == SyntaxKind.BarToken)
        {
            items.Add(Eat());
            items.Add(ParseClosedPattern());
        }
        return Node(SyntaxKind.OrPattern, List(items));
    }

    private GreenNode ParseClosedPattern()
    {
        switch (CurrentKind)
        {
            case SyntaxKind.NumberToken:
            case SyntaxKind.MinusToken:
                return Node(SyntaxKind.ValuePattern, ParseBinary(5));
            case SyntaxKind.StringToken:
            case SyntaxKind.FStringStartToken:
                return Node(SyntaxKind.ValuePattern, ParseStrings());
            case SyntaxKind.NoneKeyword:
            case SyntaxKind.TrueKeyword:
            case SyntaxKind.FalseKeyword:
                return Node(SyntaxKind.ValuePattern, ParseAtom());
            case SyntaxKind.IdentifierToken:
            {
                if (PeekKind(1) is not (SyntaxKind.DotToken or SyntaxKind.OpenParenToken))
                {
                    var name = Eat();
                    return Node(name.Text == "_" ? SyntaxKind.WildcardPattern : SyntaxKind.CapturePattern, name);
                }
                GreenNode expr = Node(SyntaxKind.NameExpression, Eat());
                while (CurrentKind == SyntaxKind.DotToken)
                {
                    var dot = Eat();
                    expr = Node(SyntaxKind.AttributeExpression, expr, dot, Expect(SyntaxKind.IdentifierToken));
                }
                if (CurrentKind == SyntaxKind.OpenParenToken) return ParseClassPattern(expr);
                return Node(SyntaxKind.ValuePattern, expr);
            }
            case SyntaxKind.OpenParenToken:
            {
                var open = Eat();
                if (CurrentKind == SyntaxKind.CloseParenToken) return Node(SyntaxKind.SequencePattern, open, EmptyList, Eat());
                var first = ParseMaybeStarPattern();
                if (CurrentKind != SyntaxKind.CommaToken && first.Kind != SyntaxKind.StarPattern)
                {
                    return Node(SyntaxKind.GroupPattern, open, first, Expect(SyntaxKind.CloseParenToken));
                }
                var items = RentList(first);
                while (CurrentKind == SyntaxKind.CommaToken)
                {
                    items.Add(Eat());
                    if (CurrentKind == SyntaxKind.CloseParenToken) break;
                    items.Add(ParseMaybeStarPattern());
                }
                return Node(SyntaxKind.SequencePattern, open, List(items), Expect(SyntaxKind.CloseParenToken));
            }
            case SyntaxKind.OpenBracketToken:
            {
                var open = Eat();
                var items = RentList();
                while (CurrentKind != SyntaxKind.CloseBracketToken && CurrentKind is not (SyntaxKind.NewLineToken or SyntaxKind.EndOfFileToken))
                {
                    items.Add(ParseMaybeStarPattern());
                    if (CurrentKind != SyntaxKind.CommaToken) break;
                    items.Add(Eat());
                }
                return Node(SyntaxKind.SequencePattern, open, List(items), Expect(SyntaxKind.CloseBracketToken));
            }
            case SyntaxKind.OpenBraceToken:
                return ParseMappingPattern();
            default:
                return Node(SyntaxKind.ValuePattern, MissingName("invalid pattern"));
        }
    }

    private GreenNode ParseMappingPattern()
    {
        var open = Eat();
        var items = RentList();
        while (CurrentKind != SyntaxKind.CloseBraceToken && CurrentKind is not (SyntaxKind.NewLineToken or SyntaxKind.EndOfFileToken))
        {
            if (CurrentKind == SyntaxKind.StarStarToken)
            {
                var ss = Eat();
                items.Add(Node(SyntaxKind.DoubleStarPattern, ss, Expect(SyntaxKind.IdentifierToken)));
            }
            else
            {
                GreenNode key;
                if (CurrentKind == SyntaxKind.IdentifierToken)
                {
                    key = Node(SyntaxKind.NameExpression, Eat());
                    while (CurrentKind == SyntaxKind.DotToken)
                    {
                        var dot = Eat();
                        key = Node(SyntaxKind.AttributeExpression, key, dot, Expect(SyntaxKind.IdentifierToken));
                    }
                    if (key.Kind == SyntaxKind.NameExpression) key = WithError(key, "invalid syntax: mapping pattern keys must be literals or dotted names");
                }
                else if (CurrentKind is SyntaxKind.StringToken or SyntaxKind.FStringStartToken) key = ParseStrings();
                else if (CurrentKind is SyntaxKind.NoneKeyword or SyntaxKind.TrueKeyword or SyntaxKind.FalseKeyword) key = ParseAtom();
                else key = ParseBinary(5);
                var colon = Expect(SyntaxKind.ColonToken);
                items.Add(Node(SyntaxKind.KeyValuePattern, key, colon, ParsePattern()));
            }
            if (CurrentKind != SyntaxKind.CommaToken) break;
            items.Add(Eat());
        }
        return Node(SyntaxKind.MappingPattern, open, List(items), Expect(SyntaxKind.CloseBraceToken));
    }

    private GreenNode ParseClassPattern(GreenNode cls)
    {
        var open = Eat();
        var items = RentList();
        bool seenKeyword = false;
        while (CurrentKind != SyntaxKind.CloseParenToken && CurrentKind is not (SyntaxKind.NewLineToken or SyntaxKind.EndOfFileToken))
        {
            if (CurrentKind == SyntaxKind.IdentifierToken && PeekKind(1) == SyntaxKind.EqualsToken)
            {
                var name = Eat();
                var eq = Eat();
                items.Add(Node(SyntaxKind.KeywordPattern, name, eq, ParsePattern()));
                seenKeyword = true;
            }
            else
            {
                var p = ParsePattern();
                if (seenKeyword) p = WithError(p, "positional patterns follow keyword patterns");
                items.Add(p);
            }
            if (CurrentKind != SyntaxKind.CommaToken) break;
            items.Add(Eat());
        }
        return Node(SyntaxKind.ClassPattern, cls, open, List(items), Expect(SyntaxKind.CloseParenToken));
    }
}

using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax.Parsing;

internal sealed partial class Parser
{
    private static bool CanStartExpression(SyntaxKind k) => k is SyntaxKind.IdentifierToken or SyntaxKind.NumberToken or SyntaxKind.StringToken
        or SyntaxKind.FStringStartToken or SyntaxKind.TrueKeyword or SyntaxKind.FalseKeyword or SyntaxKind.NoneKeyword
        or SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken or SyntaxKind.MinusToken
        or SyntaxKind.PlusToken or SyntaxKind.TildeToken or SyntaxKind.NotKeyword or SyntaxKind.LambdaKeyword or SyntaxKind.AwaitKeyword
        or SyntaxKind.DotDotDotToken or SyntaxKind.StarToken or SyntaxKind.YieldKeyword;

    private static bool IsBinaryOperatorToken(SyntaxKind k) => BinaryPrecedence(k) > 0;

    private static int BinaryPrecedence(SyntaxKind k) => k switch
    {
        SyntaxKind.BarToken => 1,
        SyntaxKind.CaretToken => 2,
        SyntaxKind.AmpersandToken => 3,
        SyntaxKind.LessThanLessThanToken or SyntaxKind.GreaterThanGreaterThanToken => 4,
        SyntaxKind.PlusToken or SyntaxKind.MinusToken => 5,
        SyntaxKind.StarToken or SyntaxKind.SlashToken or SyntaxKind.SlashSlashToken or SyntaxKind.PercentToken or SyntaxKind.AtToken => 6,
        _ => 0,
    };

    // ---------------- Expression lists ----------------

    private GreenNode ParseStarExpressionsOrYield() => CurrentKind == SyntaxKind.YieldKeyword ? ParseYield() : ParseStarExpressions();

    /// <summary><c>star_expressions</c>: one expression, or an unparenthesized tuple.</summary>
    private GreenNode ParseStarExpressions()
    {
        var first = ParseStarExpression();
        if (CurrentKind != SyntaxKind.CommaToken) return first;
        var items = RentList(first);
        while (CurrentKind == SyntaxKind.CommaToken)
        {
            items.Add(Eat());
            if (!CanStartExpression(CurrentKind) || CurrentKind == SyntaxKind.YieldKeyword) break;
            items.Add(ParseStarExpression());
        }
        return Node(SyntaxKind.TupleExpression, null, List(items), null);
    }

    private GreenNode ParseStarExpression() => CurrentKind == SyntaxKind.StarToken ? ParseStarredExpression() : ParseExpression();

    private GreenNode ParseStarredExpression()
    {
        var star = Eat();
        return Node(SyntaxKind.StarredExpression, star, ParseBitwiseOr());
    }

    /// <summary><c>star_named_expressions</c> as a tuple when there is a comma (match subjects).</summary>
    private GreenNode ParseStarNamedExpressions()
    {
        var first = ParseStarNamedExpression();
        if (CurrentKind != SyntaxKind.CommaToken) return first;
        var items = RentList(first);
        while (CurrentKind == SyntaxKind.CommaToken)
        {
            items.Add(Eat());
            if (!CanStartExpression(CurrentKind)) break;
            items.Add(ParseStarNamedExpression());
        }
        return Node(SyntaxKind.TupleExpression, null, List(items), null);
    }

    private GreenNode ParseStarNamedExpression() => CurrentKind == SyntaxKind.StarToken ? ParseStarredExpression() : ParseNamedExpression();

    private GreenNode ParseNamedExpression()
    {
        if (CurrentKind == SyntaxKind.IdentifierToken && PeekKind(1) == SyntaxKind.ColonEqualsToken)
        {
            var name = Wrap(SyntaxKind.NameExpression, Eat());
            var op = Eat();
            return Node(SyntaxKind.NamedExpression, name, op, ParseExpression());
        }
        var expr = ParseExpression();
        if (CurrentKind == SyntaxKind.ColonEqualsToken)
        {
            var op = Eat();
            var value = ParseExpression();
            return Node(SyntaxKind.NamedExpression, WithError(expr, $"cannot use assignment expressions with {DescribeForError(expr)}"), op, value);
        }
        return expr;
    }

    private GreenNode ParseYield()
    {
        var kw = Eat();
        if (CurrentKind == SyntaxKind.FromKeyword)
        {
            var from = Eat();
            return Node(SyntaxKind.YieldFromExpression, kw, from, ParseExpression());
        }
        if (CanStartExpression(CurrentKind) && CurrentKind != SyntaxKind.YieldKeyword)
        {
            return Node(SyntaxKind.YieldExpression, kw, ParseStarExpressions());
        }
        return Node(SyntaxKind.YieldExpression, kw, null);
    }

    // ---------------- expression / disjunction / ... ----------------

    /// <summary><c>expression</c>: lambda, or disjunction with an optional conditional.</summary>
    private GreenNode ParseExpression()
    {
        if (!EnterDepth())
        {
            ExitDepth();
            return TooDeepExpression();
        }
        try
        {
            var kind = CurrentKind;
            if (kind == SyntaxKind.LambdaKeyword) return ParseLambda();
            GreenNode body;
            if (kind is SyntaxKind.NotKeyword or SyntaxKind.PlusToken or SyntaxKind.MinusToken or SyntaxKind.TildeToken or SyntaxKind.AwaitKeyword)
            {
                body = ParseDisjunction();
            }
            else
            {
                // Most expressions are a single primary (a name, a call, a constant): parse it first and only walk the
                // precedence levels (disjunction down to power, one call each) when an operator follows.
                var primary = ParsePrimary();
                var next = CurrentKind;
                if (!ContinuesOperand(next))
                {
                    if (next != SyntaxKind.IfKeyword) return primary;
                    body = primary;
                }
                else
                {
                    body = ParseDisjunction(primary);
                }
            }
            if (CurrentKind == SyntaxKind.IfKeyword)
            {
                var ifKw = Eat();
                var test = ParseDisjunction();
                if (CurrentKind != SyntaxKind.ElseKeyword)
                {
                    var missingElse = Missing(SyntaxKind.ElseKeyword, "expected 'else' after 'if' expression");
                    return Node(SyntaxKind.ConditionalExpression, body, ifKw, test, missingElse, MissingNameSilent());
                }
                var elseKw = Eat();
                return Node(SyntaxKind.ConditionalExpression, body, ifKw, test, elseKw, ParseExpression());
            }
            return body;
        }
        finally
        {
            ExitDepth();
        }
    }

    private static GreenNode MissingNameSilent() =>
        Node(SyntaxKind.NameExpression, new GreenToken(SyntaxKind.IdentifierToken, "", GreenToken.NoTrivia, GreenToken.NoTrivia, isMissing: true));

    private GreenNode ParseLambda()
    {
        var kw = Eat();
        var items = ParseParameters(SyntaxKind.ColonToken, allowAnnotations: false);
        var parameters = Node(SyntaxKind.ParameterList, null, items, null);
        var colon = Expect(SyntaxKind.ColonToken);
        return Node(SyntaxKind.LambdaExpression, kw, parameters, colon, ParseExpression());
    }

    /// <summary>True if <paramref name="k"/> after a primary continues a larger expression below the conditional level.</summary>
    private static bool ContinuesOperand(SyntaxKind k) => k is SyntaxKind.StarStarToken or SyntaxKind.EqualsEqualsToken or SyntaxKind.ExclamationEqualsToken
        or SyntaxKind.LessThanToken or SyntaxKind.GreaterThanToken or SyntaxKind.LessThanEqualsToken or SyntaxKind.GreaterThanEqualsToken
        or SyntaxKind.LessThanGreaterThanToken or SyntaxKind.InKeyword or SyntaxKind.NotKeyword or SyntaxKind.IsKeyword
        or SyntaxKind.AndKeyword or SyntaxKind.OrKeyword || BinaryPrecedence(k) > 0;

    // The levels below take the already parsed leftmost primary (or null to parse it themselves): see ParseExpression.

    private GreenNode ParseDisjunction(GreenNode? first = null)
    {
        var left = ParseConjunction(first);
        while (CurrentKind == SyntaxKind.OrKeyword)
        {
            var op = Eat();
            left = Node(SyntaxKind.BooleanExpression, left, op, ParseConjunction());
        }
        return left;
    }

    private GreenNode ParseConjunction(GreenNode? first = null)
    {
        var left = ParseInversion(first);
        while (CurrentKind == SyntaxKind.AndKeyword)
        {
            var op = Eat();
            left = Node(SyntaxKind.BooleanExpression, left, op, ParseInversion());
        }
        return left;
    }

    private GreenNode ParseInversion(GreenNode? first = null)
    {
        if (first is not null) return ParseComparison(first);
        if (CurrentKind == SyntaxKind.NotKeyword)
        {
            if (!EnterDepth())
            {
                ExitDepth();
                return TooDeepExpression();
            }
            var op = Eat();
            var operand = ParseInversion();
            ExitDepth();
            return Node(SyntaxKind.UnaryExpression, op, operand);
        }
        return ParseComparison();
    }

    private GreenNode ParseComparison(GreenNode? first = null)
    {
        var left = ParseBinary(1, first);
        GreenListBuilder? operands = null;
        while (true)
        {
            GreenNode? op2 = null;
            GreenNode op;
            switch (CurrentKind)
            {
                case SyntaxKind.EqualsEqualsToken or SyntaxKind.ExclamationEqualsToken or SyntaxKind.LessThanToken or SyntaxKind.GreaterThanToken
                    or SyntaxKind.LessThanEqualsToken or SyntaxKind.GreaterThanEqualsToken or SyntaxKind.InKeyword:
                    op = Eat();
                    break;
                case SyntaxKind.LessThanGreaterThanToken:
                    op = WithError(Eat(), "invalid syntax: '<>' is not supported in Python 3; use '!='");
                    break;
                case SyntaxKind.NotKeyword when PeekKind(1) == SyntaxKind.InKeyword:
                    op = Eat();
                    op2 = Eat();
                    break;
                case SyntaxKind.IsKeyword:
                    op = Eat();
                    if (CurrentKind == SyntaxKind.NotKeyword) op2 = Eat();
                    break;
                default:
                    return operands is null ? left : Node(SyntaxKind.CompareExpression, left, List(operands));
            }
            (operands ??= RentList()).Add(Node(SyntaxKind.CompareOperand, op, op2, ParseBitwiseOr()));
        }
    }

    private GreenNode ParseBitwiseOr() => ParseBinary(1);

    /// <summary>Delete targets and other places that allow a starred bitwise_or.</summary>
    private GreenNode ParseBitwiseOrOrStar() => CurrentKind == SyntaxKind.StarToken ? ParseStarredExpression() : ParseBitwiseOr();

    /// <summary>Precedence climbing over the left-associative binary operators (| ^ &amp; shifts + - * / // % @).</summary>
    private GreenNode ParseBinary(int minPrecedence, GreenNode? first = null)
    {
        var left = first is null ? ParseFactor() : ParsePower(first);
        while (true)
        {
            int prec = BinaryPrecedence(CurrentKind);
            if (prec < minPrecedence || prec == 0) return left;
            var op = Eat();
            var right = ParseBinary(prec + 1);
            left = Node(SyntaxKind.BinaryExpression, left, op, right);
        }
    }

    private GreenNode ParseFactor()
    {
        if (CurrentKind is SyntaxKind.PlusToken or SyntaxKind.MinusToken or SyntaxKind.TildeToken)
        {
            if (!EnterDepth())
            {
                ExitDepth();
                return TooDeepExpression();
            }
            var op = Eat();
            var operand = ParseFactor();
            ExitDepth();
            return Node(SyntaxKind.UnaryExpression, op, operand);
        }
        return ParsePower();
    }

    private GreenNode ParsePower(GreenNode? first = null)
    {
        GreenNode left;
        if (first is not null)
        {
            left = first;
        }
        else if (CurrentKind == SyntaxKind.AwaitKeyword)
        {
            var kw = Eat();
            left = Node(SyntaxKind.AwaitExpression, kw, ParsePrimary());
        }
        else
        {
            left = ParsePrimary();
        }
        if (CurrentKind == SyntaxKind.StarStarToken)
        {
            var op = Eat();
            return Node(SyntaxKind.BinaryExpression, left, op, ParseFactor());
        }
        return left;
    }

    private GreenNode ParsePrimary()
    {
        var expr = ParseAtom();
        while (true)
        {
            switch (CurrentKind)
            {
                case SyntaxKind.DotToken:
                {
                    var dot = Eat();
                    expr = Node(SyntaxKind.AttributeExpression, expr, dot, Expect(SyntaxKind.IdentifierToken));
                    break;
                }
                case SyntaxKind.OpenParenToken:
                    expr = Node(SyntaxKind.CallExpression, expr, ParseArgumentList());
                    break;
                case SyntaxKind.OpenBracketToken:
                {
                    var open = Eat();
                    var index = ParseSlices();
                    var close = ExpectClose(SyntaxKind.CloseBracketToken);
                    expr = Node(SyntaxKind.SubscriptExpression, expr, open, index, close);
                    break;
                }
                default:
                    return expr;
            }
        }
    }

    /// <summary>A closing bracket; if missing at end of input, CPython reports the opening bracket ("was never closed").</summary>
    private GreenToken ExpectClose(SyntaxKind kind) => Expect(kind);

    private GreenNode ParseSlices()
    {
        var first = ParseSlice();
        if (CurrentKind != SyntaxKind.CommaToken)
        {
            // a[*b] is a one-element tuple index (3.11).
            return first.Kind == SyntaxKind.StarredExpression ? Node(SyntaxKind.TupleExpression, null, List(first), null) : first;
        }
        var items = RentList(first);
        while (CurrentKind == SyntaxKind.CommaToken)
        {
            items.Add(Eat());
            if (CurrentKind == SyntaxKind.CloseBracketToken) break;
            items.Add(ParseSlice());
        }
        return Node(SyntaxKind.TupleExpression, null, List(items), null);
    }

    private GreenNode ParseSlice()
    {
        GreenNode? lower = null;
        if (CurrentKind != SyntaxKind.ColonToken)
        {
            lower = CurrentKind == SyntaxKind.StarToken ? ParseStarredExpression() : ParseNamedExpression();
            if (CurrentKind != SyntaxKind.ColonToken) return lower;
        }
        var colon1 = Eat();
        GreenNode? upper = null, colon2 = null, step = null;
        if (CurrentKind is not (SyntaxKind.ColonToken or SyntaxKind.CommaToken or SyntaxKind.CloseBracketToken)) upper = ParseExpression();
        if (CurrentKind == SyntaxKind.ColonToken)
        {
            colon2 = Eat();
            if (CurrentKind is not (SyntaxKind.CommaToken or SyntaxKind.CloseBracketToken)) step = ParseExpression();
        }
        return Node(SyntaxKind.SliceExpression, lower, colon1, upper, colon2, step);
    }

    private GreenNode ParseAtom()
    {
        switch (CurrentKind)
        {
            case SyntaxKind.IdentifierToken: return Wrap(SyntaxKind.NameExpression, Eat());
            case SyntaxKind.NumberToken: return Wrap(SyntaxKind.NumberLiteralExpression, Eat());
            case SyntaxKind.TrueKeyword: return Wrap(SyntaxKind.TrueLiteralExpression, Eat());
            case SyntaxKind.FalseKeyword: return Wrap(SyntaxKind.FalseLiteralExpression, Eat());
            case SyntaxKind.NoneKeyword: return Wrap(SyntaxKind.NoneLiteralExpression, Eat());
            case SyntaxKind.DotDotDotToken: return Wrap(SyntaxKind.EllipsisLiteralExpression, Eat());
            case SyntaxKind.StringToken:
            case SyntaxKind.FStringStartToken:
                return ParseStrings();
            case SyntaxKind.OpenParenToken:
            case SyntaxKind.OpenBracketToken:
            case SyntaxKind.OpenBraceToken:
            {
                if (!EnterDepth())
                {
                    ExitDepth();
                    return TooDeepExpression();
                }
                var result = CurrentKind == SyntaxKind.OpenParenToken ? ParseParenthesized()
                    : CurrentKind == SyntaxKind.OpenBracketToken ? ParseListDisplay() : ParseBraceDisplay();
                ExitDepth();
                return result;
            }
            case SyntaxKind.StarToken:
                // A starred expression where only an atom is allowed: parse it for recovery and report.
                return WithError(ParseStarredExpression(), "can't use starred expression here");
            default:
                return MissingName(CurrentKind == SyntaxKind.EndOfFileToken ? "invalid syntax: unexpected end of file" : "invalid syntax");
        }
    }

    private GreenNode ParseParenthesized()
    {
        var open = Eat();
        if (CurrentKind == SyntaxKind.CloseParenToken)
        {
            return Node(SyntaxKind.TupleExpression, open, EmptyList, Eat());
        }
        if (CurrentKind == SyntaxKind.YieldKeyword)
        {
            var y = ParseYield();
            return Node(SyntaxKind.ParenthesizedExpression, open, y, ExpectClose(SyntaxKind.CloseParenToken));
        }
        var first = ParseStarNamedExpression();
        if (CurrentKind is SyntaxKind.ForKeyword || (CurrentKind == SyntaxKind.AsyncKeyword && PeekKind(1) == SyntaxKind.ForKeyword))
        {
            var clauses = ParseComprehensionClauses();
            return Node(SyntaxKind.GeneratorExpression, open, first, clauses, ExpectClose(SyntaxKind.CloseParenToken));
        }
        if (CurrentKind != SyntaxKind.CommaToken)
        {
            if (first.Kind == SyntaxKind.StarredExpression) first = WithError(first, "cannot use starred expression here");
            return Node(SyntaxKind.ParenthesizedExpression, open, first, ExpectClose(SyntaxKind.CloseParenToken));
        }
        var items = RentList(first);
        ParseCommaList(items, SyntaxKind.CloseParenToken);
        return Node(SyntaxKind.TupleExpression, open, List(items), ExpectClose(SyntaxKind.CloseParenToken));
    }

    /// <summary>Continues <c>, item, item [,]</c> up to the closing bracket.</summary>
    private void ParseCommaList(GreenListBuilder items, SyntaxKind close)
    {
        while (CurrentKind == SyntaxKind.CommaToken)
        {
            items.Add(Eat());
            if (CurrentKind == close || !CanStartExpression(CurrentKind)) break;
            items.Add(ParseStarNamedExpression());
        }
    }

    private GreenNode ParseListDisplay()
    {
        var open = Eat();
        if (CurrentKind == SyntaxKind.CloseBracketToken) return Node(SyntaxKind.ListExpression, open, EmptyList, Eat());
        var first = ParseStarNamedExpression();
        if (CurrentKind is SyntaxKind.ForKeyword || (CurrentKind == SyntaxKind.AsyncKeyword && PeekKind(1) == SyntaxKind.ForKeyword))
        {
            var clauses = ParseComprehensionClauses();
            return Node(SyntaxKind.ListComprehension, open, first, clauses, ExpectClose(SyntaxKind.CloseBracketToken));
        }
        var items = RentList(first);
        ParseCommaList(items, SyntaxKind.CloseBracketToken);
        return Node(SyntaxKind.ListExpression, open, List(items), ExpectClose(SyntaxKind.CloseBracketToken));
    }

    private GreenNode ParseBraceDisplay()
    {
        var open = Eat();
        if (CurrentKind == SyntaxKind.CloseBraceToken) return Node(SyntaxKind.DictExpression, open, EmptyList, Eat());
        GreenNode first;
        bool isDict;
        if (CurrentKind == SyntaxKind.StarStarToken)
        {
            var ss = Eat();
            first = Node(SyntaxKind.DoubleStarredExpression, ss, ParseBitwiseOr());
            isDict = true;
        }
        else
        {
            var key = ParseStarNamedExpression();
            if (CurrentKind == SyntaxKind.ColonToken)
            {
                var colon = Eat();
                first = Node(SyntaxKind.DictEntry, key, colon, ParseExpression());
                isDict = true;
            }
            else
            {
                first = key;
                isDict = false;
            }
        }
        if (CurrentKind is SyntaxKind.ForKeyword || (CurrentKind == SyntaxKind.AsyncKeyword && PeekKind(1) == SyntaxKind.ForKeyword))
        {
            var clauses = ParseComprehensionClauses();
            if (first.Kind == SyntaxKind.DoubleStarredExpression) first = WithError(first, "dict unpacking cannot be used in dict comprehension");
            return Node(isDict ? SyntaxKind.DictComprehension : SyntaxKind.SetComprehension, open, first, clauses, ExpectClose(SyntaxKind.CloseBraceToken));
        }
        var items = RentList(first);
        while (CurrentKind == SyntaxKind.CommaToken)
        {
            items.Add(Eat());
            if (CurrentKind == SyntaxKind.CloseBraceToken || !(CanStartExpression(CurrentKind) || CurrentKind == SyntaxKind.StarStarToken)) break;
            if (isDict)
            {
                if (CurrentKind == SyntaxKind.StarStarToken)
                {
                    var ss = Eat();
                    items.Add(Node(SyntaxKind.DoubleStarredExpression, ss, ParseBitwiseOr()));
                }
                else
                {
                    var key = ParseExpression();
                    var colon = Expect(SyntaxKind.ColonToken);
                    items.Add(Node(SyntaxKind.DictEntry, key, colon, ParseExpression()));
                }
            }
            else
            {
                items.Add(ParseStarNamedExpression());
            }
        }
        return Node(isDict ? SyntaxKind.DictExpression : SyntaxKind.SetExpression, open, List(items), ExpectClose(SyntaxKind.CloseBraceToken));
    }

    private GreenNode ParseComprehensionClauses()
    {
        var clauses = RentList();
        while (true)
        {
            if (CurrentKind == SyntaxKind.ForKeyword || (CurrentKind == SyntaxKind.AsyncKeyword && PeekKind(1) == SyntaxKind.ForKeyword))
            {
                var asyncKw = CurrentKind == SyntaxKind.AsyncKeyword ? Eat() : null;
                var forKw = Eat();
                var target = CheckTarget(ParseTargetList(), TargetKind.For);
                var inKw = Expect(SyntaxKind.InKeyword);
                var iter = ParseDisjunction();
                clauses.Add(Node(SyntaxKind.ComprehensionFor, asyncKw, forKw, target, inKw, iter));
            }
            else if (CurrentKind == SyntaxKind.IfKeyword)
            {
                var ifKw = Eat();
                clauses.Add(Node(SyntaxKind.ComprehensionIf, ifKw, ParseDisjunction()));
            }
            else
            {
                return List(clauses);
            }
        }
    }

    /// <summary>Targets of for loops and comprehensions: bitwise_or-level items, tuple if there is a comma.</summary>
    private GreenNode ParseTargetList()
    {
        var first = ParseBitwiseOrOrStar();
        if (CurrentKind != SyntaxKind.CommaToken) return first;
        var items = RentList(first);
        while (CurrentKind == SyntaxKind.CommaToken)
        {
            items.Add(Eat());
            if (CurrentKind is SyntaxKind.InKeyword or SyntaxKind.EqualsToken) break;
            items.Add(ParseBitwiseOrOrStar());
        }
        return Node(SyntaxKind.TupleExpression, null, List(items), null);
    }

    private GreenNode ParseTarget() => ParseBitwiseOrOrStar();

    private GreenNode ParseArgumentList()
    {
        var open = Eat();
        var items = RentList();
        bool seenKeyword = false, seenDoubleStar = false;
        int count = 0;
        SyntaxKind kind;
        while ((kind = CurrentKind) is not (SyntaxKind.CloseParenToken or SyntaxKind.NewLineToken or SyntaxKind.EndOfFileToken))
        {
            GreenNode arg;
            if (kind is SyntaxKind.StarToken or SyntaxKind.StarStarToken)
            {
                var star = Eat();
                arg = Node(SyntaxKind.Argument, null, null, star, ParseExpression());
                if (star.Kind == SyntaxKind.StarStarToken) seenDoubleStar = true;
                else if (seenDoubleStar) arg = WithError(arg, "iterable argument unpacking follows keyword argument unpacking");
            }
            else if (kind == SyntaxKind.IdentifierToken && PeekKind(1) == SyntaxKind.EqualsToken)
            {
                var name = Eat();
                var eq = Eat();
                arg = Node(SyntaxKind.Argument, name, eq, null, ParseExpression());
                seenKeyword = true;
            }
            else if (!CanStartExpression(kind))
            {
                arg = Node(SyntaxKind.Argument, null, null, null, MissingName());
                items.Add(arg);
                break;
            }
            else
            {
                var value = ParseNamedExpression();
                var next = CurrentKind;
                if (next == SyntaxKind.EqualsToken)
                {
                    // f(x.y=1), f(True=1): not a keyword.
                    var eq = Eat();
                    var v = ParseExpression();
                    arg = WithError(Node(SyntaxKind.Argument, null, null, null, Node(SyntaxKind.NamedExpression, value, eq, v)),
                        value.Kind is SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression or SyntaxKind.NoneLiteralExpression
                            ? $"cannot assign to {DescribeForError(value)}"
                            : "expression cannot contain assignment, perhaps you meant \"==\"?");
                }
                else
                {
                    if (next == SyntaxKind.ForKeyword || (next == SyntaxKind.AsyncKeyword && PeekKind(1) == SyntaxKind.ForKeyword))
                    {
                        var clauses = ParseComprehensionClauses();
                        value = Node(SyntaxKind.GeneratorExpression, null, value, clauses, null);
                        if (count > 0 || CurrentKind == SyntaxKind.CommaToken && PeekKind(1) != SyntaxKind.CloseParenToken)
                        {
                            value = WithError(value, "Generator expression must be parenthesized");
                        }
                    }
                    arg = Node(SyntaxKind.Argument, null, null, null, value);
                    if (seenDoubleStar) arg = WithError(arg, "positional argument follows keyword argument unpacking");
                    else if (seenKeyword) arg = WithError(arg, "positional argument follows keyword argument");
                }
            }
            items.Add(arg);
            count++;
            if (CurrentKind != SyntaxKind.CommaToken) break;
            items.Add(Eat());
        }
        if (count > 1)
        {
            // A generator argument followed by others (e.g. f(x for x in y, 1)).
            for (int i = 0; i < items.Count; i++)
            {
                var a = items[i];
                if (a.Kind == SyntaxKind.Argument && a.GetSlot(3)?.Kind == SyntaxKind.GeneratorExpression && a.GetSlot(3)!.GetSlot(0) is null && !a.GetSlot(3)!.ContainsDiagnostics)
                {
                    items[i] = WithError(a, "Generator expression must be parenthesized");
                }
            }
        }
        var close = ExpectClose(SyntaxKind.CloseParenToken);
        return Node(SyntaxKind.ArgumentList, open, List(items), close);
    }
}

using System.Text;
using DjangoLsp.Python.Syntax.Green;
using DjangoLsp.Python.Syntax.Parsing;

namespace DjangoLsp.Python.Syntax.Debug;

public static partial class PythonAstJson
{
    private sealed partial class Writer
    {
        private void OptExpr(GreenNode? e)
        {
            if (e is null) Null();
            else Expr(e);
        }

        private void Expr(GreenNode e) => Expr(e, Ctx.Load);

        private void Expr(GreenNode e, Ctx ctx)
        {
            switch (e.Kind)
            {
                case SyntaxKind.NameExpression:
                    Begin("Name"); Field("id"); Str(Identifier(S(e, 0))); CtxField(ctx); End();
                    break;
                case SyntaxKind.NumberLiteralExpression:
                    Number(TokenText(S(e, 0)));
                    break;
                case SyntaxKind.TrueLiteralExpression: Constant("true"); break;
                case SyntaxKind.FalseLiteralExpression: Constant("false"); break;
                case SyntaxKind.NoneLiteralExpression: Constant("null"); break;
                case SyntaxKind.EllipsisLiteralExpression: Constant("{\"ellipsis\": true}"); break;
                case SyntaxKind.StringLiteralExpression: Strings(e); break;
                case SyntaxKind.ParenthesizedExpression: Expr(R(e, 1), ctx); break;
                case SyntaxKind.TupleExpression:
                case SyntaxKind.ListExpression:
                    Begin(e.Kind == SyntaxKind.TupleExpression ? "Tuple" : "List");
                    Field("elts"); List(Items(R(e, 1)), x => Expr(x, ctx));
                    CtxField(ctx);
                    End();
                    break;
                case SyntaxKind.SetExpression:
                    Begin("Set"); Field("elts"); List(Items(R(e, 1)), x => Expr(x)); End();
                    break;
                case SyntaxKind.DictExpression:
                {
                    var items = Items(R(e, 1)).ToList();
                    Begin("Dict");
                    Field("keys"); List(items, i => { if (i.Kind == SyntaxKind.DictEntry) Expr(R(i, 0)); else Null(); });
                    Field("values"); List(items, i => Expr(i.Kind == SyntaxKind.DictEntry ? R(i, 2) : R(i, 1)));
                    End();
                    break;
                }
                case SyntaxKind.ListComprehension:
                case SyntaxKind.SetComprehension:
                case SyntaxKind.GeneratorExpression:
                    Begin(e.Kind == SyntaxKind.ListComprehension ? "ListComp" : e.Kind == SyntaxKind.SetComprehension ? "SetComp" : "GeneratorExp");
                    Field("elt"); Expr(R(e, 1));
                    Field("generators"); Generators(R(e, 2));
                    End();
                    break;
                case SyntaxKind.DictComprehension:
                    Begin("DictComp");
                    Field("key"); Expr(R(R(e, 1), 0));
                    Field("value"); Expr(R(R(e, 1), 2));
                    Field("generators"); Generators(R(e, 2));
                    End();
                    break;
                case SyntaxKind.UnaryExpression:
                    Begin("UnaryOp");
                    Field("op");
                    Empty(R(e, 0).Kind switch { SyntaxKind.NotKeyword => "Not", SyntaxKind.MinusToken => "USub", SyntaxKind.PlusToken => "UAdd", _ => "Invert" });
                    Field("operand"); Expr(R(e, 1));
                    End();
                    break;
                case SyntaxKind.BinaryExpression:
                    Begin("BinOp");
                    Field("left"); Expr(R(e, 0));
                    Field("op"); Empty(BinaryOperator(R(e, 1).Kind));
                    Field("right"); Expr(R(e, 2));
                    End();
                    break;
                case SyntaxKind.BooleanExpression:
                {
                    var op = R(e, 1).Kind;
                    var values = new List<GreenNode>();
                    FlattenBoolean(e, op, values);
                    Begin("BoolOp");
                    Field("op"); Empty(op == SyntaxKind.AndKeyword ? "And" : "Or");
                    Field("values"); List(values, v => Expr(v));
                    End();
                    break;
                }
                case SyntaxKind.CompareExpression:
                {
                    var operands = Items(R(e, 1)).ToList();
                    Begin("Compare");
                    Field("left"); Expr(R(e, 0));
                    Field("ops"); List(operands, o => Empty(CompareOperator(o)));
                    Field("comparators"); List(operands, o => Expr(R(o, 2)));
                    End();
                    break;
                }
                case SyntaxKind.AwaitExpression:
                    Begin("Await"); Field("value"); Expr(R(e, 1)); End();
                    break;
                case SyntaxKind.YieldExpression:
                    Begin("Yield"); Field("value"); OptExpr(S(e, 1)); End();
                    break;
                case SyntaxKind.YieldFromExpression:
                    Begin("YieldFrom"); Field("value"); Expr(R(e, 2)); End();
                    break;
                case SyntaxKind.ConditionalExpression:
                    Begin("IfExp");
                    Field("test"); Expr(R(e, 2));
                    Field("body"); Expr(R(e, 0));
                    Field("orelse"); Expr(R(e, 4));
                    End();
                    break;
                case SyntaxKind.LambdaExpression:
                    Begin("Lambda"); Field("args"); Arguments(R(e, 1)); Field("body"); Expr(R(e, 3)); End();
                    break;
                case SyntaxKind.NamedExpression:
                    Begin("NamedExpr"); Field("target"); Expr(R(e, 0), Ctx.Store); Field("value"); Expr(R(e, 2)); End();
                    break;
                case SyntaxKind.StarredExpression:
                    Begin("Starred"); Field("value"); Expr(R(e, 1), ctx); CtxField(ctx); End();
                    break;
                case SyntaxKind.AttributeExpression:
                    Begin("Attribute"); Field("value"); Expr(R(e, 0)); Field("attr"); Str(Identifier(S(e, 2))); CtxField(ctx); End();
                    break;
                case SyntaxKind.SubscriptExpression:
                    Begin("Subscript"); Field("value"); Expr(R(e, 0)); Field("slice"); Expr(R(e, 2)); CtxField(ctx); End();
                    break;
                case SyntaxKind.SliceExpression:
                    Begin("Slice"); Field("lower"); OptExpr(S(e, 0)); Field("upper"); OptExpr(S(e, 2)); Field("step"); OptExpr(S(e, 4)); End();
                    break;
                case SyntaxKind.CallExpression:
                {
                    var args = Items(R(R(e, 1), 1)).ToList();
                    Begin("Call");
                    Field("func"); Expr(R(e, 0));
                    Field("args"); List(args.Where(a => S(a, 0) is null && S(a, 2)?.Kind != SyntaxKind.StarStarToken), PositionalArgument);
                    Field("keywords"); List(args.Where(a => S(a, 0) is not null || S(a, 2)?.Kind == SyntaxKind.StarStarToken), Keyword);
                    End();
                    break;
                }
                case SyntaxKind.FStringExpression:
                case SyntaxKind.TStringExpression:
                    Strings(Parser_Wrap(e));
                    break;
                default:
                    Begin("Error");
                    End();
                    break;
            }
        }

        private static GreenNode Parser_Wrap(GreenNode fstring) => GreenInternalNode.Create(SyntaxKind.StringLiteralExpression, [GreenInternalNode.Create(SyntaxKind.List, [fstring])]);

        private void PositionalArgument(GreenNode a)
        {
            var value = R(a, 3);
            if (S(a, 2) is not null)
            {
                Begin("Starred"); Field("value"); Expr(value); CtxField(Ctx.Load); End();
            }
            else
            {
                Expr(value);
            }
        }

        private void Keyword(GreenNode a)
        {
            Begin("keyword");
            Field("arg"); Str(S(a, 0) is { } n ? Identifier(n) : null);
            Field("value"); Expr(R(a, 3));
            End();
        }

        private static void FlattenBoolean(GreenNode e, SyntaxKind op, List<GreenNode> values)
        {
            var left = R(e, 0);
            if (left.Kind == SyntaxKind.BooleanExpression && R(left, 1).Kind == op) FlattenBoolean(left, op, values);
            else values.Add(left);
            values.Add(R(e, 2));
        }

        private static string CompareOperator(GreenNode operand)
        {
            var op = R(operand, 0).Kind;
            bool two = S(operand, 1) is not null;
            return op switch
            {
                SyntaxKind.EqualsEqualsToken => "Eq",
                SyntaxKind.ExclamationEqualsToken => "NotEq",
                SyntaxKind.LessThanToken => "Lt",
                SyntaxKind.LessThanEqualsToken => "LtE",
                SyntaxKind.GreaterThanToken => "Gt",
                SyntaxKind.GreaterThanEqualsToken => "GtE",
                SyntaxKind.InKeyword => "In",
                SyntaxKind.NotKeyword => "NotIn",
                SyntaxKind.IsKeyword => two ? "IsNot" : "Is",
                _ => "NotEq",
            };
        }

        private void Generators(GreenNode clauses)
        {
            var fors = new List<(GreenNode For, List<GreenNode> Ifs)>();
            foreach (var c in Items(clauses))
            {
                if (c.Kind == SyntaxKind.ComprehensionFor) fors.Add((c, new List<GreenNode>()));
                else if (fors.Count > 0) fors[^1].Ifs.Add(R(c, 1));
            }
            List(fors, f =>
            {
                Begin("comprehension");
                Field("target"); Expr(R(f.For, 2), Ctx.Store);
                Field("iter"); Expr(R(f.For, 4));
                Field("ifs"); List(f.Ifs, i => Expr(i));
                Field("is_async"); Int(S(f.For, 0) is null ? 0 : 1);
                End();
            });
        }

        private void Constant(string jsonValue, string? kind = null)
        {
            Begin("Constant");
            Field("value"); _sb.Append(jsonValue);
            Field("kind"); Str(kind);
            End();
        }

        private void Number(string token)
        {
            var kind = PythonNumbers.Parse(token, out var integer, out var real);
            var json = new StringBuilder();
            switch (kind)
            {
                case PythonNumbers.NumberKind.Int:
                    json.Append("{\"int\": \"").Append(integer.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\"}");
                    break;
                case PythonNumbers.NumberKind.Float:
                    json.Append("{\"float\": \"").Append(PythonNumbers.Repr(real)).Append("\"}");
                    break;
                default:
                    json.Append("{\"complex\": \"").Append(PythonNumbers.Repr(real)).Append("\"}");
                    break;
            }
            Constant(json.ToString());
        }

        // ---------------- Strings ----------------

        /// <summary>Adjacent literals joined like CPython: a Constant, or a JoinedStr when any part is an f-string.</summary>
        private void Strings(GreenNode e)
        {
            var parts = R(e, 0);
            var first = parts.SlotCount > 0 ? parts.GetSlot(0) : null;
            string? kind = first is GreenToken ft && StringLiteralInfo.Parse(ft.Text).IsUnicode ? "u" : null;
            bool formatted = false;
            for (int i = 0; i < parts.SlotCount; i++)
            {
                if (!parts.GetSlot(i)!.IsToken) formatted = true;
            }
            if (!formatted)
            {
                var value = new StringBuilder();
                bool bytes = false;
                for (int i = 0; i < parts.SlotCount; i++)
                {
                    var text = ((GreenToken)parts.GetSlot(i)!).Text;
                    bytes = StringLiteralInfo.Parse(text).IsBytes;
                    value.Append(StringLiteralInfo.Decode(text, out _));
                }
                if (bytes)
                {
                    var hex = new StringBuilder("{\"bytes\": \"");
                    foreach (char c in value.ToString()) hex.Append(((int)c & 0xFF).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                    hex.Append("\"}");
                    Constant(hex.ToString(), kind);
                }
                else
                {
                    var json = new StringBuilder();
                    JsonText.WriteString(json, value.ToString());
                    Constant(json.ToString(), kind);
                }
                return;
            }
            var values = new List<Action>();
            var buffer = new StringBuilder();
            string? bufferKind = null;
            bool bufferStarted = false;
            void Flush()
            {
                if (buffer.Length > 0)
                {
                    var text = buffer.ToString();
                    var k = bufferKind;
                    values.Add(() =>
                    {
                        var json = new StringBuilder();
                        JsonText.WriteString(json, text);
                        Constant(json.ToString(), k);
                    });
                }
                buffer.Clear();
                bufferKind = null;
                bufferStarted = false;
            }
            for (int i = 0; i < parts.SlotCount; i++)
            {
                var part = parts.GetSlot(i)!;
                if (part is GreenToken token)
                {
                    if (!bufferStarted)
                    {
                        bufferKind = StringLiteralInfo.Parse(token.Text).IsUnicode ? "u" : null;
                        bufferStarted = true;
                    }
                    buffer.Append(StringLiteralInfo.Decode(token.Text, out _));
                    continue;
                }
                var info = StringLiteralInfo.Parse(TokenText(S(part, 0)));
                foreach (var item in ChildrenOf(R(part, 1)))
                {
                    if (item is GreenToken middle)
                    {
                        bufferStarted = true;
                        buffer.Append(StringLiteralInfo.DecodeBody(middle.Text, info.IsRaw, false, fstring: true, out _));
                    }
                    else
                    {
                        if (S(item, 2) is not null)
                        {
                            // Self-documenting f"{expr=}": the source text up to and including '=' and its trailing spaces.
                            var open = (GreenToken)R(item, 0);
                            var debug = new StringBuilder();
                            foreach (var t in open.TrailingTrivia) debug.Append(t.Text);
                            debug.Append(R(item, 1).ToFullString());
                            debug.Append(R(item, 2).ToFullString());
                            buffer.Append(debug.ToString().Replace("\r\n", "\n"));
                            bufferStarted = true;
                        }
                        Flush();
                        var interp = item;
                        values.Add(() => FormattedValue(interp, info.IsRaw));
                    }
                }
            }
            Flush();
            Begin("JoinedStr");
            Field("values");
            List(values, a => a());
            End();
        }

        private static IEnumerable<GreenNode> ChildrenOf(GreenNode? list)
        {
            if (list is null) yield break;
            for (int i = 0; i < list.SlotCount; i++) yield return list.GetSlot(i)!;
        }

        private void FormattedValue(GreenNode interp, bool raw)
        {
            Begin("FormattedValue");
            Field("value"); Expr(R(interp, 1));
            int conversion = -1;
            if (S(interp, 4) is GreenToken conv && conv.Text.Length == 1) conversion = conv.Text[0];
            else if (S(interp, 2) is not null && S(interp, 5) is null) conversion = 'r';
            Field("conversion"); Int(conversion);
            Field("format_spec");
            if (S(interp, 5) is null)
            {
                Null();
            }
            else
            {
                Begin("JoinedStr");
                Field("values");
                var specValues = new List<GreenNode>();
                foreach (var p in ChildrenOf(S(interp, 6)))
                {
                    if (p is GreenToken t && t.Text.Length == 0) continue;
                    specValues.Add(p);
                }
                List(specValues, p =>
                {
                    if (p is GreenToken t)
                    {
                        var json = new StringBuilder();
                        JsonText.WriteString(json, StringLiteralInfo.DecodeBody(t.Text, raw, false, fstring: true, out _));
                        Constant(json.ToString());
                    }
                    else
                    {
                        FormattedValue(p, raw);
                    }
                });
                End();
            }
            End();
        }

        // ---------------- Patterns ----------------

        private void Pattern(GreenNode p)
        {
            switch (p.Kind)
            {
                case SyntaxKind.ValuePattern:
                {
                    var v = R(p, 0);
                    if (v.Kind is SyntaxKind.NoneLiteralExpression or SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression)
                    {
                        Begin("MatchSingleton");
                        Field("value"); _sb.Append(v.Kind == SyntaxKind.NoneLiteralExpression ? "null" : v.Kind == SyntaxKind.TrueLiteralExpression ? "true" : "false");
                        End();
                    }
                    else
                    {
                        Begin("MatchValue"); Field("value"); Expr(v); End();
                    }
                    break;
                }
                case SyntaxKind.CapturePattern:
                    Begin("MatchAs"); Field("pattern"); Null(); Field("name"); Str(Identifier(S(p, 0))); End();
                    break;
                case SyntaxKind.WildcardPattern:
                    Begin("MatchAs"); Field("pattern"); Null(); Field("name"); Null(); End();
                    break;
                case SyntaxKind.AsPattern:
                    Begin("MatchAs"); Field("pattern"); Pattern(R(p, 0)); Field("name"); Str(Identifier(S(p, 2))); End();
                    break;
                case SyntaxKind.OrPattern:
                    Begin("MatchOr"); Field("patterns"); List(Items(R(p, 0)), Pattern); End();
                    break;
                case SyntaxKind.SequencePattern:
                    Begin("MatchSequence"); Field("patterns"); List(Items(R(p, 1)), Pattern); End();
                    break;
                case SyntaxKind.StarPattern:
                {
                    var name = Identifier(S(p, 1));
                    Begin("MatchStar"); Field("name"); Str(name == "_" ? null : name); End();
                    break;
                }
                case SyntaxKind.GroupPattern:
                    Pattern(R(p, 1));
                    break;
                case SyntaxKind.MappingPattern:
                {
                    var items = Items(R(p, 1)).ToList();
                    var pairs = items.Where(i => i.Kind == SyntaxKind.KeyValuePattern).ToList();
                    var rest = items.FirstOrDefault(i => i.Kind == SyntaxKind.DoubleStarPattern);
                    Begin("MatchMapping");
                    Field("keys"); List(pairs, kv => Expr(R(kv, 0)));
                    Field("patterns"); List(pairs, kv => Pattern(R(kv, 2)));
                    Field("rest"); Str(rest is null ? null : Identifier(S(rest, 1)));
                    End();
                    break;
                }
                case SyntaxKind.ClassPattern:
                {
                    var items = Items(R(p, 2)).ToList();
                    var positional = items.Where(i => i.Kind != SyntaxKind.KeywordPattern).ToList();
                    var keywords = items.Where(i => i.Kind == SyntaxKind.KeywordPattern).ToList();
                    Begin("MatchClass");
                    Field("cls"); Expr(R(p, 0));
                    Field("patterns"); List(positional, Pattern);
                    Field("kwd_attrs"); List(keywords, k => Str(Identifier(S(k, 0))));
                    Field("kwd_patterns"); List(keywords, k => Pattern(R(k, 2)));
                    End();
                    break;
                }
                default:
                    Begin("Error");
                    End();
                    break;
            }
        }
    }
}

using System.Globalization;
using System.Text;
using DjangoLsp.Python.Syntax.Green;
using DjangoLsp.Python.Syntax.Parsing;

namespace DjangoLsp.Python.Syntax.Debug;

/// <summary>
/// Converts a syntax tree to JSON shaped like CPython 3.11's <c>ast</c> module: each node
/// <c>{"_type": ClassName, field: value, ...}</c> with the class's <c>_fields</c> (no positions, no type_comment).
/// Works on the green tree for speed. Only meaningful for trees without errors.
/// </summary>
public static partial class PythonAstJson
{
    /// <summary>The module as ast-shaped JSON.</summary>
    public static string Convert(PythonSyntaxTree tree)
    {
        var w = new Writer();
        w.Module(tree.GreenRoot);
        return w.ToString();
    }

    private enum Ctx { Load, Store, Del }

    private sealed partial class Writer
    {
        private readonly StringBuilder _sb = new();

        public override string ToString() => _sb.ToString();

        // ---------------- JSON helpers ----------------

        private void Begin(string type)
        {
            _sb.Append("{\"_type\": \"").Append(type).Append('"');
        }

        private void Field(string name) => _sb.Append(", \"").Append(name).Append("\": ");

        private void End() => _sb.Append('}');

        private void Str(string? s)
        {
            if (s is null) _sb.Append("null");
            else JsonText.WriteString(_sb, s);
        }

        private void Null() => _sb.Append("null");

        private void Int(int v) => _sb.Append(v.ToString(CultureInfo.InvariantCulture));

        private void Empty(string type)
        {
            Begin(type);
            End();
        }

        private void List<T>(IEnumerable<T> items, Action<T> write)
        {
            _sb.Append('[');
            bool first = true;
            foreach (var item in items)
            {
                if (!first) _sb.Append(", ");
                first = false;
                write(item);
            }
            _sb.Append(']');
        }

        private void CtxField(Ctx ctx)
        {
            Field("ctx");
            Empty(ctx.ToString());
        }

        // ---------------- Green helpers ----------------

        private static GreenNode? S(GreenNode g, int i) => g.GetSlot(i);

        private static GreenNode R(GreenNode g, int i) => g.GetSlot(i)!;

        private static string TokenText(GreenNode? g) => g is GreenToken t ? t.Text : "";

        /// <summary>Non-token children of a list node (separators dropped).</summary>
        private static IEnumerable<GreenNode> Items(GreenNode? list)
        {
            if (list is null) yield break;
            for (int i = 0; i < list.SlotCount; i++)
            {
                var c = list.GetSlot(i);
                if (c is not null && !c.IsToken) yield return c;
            }
        }

        private static string Identifier(GreenNode? token) => UnicodeTables.NormalizeIdentifier(TokenText(token));

        // ---------------- Module and statements ----------------

        public void Module(GreenNode module)
        {
            Begin("Module");
            Field("body");
            Statements(R(module, 0));
            Field("type_ignores");
            _sb.Append("[]");
            End();
        }

        private void Statements(GreenNode list) => List(Items(list), Statement);

        private void Body(GreenNode block) => Statements(R(block, 2));

        private void Statement(GreenNode s)
        {
            switch (s.Kind)
            {
                case SyntaxKind.ExpressionStatement:
                    Begin("Expr"); Field("value"); Expr(R(s, 0)); End();
                    break;
                case SyntaxKind.AssignmentStatement:
                    Begin("Assign");
                    Field("targets"); List(Items(R(s, 0)), t => Expr(t, Ctx.Store));
                    Field("value"); Expr(R(s, 1));
                    End();
                    break;
                case SyntaxKind.AugmentedAssignmentStatement:
                    Begin("AugAssign");
                    Field("target"); Expr(R(s, 0), Ctx.Store);
                    Field("op"); Empty(AugOperator(R(s, 1).Kind));
                    Field("value"); Expr(R(s, 2));
                    End();
                    break;
                case SyntaxKind.AnnotatedAssignmentStatement:
                    Begin("AnnAssign");
                    Field("target"); Expr(R(s, 0), Ctx.Store);
                    Field("annotation"); Expr(R(s, 2));
                    Field("value"); OptExpr(S(s, 4));
                    Field("simple"); Int(R(s, 0).Kind == SyntaxKind.NameExpression ? 1 : 0);
                    End();
                    break;
                case SyntaxKind.PassStatement: Empty("Pass"); break;
                case SyntaxKind.BreakStatement: Empty("Break"); break;
                case SyntaxKind.ContinueStatement: Empty("Continue"); break;
                case SyntaxKind.ReturnStatement:
                    Begin("Return"); Field("value"); OptExpr(S(s, 1)); End();
                    break;
                case SyntaxKind.RaiseStatement:
                    Begin("Raise"); Field("exc"); OptExpr(S(s, 1)); Field("cause"); OptExpr(S(s, 3)); End();
                    break;
                case SyntaxKind.GlobalStatement:
                case SyntaxKind.NonlocalStatement:
                    Begin(s.Kind == SyntaxKind.GlobalStatement ? "Global" : "Nonlocal");
                    Field("names"); List(Tokens(R(s, 1), SyntaxKind.IdentifierToken), t => Str(Identifier(t)));
                    End();
                    break;
                case SyntaxKind.DeleteStatement:
                    Begin("Delete"); Field("targets"); List(Items(R(s, 1)), t => Expr(t, Ctx.Del)); End();
                    break;
                case SyntaxKind.AssertStatement:
                    Begin("Assert"); Field("test"); Expr(R(s, 1)); Field("msg"); OptExpr(S(s, 3)); End();
                    break;
                case SyntaxKind.ImportStatement:
                    Begin("Import"); Field("names"); List(Items(R(s, 1)), Alias); End();
                    break;
                case SyntaxKind.FromImportStatement:
                {
                    Begin("ImportFrom");
                    Field("module"); Str(S(s, 2) is { } m ? DottedName(m) : null);
                    Field("names");
                    var names = R(s, 5);
                    if (Tokens(names, SyntaxKind.StarToken).Any())
                    {
                        _sb.Append("[{\"_type\": \"alias\", \"name\": \"*\", \"asname\": null}]");
                    }
                    else
                    {
                        List(Items(names), Alias);
                    }
                    int level = 0;
                    foreach (var dot in Tokens(R(s, 1), null)) level += ((GreenToken)dot).Text.Length;
                    Field("level"); Int(level);
                    End();
                    break;
                }
                case SyntaxKind.TypeAliasStatement:
                    Begin("TypeAlias");
                    Field("name"); Begin("Name"); Field("id"); Str(Identifier(S(s, 1))); CtxField(Ctx.Store); End();
                    Field("type_params"); TypeParams(S(s, 2));
                    Field("value"); Expr(R(s, 4));
                    End();
                    break;
                case SyntaxKind.IfStatement:
                    If(R(s, 1), R(s, 3), Items(R(s, 4)).ToList(), 0, S(s, 5));
                    break;
                case SyntaxKind.WhileStatement:
                    Begin("While");
                    Field("test"); Expr(R(s, 1));
                    Field("body"); Body(R(s, 3));
                    Field("orelse"); Else(S(s, 4));
                    End();
                    break;
                case SyntaxKind.ForStatement:
                    Begin(S(s, 0) is null ? "For" : "AsyncFor");
                    Field("target"); Expr(R(s, 2), Ctx.Store);
                    Field("iter"); Expr(R(s, 4));
                    Field("body"); Body(R(s, 6));
                    Field("orelse"); Else(S(s, 7));
                    End();
                    break;
                case SyntaxKind.TryStatement:
                {
                    var handlers = Items(R(s, 3)).ToList();
                    Begin(handlers.Any(h => S(h, 1) is not null) ? "TryStar" : "Try");
                    Field("body"); Body(R(s, 2));
                    Field("handlers");
                    List(handlers, h =>
                    {
                        Begin("ExceptHandler");
                        Field("type"); OptExpr(S(h, 2));
                        Field("name"); Str(S(h, 4) is { } n ? Identifier(n) : null);
                        Field("body"); Body(R(h, 6));
                        End();
                    });
                    Field("orelse"); Else(S(s, 4));
                    Field("finalbody");
                    if (S(s, 5) is { } fin) Body(R(fin, 2)); else _sb.Append("[]");
                    End();
                    break;
                }
                case SyntaxKind.WithStatement:
                    Begin(S(s, 0) is null ? "With" : "AsyncWith");
                    Field("items");
                    List(Items(R(s, 3)), item =>
                    {
                        Begin("withitem");
                        Field("context_expr"); Expr(R(item, 0));
                        Field("optional_vars");
                        if (S(item, 2) is { } target) Expr(target, Ctx.Store); else Null();
                        End();
                    });
                    Field("body"); Body(R(s, 6));
                    End();
                    break;
                case SyntaxKind.FunctionDefinition:
                    Begin(S(s, 1) is null ? "FunctionDef" : "AsyncFunctionDef");
                    Field("name"); Str(Identifier(S(s, 3)));
                    Field("args"); Arguments(R(s, 5));
                    Field("body"); Body(R(s, 9));
                    Field("decorator_list"); List(Items(R(s, 0)), d => Expr(R(d, 1)));
                    Field("returns"); OptExpr(S(s, 7));
                    End();
                    break;
                case SyntaxKind.ClassDefinition:
                {
                    Begin("ClassDef");
                    Field("name"); Str(Identifier(S(s, 2)));
                    var args = S(s, 4) is { } al ? Items(R(al, 1)).ToList() : new List<GreenNode>();
                    Field("bases"); List(args.Where(a => S(a, 0) is null && S(a, 2)?.Kind != SyntaxKind.StarStarToken), PositionalArgument);
                    Field("keywords"); List(args.Where(a => S(a, 0) is not null || S(a, 2)?.Kind == SyntaxKind.StarStarToken), Keyword);
                    Field("body"); Body(R(s, 6));
                    Field("decorator_list"); List(Items(R(s, 0)), d => Expr(R(d, 1)));
                    End();
                    break;
                }
                case SyntaxKind.MatchStatement:
                    Begin("Match");
                    Field("subject"); Expr(R(s, 1));
                    Field("cases");
                    List(Items(R(s, 5)), c =>
                    {
                        Begin("match_case");
                        Field("pattern"); Pattern(R(c, 1));
                        Field("guard"); OptExpr(S(c, 3));
                        Field("body"); Body(R(c, 5));
                        End();
                    });
                    End();
                    break;
                default:
                    Begin("Error");
                    End();
                    break;
            }
        }

        private static IEnumerable<GreenNode> Tokens(GreenNode list, SyntaxKind? kind)
        {
            for (int i = 0; i < list.SlotCount; i++)
            {
                var c = list.GetSlot(i);
                if (c is not null && c.IsToken && (kind is null || c.Kind == kind)) yield return c;
            }
        }

        private static string DottedName(GreenNode dotted) =>
            string.Join('.', Tokens(R(dotted, 0), SyntaxKind.IdentifierToken).Select(Identifier));

        private void Alias(GreenNode alias)
        {
            Begin("alias");
            Field("name"); Str(DottedName(R(alias, 0)));
            Field("asname"); Str(S(alias, 2) is { } a ? Identifier(a) : null);
            End();
        }

        private void If(GreenNode test, GreenNode body, List<GreenNode> elifs, int elifIndex, GreenNode? elseClause)
        {
            Begin("If");
            Field("test"); Expr(test);
            Field("body"); Body(body);
            Field("orelse");
            if (elifIndex < elifs.Count)
            {
                var e = elifs[elifIndex];
                _sb.Append('[');
                If(R(e, 1), R(e, 3), elifs, elifIndex + 1, elseClause);
                _sb.Append(']');
            }
            else
            {
                Else(elseClause);
            }
            End();
        }

        private void Else(GreenNode? elseClause)
        {
            if (elseClause is null) _sb.Append("[]");
            else Body(R(elseClause, 2));
        }

        private void TypeParams(GreenNode? list)
        {
            if (list is null)
            {
                _sb.Append("[]");
                return;
            }
            List(Items(R(list, 1)), p =>
            {
                var star = S(p, 0);
                Begin(star is null ? "TypeVar" : star.Kind == SyntaxKind.StarToken ? "TypeVarTuple" : "ParamSpec");
                Field("name"); Str(Identifier(S(p, 1)));
                if (star is null) { Field("bound"); OptExpr(S(p, 3)); }
                Field("default_value"); OptExpr(S(p, 5));
                End();
            });
        }

        /// <summary><c>arguments(posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults)</c>.</summary>
        private void Arguments(GreenNode parameterList)
        {
            var posOnly = new List<GreenNode>();
            var args = new List<GreenNode>();
            var kwOnly = new List<GreenNode>();
            var defaults = new List<GreenNode>();
            GreenNode? vararg = null, kwarg = null;
            bool afterStar = false;
            foreach (var item in Items(R(parameterList, 1)))
            {
                if (item.Kind == SyntaxKind.PositionalOnlySeparator)
                {
                    posOnly.AddRange(args);
                    args.Clear();
                    continue;
                }
                var star = S(item, 0);
                if (star is null)
                {
                    if (afterStar) kwOnly.Add(item);
                    else
                    {
                        args.Add(item);
                        if (S(item, 5) is { } d) defaults.Add(d);
                    }
                }
                else if (star.Kind == SyntaxKind.StarToken)
                {
                    afterStar = true;
                    if (S(item, 1) is not null) vararg = item;
                }
                else
                {
                    kwarg = item;
                }
            }
            Begin("arguments");
            Field("posonlyargs"); List(posOnly, Arg);
            Field("args"); List(args, Arg);
            Field("vararg"); if (vararg is null) Null(); else Arg(vararg);
            Field("kwonlyargs"); List(kwOnly, Arg);
            Field("kw_defaults"); List(kwOnly, k => OptExpr(S(k, 5)));
            Field("kwarg"); if (kwarg is null) Null(); else Arg(kwarg);
            Field("defaults"); List(defaults, d => Expr(d));
            End();
        }

        private void Arg(GreenNode p)
        {
            Begin("arg");
            Field("arg"); Str(Identifier(S(p, 1)));
            Field("annotation"); OptExpr(S(p, 3));
            End();
        }

        private static string AugOperator(SyntaxKind k) => k switch
        {
            SyntaxKind.PlusEqualsToken => "Add",
            SyntaxKind.MinusEqualsToken => "Sub",
            SyntaxKind.StarEqualsToken => "Mult",
            SyntaxKind.AtEqualsToken => "MatMult",
            SyntaxKind.SlashEqualsToken => "Div",
            SyntaxKind.PercentEqualsToken => "Mod",
            SyntaxKind.StarStarEqualsToken => "Pow",
            SyntaxKind.LessThanLessThanEqualsToken => "LShift",
            SyntaxKind.GreaterThanGreaterThanEqualsToken => "RShift",
            SyntaxKind.BarEqualsToken => "BitOr",
            SyntaxKind.CaretEqualsToken => "BitXor",
            SyntaxKind.AmpersandEqualsToken => "BitAnd",
            _ => "FloorDiv",
        };

        private static string BinaryOperator(SyntaxKind k) => k switch
        {
            SyntaxKind.PlusToken => "Add",
            SyntaxKind.MinusToken => "Sub",
            SyntaxKind.StarToken => "Mult",
            SyntaxKind.AtToken => "MatMult",
            SyntaxKind.SlashToken => "Div",
            SyntaxKind.PercentToken => "Mod",
            SyntaxKind.StarStarToken => "Pow",
            SyntaxKind.LessThanLessThanToken => "LShift",
            SyntaxKind.GreaterThanGreaterThanToken => "RShift",
            SyntaxKind.BarToken => "BitOr",
            SyntaxKind.CaretToken => "BitXor",
            SyntaxKind.AmpersandToken => "BitAnd",
            _ => "FloorDiv",
        };
    }
}

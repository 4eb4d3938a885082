using DjangoLsp.Python.Syntax.Debug;
using DjangoLsp.Python.Syntax.Parsing;

namespace DjangoLsp.Python.Syntax.Tests;

/// <summary>Hand-written checks for every construct, including 3.12–3.14 syntax the 3.11 oracle cannot check.</summary>
public class ParserTests
{
    private static PythonSyntaxTree Valid(string text)
    {
        var tree = PythonSyntaxTree.Parse(text);
        Assert.That(tree.Diagnostics.Where(d => !d.IsWarning), Is.Empty, text);
        Assert.That(tree.Root.ToFullString(), Is.EqualTo(text));
        return tree;
    }

    private static string Ast(string text) => PythonAstJson.Convert(Valid(text));

    [TestCase("@a.b(1)\n@c\ndef f(): pass\n")]
    [TestCase("async def f():\n    async for x in y:\n        pass\n    async with a as b, c:\n        await x\n")]
    [TestCase("with (open(a) as f, open(b) as g,):\n    pass\n")]
    [TestCase("with (a, b) as c:\n    pass\n")]
    [TestCase("f = lambda a, /, b=1, *c, d, e=2, **g: a\n")]
    [TestCase("x = [i for i in range(3) if i for j in k]\ny = {k: v for k, v in d}\nz = {a for a in b}\ng = (x async for x in y)\n")]
    [TestCase("a, *b = c\nprint(*a, **b)\nd = {**x, 'k': 1}\n")]
    [TestCase("if (n := len(a)) > 10: pass\n")]
    [TestCase("x = a if b else c\n")]
    [TestCase("def f(a, b, /, c, *, d, **e) -> int: ...\n")]
    [TestCase("def f(a: int = 1, *args: str, b: 'x' = None, **kw: dict): pass\n")]
    [TestCase("global a, b\nnonlocal_ = 1\n")]
    [TestCase("try:\n    pass\nexcept* ValueError as e:\n    pass\nexcept* (A, B):\n    pass\n")]
    [TestCase("try:\n    pass\nexcept A:\n    pass\nelse:\n    pass\nfinally:\n    pass\n")]
    [TestCase("x = a < b <= c != d is not e not in f\n")]
    [TestCase("x = a[1:2, ::3, ...]\ny = a[:, None]\n")]
    [TestCase("x = 0x_FF + 0o17 + 0b1010 + 1_000_000 + 1.5e-3 + 3j + .5 + 1.\n")]
    [TestCase("s = rb'\\d' + Rb\"x\" + BR'''y''' + u'z' + f'{a!r:>{w}}' + fr'{b}\\n' + F\"{c=}\"\n")]
    [TestCase("x = 1 if True else 2\ndel a[0], b.c\nassert x, 'msg'\nraise E from e\n")]
    [TestCase("import a.b as c, d\nfrom ..x import (y as z, w,)\nfrom . import *\n")]
    [TestCase("class C(B, metaclass=M):\n    x: int = 1\n    def m(self): return super().m()\n")]
    [TestCase("x = yield\ny = yield from z\n")]
    [TestCase("print(x for x in y)\n")]
    [TestCase("while x:\n    break\nelse:\n    continue\n")]
    [TestCase("for x, (y, z) in w:\n    pass\nelse:\n    pass\n")]
    [TestCase("a += 1; b @= c; d //= e; f **= g; h >>= i; j <<= k; l ^= m; n |= o; p &= q; r %= s\n")]
    [TestCase("x = ~a + -b * +c ** -d // e % f @ g\n")]
    [TestCase("if a:\n\tb = 1\nelif c:\n\tpass\nelse:\n\tpass\n")]
    [TestCase("x = (1,\n     2)  # comment\\\n")]
    [TestCase("x = 1 + \\\n    2\n")]
    [TestCase("\ufeffx = 1\r\ny = 2\rz = 3")]
    [TestCase("x = 1\f\ny = 2\n")]
    [TestCase("ñame = 'ü'\n变量 = 1\n")]
    [TestCase("match = 1\ncase = 2\ntype = 3\n_ = 4\nmatch(x)\nprint(match, case, type)\n")]
    public void ValidConstructsParseWithoutErrors(string text)
    {
        var json = Ast(text);
        Assert.That(json, Does.Not.Contain("\"Error\""));
    }

    [Test]
    public void MatchStatementWithAllPatternKinds()
    {
        var text = "match command.split():\n" +
                   "    case [\"go\", direction] | [\"move\", direction]:\n        pass\n" +
                   "    case Point(x=0, y=0) as origin:\n        pass\n" +
                   "    case {\"k\": 1, **rest}:\n        pass\n" +
                   "    case [1, *others]:\n        pass\n" +
                   "    case Color.RED | -1 | 1+2j | 'str' | None | True:\n        pass\n" +
                   "    case (a, b) if a > b:\n        pass\n" +
                   "    case _:\n        pass\n";
        var tree = Valid(text);
        var match = (MatchStatementSyntax)tree.Root.Statements[0];
        Assert.That(match.Cases, Has.Count.EqualTo(7));
        var json = PythonAstJson.Convert(tree);
        foreach (var kind in new[] { "MatchOr", "MatchSequence", "MatchClass", "MatchAs", "MatchMapping", "MatchStar", "MatchValue", "MatchSingleton" })
        {
            Assert.That(json, Does.Contain($"\"{kind}\""), kind);
        }
    }

    [Test]
    public void Pep695TypeParametersAndAliases()
    {
        var tree = Valid("type Point[T] = tuple[T, T]\ndef f[T: int, *Ts, **P](x: T) -> T: ...\nclass C[T = int, *Ts = *tuple[int]]: pass\n");
        var alias = (TypeAliasStatementSyntax)tree.Root.Statements[0];
        Assert.That(alias.NameToken.Text, Is.EqualTo("Point"));
        Assert.That(alias.TypeParameters!.Parameters, Has.Count.EqualTo(1));
        var f = (FunctionDefinitionSyntax)tree.Root.Statements[1];
        var ps = f.TypeParameters!.Parameters;
        Assert.That(ps.Select(p => p.NameToken.Text), Is.EqualTo(new[] { "T", "Ts", "P" }));
        Assert.That(ps[0].Bound, Is.InstanceOf<NameExpressionSyntax>());
        Assert.That(ps[2].StarToken!.Kind, Is.EqualTo(SyntaxKind.StarStarToken));
        var c = (ClassDefinitionSyntax)tree.Root.Statements[2];
        Assert.That(c.TypeParameters!.Parameters[0].Default, Is.InstanceOf<NameExpressionSyntax>(), "PEP 696 default");
        Assert.That(c.TypeParameters!.Parameters[1].Default, Is.InstanceOf<StarredExpressionSyntax>());
    }

    [Test]
    public void Pep701FStringsNestSameQuotesAndFields()
    {
        var tree = Valid("x = f\"{f\"{a[\"k\"]}\"!r:>{width}} and {x=} {'''q'''}\"\n");
        var fstrings = tree.Root.DescendantNodes().OfType<FStringExpressionSyntax>().ToList();
        Assert.That(fstrings, Has.Count.EqualTo(2));
        var outer = fstrings[0];
        var fields = outer.Parts.OfType<InterpolationSyntax>().ToList();
        Assert.That(fields[0].Expression, Is.InstanceOf<StringLiteralExpressionSyntax>());
        Assert.That(fields[0].ConversionToken!.Text, Is.EqualTo("r"));
        Assert.That(fields[0].FormatSpecParts.OfType<InterpolationSyntax>().Single().Expression.ToString(), Is.EqualTo("width"));
        Assert.That(fields[1].EqualsToken, Is.Not.Null);
    }

    [Test]
    public void Pep750TemplateStrings()
    {
        var tree = Valid("html = t\"<p>{name}</p>\"\nraw = tr'\\d{x}' + Rt\"{y}\"\n");
        var t = tree.Root.DescendantNodes().OfType<FStringExpressionSyntax>().First();
        Assert.That(t.Kind, Is.EqualTo(SyntaxKind.TStringExpression));
        Assert.That(t.Parts.OfType<InterpolationSyntax>().Single().Expression.ToString(), Is.EqualTo("name"));
        Assert.That(tree.Root.DescendantNodes().Count(n => n.Kind == SyntaxKind.TStringExpression), Is.EqualTo(3));
    }

    [Test]
    public void TypedApiExposesCallsAttributesAndStrings()
    {
        var tree = Valid("cursor.execute('SELECT ' 'x\\n', [a], timeout=3)\n");
        var call = tree.Root.DescendantNodes().OfType<CallExpressionSyntax>().Single();
        var attr = (AttributeExpressionSyntax)call.Expression;
        Assert.That(attr.Name, Is.EqualTo("execute"));
        Assert.That(((NameExpressionSyntax)attr.Expression).Name, Is.EqualTo("cursor"));
        var args = call.ArgumentList.Arguments;
        Assert.That(((StringLiteralExpressionSyntax)args[0].Expression).Value, Is.EqualTo("SELECT x\n"));
        Assert.That(args[2].NameToken!.Text, Is.EqualTo("timeout"));
        var token = tree.Root.FindToken(tree.Text.ToString().IndexOf("execute", StringComparison.Ordinal) + 2);
        Assert.That(token.Text, Is.EqualTo("execute"));
        Assert.That(token.Parent, Is.SameAs(attr));
    }

    [Test]
    public void StringDecodingMatchesPython()
    {
        Assert.That(StringLiteralInfo.Decode("'\\x41\\101\\u00e9\\N{EM DASH}\\U0001F600\\q'", out var error), Is.EqualTo("AAé—😀\\q"));
        Assert.That(error, Is.Null);
        Assert.That(StringLiteralInfo.Decode("r'\\n'", out _), Is.EqualTo("\\n"));
        Assert.That(StringLiteralInfo.Decode("b'\\u1234'", out _), Is.EqualTo("\\u1234"));
        StringLiteralInfo.Decode("'\\N{NOT A REAL NAME}'", out error);
        Assert.That(error, Is.Not.Null);
    }

    [TestCase("x = (1,\n", 1, "'(' was never closed")]
    [TestCase("def f(:\n    pass\n", 1, null)]
    [TestCase("if x\n    pass\n", 1, "expected ':'")]
    [TestCase("if x:\npass\n", 2, "expected an indented block")]
    [TestCase("  x = 1\n", 1, "unexpected indent")]
    [TestCase("if x:\n    a\n  b\n", 3, "unindent does not match")]
    [TestCase("print 'hello'\n", 1, "Missing parentheses in call to 'print'")]
    [TestCase("f() = 1\n", 1, "cannot assign to function call")]
    [TestCase("del 1\n", 1, "cannot delete literal")]
    [TestCase("x = 0777\n", 1, "leading zeros")]
    [TestCase("s = 'abc\n", 1, "unterminated string literal")]
    [TestCase("s = \"\"\"abc\n\nx = 1\n", 1, "unterminated triple-quoted string literal")]
    [TestCase("x = b'é'\n", 1, "bytes can only contain ASCII")]
    [TestCase("f(a=1, b)\n", 1, "positional argument follows keyword argument")]
    [TestCase("def f(a=1, b): pass\n", 1, "non-default argument follows default argument")]
    [TestCase("x = f'{}'\n", 1, "empty expression")]
    [TestCase("x = f'{a!z}'\n", 1, "invalid conversion character")]
    [TestCase("if a:\n\tb\n        c\n", 3, "inconsistent use of tabs and spaces")]
    [TestCase("x = a <> b\n", 1, "'<>'")]
    [TestCase("except X, e:\n", 1, null)]
    [TestCase("x = $\n", 1, "invalid syntax")]
    public void ErrorsHaveALineAndAReadableMessage(string text, int line, string? message)
    {
        var tree = PythonSyntaxTree.Parse(text);
        Assert.That(tree.HasErrors, Is.True);
        var first = tree.Diagnostics.First(d => !d.IsWarning);
        Assert.That(tree.GetLineNumber(first.Span.Start), Is.EqualTo(line), first.Message);
        if (message is not null) Assert.That(tree.Diagnostics.Select(d => d.Message), Has.Some.Contains(message));
        Assert.That(tree.Root.ToFullString(), Is.EqualTo(text));
    }

    [Test]
    public void BrokenStatementDoesNotSwallowTheRestOfTheFile()
    {
        var tree = PythonSyntaxTree.Parse("x = foo(1,\n\ndef g():\n    return 2\n\nclass C:\n    pass\n");
        Assert.That(tree.HasErrors, Is.True);
        Assert.That(tree.Root.Statements.OfType<FunctionDefinitionSyntax>().Single().Name, Is.EqualTo("g"));
        Assert.That(tree.Root.Statements.OfType<ClassDefinitionSyntax>().Single().Name, Is.EqualTo("C"));
    }

    [Test]
    public void MissingTokensAreZeroWidthAndSkippedTokensAreTrivia()
    {
        var tree = PythonSyntaxTree.Parse("if x\n    y = 1 1\n");
        var colon = tree.Root.DescendantTokens().First(t => t.Kind == SyntaxKind.ColonToken);
        Assert.That(colon.IsMissing, Is.True);
        Assert.That(colon.Span.Length, Is.Zero);
        Assert.That(tree.Root.DescendantTokens().SelectMany(t => t.LeadingTrivia).Any(t => t.Kind == SyntaxKind.SkippedTokensTrivia && t.Text == "1"), Is.True);
    }

    [Test]
    public void Python2PrintChevronIsAWarningNotAnError()
    {
        var tree = PythonSyntaxTree.Parse("print >>sys.stderr, 'x'\n");
        Assert.That(tree.HasErrors, Is.False, "CPython 3 accepts this expression");
        Assert.That(tree.Diagnostics.Single().IsWarning, Is.True);
        Assert.That(PythonSyntaxTree.Parse("print(x >> 2)\n").Diagnostics, Is.Empty);
    }

    [Test]
    public void NumbersAndFloatReprMatchPython()
    {
        Assert.That(PythonNumbers.Repr(1e16), Is.EqualTo("1e+16"));
        Assert.That(PythonNumbers.Repr(1e15), Is.EqualTo("1000000000000000.0"));
        Assert.That(PythonNumbers.Repr(0.0001), Is.EqualTo("0.0001"));
        Assert.That(PythonNumbers.Repr(0.00001), Is.EqualTo("1e-05"));
        Assert.That(PythonNumbers.Repr(1.5), Is.EqualTo("1.5"));
        Assert.That(PythonNumbers.Repr(double.PositiveInfinity), Is.EqualTo("inf"));
        Assert.That(Ast("x = 123456789012345678901234567890\n"), Does.Contain("{\"int\": \"123456789012345678901234567890\"}"));
        Assert.That(Ast("x = 1e400\n"), Does.Contain("{\"float\": \"inf\"}"));
    }

    [Test]
    public void DebugParseSummarizesADirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "djangolsp-debug-parse-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.py"), "x = 1\n");
            File.WriteAllText(Path.Combine(dir, "b.py"), "def (:\n");
            var writer = new StringWriter();
            Assert.That(PythonDebugCommands.DebugParse([dir], writer), Is.Zero);
            Assert.That(writer.ToString(), Does.StartWith("files: 2, bytes: 13, files with syntax errors: 1, milliseconds: "));
            writer = new StringWriter();
            PythonDebugCommands.DebugAst([Path.Combine(dir, "b.py")], writer);
            Assert.That(writer.ToString(), Does.Contain("\"error\": {\"line\": 1, \"message\": "));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Analysis.Tests.Rules.Crypto;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Semantics;

/// <summary>
/// The scope builder skips expressions the node index says hold no lambda, comprehension or walrus. Skipping must
/// never lose a scope or a binding: checked against the tree itself on real files and on hand-made corner cases.
/// </summary>
public class ScopeSkippingTests
{
    private static IEnumerable<string> RealFiles() =>
        new[] { "examples/vulnerable-shop", "tests/corpus" }
            .Select(folder => Path.Combine(RuleHost.RepoRoot, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.py", SearchOption.AllDirectories))
            .OrderBy(p => p, StringComparer.Ordinal);

    private static bool IsScopeExpression(SyntaxNode node) => node is LambdaExpressionSyntax or ComprehensionExpressionSyntax or NamedExpressionSyntax;

    [Test]
    public void Index_never_says_no_for_an_expression_that_holds_a_lambda_comprehension_or_walrus()
    {
        var files = RealFiles().ToList();
        Assert.That(files, Has.Count.GreaterThan(50));
        var holding = 0;
        var skippable = 0;
        foreach (var path in files)
        {
            var tree = PythonSyntaxTree.Parse(File.ReadAllText(path));
            var index = PythonNodeIndex.Build(tree);
            foreach (var node in tree.Root.DescendantNodes().OfType<ExpressionSyntax>())
            {
                var holds = IsScopeExpression(node) || node.DescendantNodes().Any(IsScopeExpression);
                if (holds)
                {
                    holding++;
                    Assert.That(index.MayContainScopeExpression(node), Is.True, $"{path}: {node}");
                }
                else if (!index.MayContainScopeExpression(node))
                {
                    skippable++;
                }
            }
        }
        Assert.That(holding, Is.GreaterThan(20), "the files exercise lambdas, comprehensions and walrus");
        Assert.That(skippable, Is.GreaterThan(holding * 10), "most expressions are skipped");
    }

    [Test]
    public void Every_lambda_and_comprehension_gets_a_scope_and_every_walrus_a_binding_in_real_files()
    {
        foreach (var path in RealFiles())
        {
            var document = new AnalysisDocument(path, SourceText.From(File.ReadAllText(path)));
            var model = document.GetPythonSemantics();
            var bindings = AllScopes(model.ModuleScope).SelectMany(s => s.Bindings.Values).SelectMany(b => b).ToList();
            foreach (var node in model.Tree.Root.DescendantNodes())
            {
                if (node is LambdaExpressionSyntax or ComprehensionExpressionSyntax)
                    Assert.That(model.GetScopeOfDefinition(node), Is.Not.Null, $"{path}: {node}");
                if (node is NamedExpressionSyntax { Target: NameExpressionSyntax target })
                    Assert.That(bindings.Any(b => b.Node == target), Is.True, $"{path}: {node}");
            }
        }
    }

    private static IEnumerable<Scope> AllScopes(Scope scope) => new[] { scope }.Concat(scope.Children.SelectMany(AllScopes));

    [TestCase("if (n := len(a)) > 3:\n    pass\n", "n", ScopeKind.Module)]
    [TestCase("def f(x=[y for y in z]):\n    pass\n", "y", ScopeKind.Comprehension)]
    [TestCase("@register(lambda q: q)\ndef f():\n    pass\n", "q", ScopeKind.Lambda)]
    [TestCase("def f():\n    return g(1, key=lambda k: k)\n", "k", ScopeKind.Lambda)]
    [TestCase("class C(Base, meta=[m for m in ms]):\n    pass\n", "m", ScopeKind.Comprehension)]
    [TestCase("x = {k: v for k, v in d.items() if (w := v)}\n", "w", ScopeKind.Module)]
    [TestCase("def f():\n    print(*[(t := i) for i in r])\n", "t", ScopeKind.Function)]
    [TestCase("with open(p) as fh, ctx(lambda c: c) as g:\n    pass\n", "c", ScopeKind.Lambda)]
    [TestCase("for i in (j for j in range(3)):\n    pass\n", "j", ScopeKind.Comprehension)]
    [TestCase("try:\n    pass\nexcept (lambda e2: E)(1) as e:\n    pass\n", "e2", ScopeKind.Lambda)]
    [TestCase("assert all(a2 for a2 in xs), 'msg'\n", "a2", ScopeKind.Comprehension)]
    // Statements without a case of their own: their children are visited only when the index saw a scope expression.
    [TestCase("print((v := 5))\n", "v", ScopeKind.Module)]
    [TestCase("def f():\n    return (r := 1)\n", "r", ScopeKind.Function)]
    [TestCase("raise E() from (lambda rr: rr)\n", "rr", ScopeKind.Lambda)]
    [TestCase("del d[[k3 for k3 in ks][0]]\n", "k3", ScopeKind.Comprehension)]
    public void Bindings_inside_expressions_of_every_statement_kind_are_found(string code, string name, ScopeKind kind)
    {
        var model = PythonSemanticModel.Create(PythonSyntaxTree.Parse(code));
        var scopes = AllScopes(model.ModuleScope).Where(s => s.GetBindings(name).Count > 0).ToList();
        Assert.That(scopes, Has.Count.EqualTo(1), name);
        Assert.That(scopes[0].Kind, Is.EqualTo(kind));
    }

    // The builder takes an expression's scope expressions from the index's list (nodes starting in its span) and keeps
    // those below it with no lambda or comprehension between: nesting, siblings and same-start neighbours must still
    // give each scope the right parent, in source order.
    [Test]
    public void Nested_and_sibling_scope_expressions_get_the_right_parents_in_source_order()
    {
        var model = PythonSemanticModel.Create(PythonSyntaxTree.Parse(
            "f(lambda a: [b for b in a if (c := b)], (d for d in e), g(x for x in (lambda y: y)(1)))\n"));
        var module = model.ModuleScope;
        Assert.That(module.Children.Select(s => s.Kind),
            Is.EqualTo(new[] { ScopeKind.Lambda, ScopeKind.Comprehension, ScopeKind.Comprehension, ScopeKind.Lambda }));
        var lambda = module.Children[0];
        Assert.That(lambda.GetBindings("a"), Has.Count.EqualTo(1));
        Assert.That(lambda.GetBindings("c"), Has.Count.EqualTo(1), "a walrus in a comprehension binds in the lambda around it");
        Assert.That(lambda.Children.Select(s => s.Kind), Is.EqualTo(new[] { ScopeKind.Comprehension }));
        Assert.That(lambda.Children[0].GetBindings("b"), Has.Count.EqualTo(1));
        Assert.That(module.Children[1].GetBindings("d"), Has.Count.EqualTo(1));
        // `x for x in …` starts where its element starts; the lambda in its first iterable belongs to the module.
        var generator = module.Children[2];
        Assert.That(generator.GetBindings("x"), Has.Count.EqualTo(1));
        Assert.That(generator.Children, Is.Empty);
        Assert.That(module.Children[3].GetBindings("y"), Has.Count.EqualTo(1));
        Assert.That(module.Bindings.Keys, Is.Empty, "nothing binds at module level");
    }

    [Test]
    public void A_module_without_any_lambda_comprehension_or_walrus_still_binds_every_statement()
    {
        var model = PythonSemanticModel.Create(PythonSyntaxTree.Parse(
            "import os\nfrom a import b as c\nx = f(1, g(2))\ny: int = 3\nfor i in r:\n    z = i\ndef h(p, q=4):\n    return p\nclass K:\n    attr = 5\n"));
        Assert.That(model.ModuleScope.Bindings.Keys.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "K", "c", "h", "i", "os", "x", "y", "z" }));
        Assert.That(model.ModuleScope.Children.Select(s => s.Kind), Is.EqualTo(new[] { ScopeKind.Function, ScopeKind.Class }));
    }
}

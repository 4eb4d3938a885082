using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Analysis.Tests.Rules.Crypto;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Syntax;

/// <summary>The shared node index must be exactly the tree walk the rules used to do themselves, per snapshot.</summary>
public class PythonNodeIndexTests
{
    private static IEnumerable<string> RealFiles() =>
        Directory.EnumerateFiles(Path.Combine(RuleHost.RepoRoot, "examples", "vulnerable-shop"), "*.py", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal);

    [Test]
    public void Nodes_and_calls_are_the_tree_walk_in_document_order()
    {
        var files = RealFiles().ToList();
        Assert.That(files, Has.Count.GreaterThan(10));
        foreach (var path in files)
        {
            var document = new AnalysisDocument(path, SourceText.From(File.ReadAllText(path)));
            var root = document.GetPythonSyntax().Root;
            var index = document.GetPythonNodes();
            AssertSameNodes(index.Nodes, root.DescendantNodes(), path);
            AssertSameNodes(index.Calls, root.DescendantNodes().OfType<CallExpressionSyntax>(), path);
            AssertSameNodes(index.OfType<CompareExpressionSyntax>(), root.DescendantNodes().OfType<CompareExpressionSyntax>(), path);
            AssertSameNodes(index.Imports, root.DescendantNodes().Where(n => n is ImportStatementSyntax or FromImportStatementSyntax), path);
            Assert.That(index.Kinds.ToArray(), Is.EqualTo(index.Nodes.Select(n => n.Kind)), path);
            // Every lambda, comprehension and := is seen by the kind-based scope positions; a node without one is not.
            foreach (var node in index.Nodes)
            {
                bool holds = node.DescendantNodesAndSelf().Any(n => n is LambdaExpressionSyntax or ComprehensionExpressionSyntax or NamedExpressionSyntax);
                if (holds) Assert.That(index.MayContainScopeExpression(node), Is.True, $"{path}: {node.Kind} at {node.Position}");
            }
        }
    }

    private static void AssertSameNodes(IEnumerable<SyntaxNode> actual, IEnumerable<SyntaxNode> expected, string path)
    {
        var a = actual.ToList();
        var e = expected.ToList();
        Assert.That(a, Has.Count.EqualTo(e.Count), path);
        for (var i = 0; i < a.Count; i++)
            Assert.That(a[i], Is.SameAs(e[i]), $"{path}: node {i}");
    }

    [Test]
    public void Scope_expressions_are_found_by_kind_and_plain_code_has_none()
    {
        const string code = "def f(a):\n    b = [x for x in a]\n    c = {k: v for k, v in a}\n    d = {x for x in a}\n    e = (x for x in a)\n    g = lambda: 1\n    if (h := a):\n        pass\n";
        var index = new AnalysisDocument("/p/m.py", SourceText.From(code)).GetPythonNodes();
        var holders = index.Nodes.Where(n => n is AssignmentStatementSyntax or IfStatementSyntax).ToList();
        Assert.That(holders, Has.Count.EqualTo(6));
        Assert.That(holders.All(index.MayContainScopeExpression), Is.True);
        var plain = new AnalysisDocument("/p/n.py", SourceText.From("def f(a):\n    b = g(a)[0] + a.x\n    return b\n")).GetPythonNodes();
        Assert.That(plain.Nodes.Any(plain.MayContainScopeExpression), Is.False);
        Assert.That(plain.Kinds.ToArray(), Does.Contain(SyntaxKind.CallExpression));
    }

    [Test]
    public void Imports_include_nested_ones()
    {
        const string code = "import os\nclass C:\n    def f(self, a):\n        from re import sub\n        if a == (lambda: [x for x in a if x < 1]):\n            import regex as r\n";
        var index = new AnalysisDocument("/p/m.py", SourceText.From(code)).GetPythonNodes();
        Assert.That(index.Imports.Select(i => i.ToString().Trim()), Is.EqualTo(new[] { "import os", "from re import sub", "import regex as r" }));
    }

    [Test]
    public void Index_is_built_once_per_snapshot_and_again_after_an_edit()
    {
        var document = new AnalysisDocument("/p/views.py", SourceText.From("import os\nos.system(x)\n"));
        var first = document.GetPythonNodes();
        Assert.That(document.GetPythonNodes(), Is.SameAs(first));
        Assert.That(first.Calls, Has.Count.EqualTo(1));

        var edited = document.WithChanges(new[] { new TextChange(new TextSpan(document.Text.Length, 0), "os.popen(y)\n") }, 2);
        var second = edited.GetPythonNodes();
        Assert.That(second, Is.Not.SameAs(first));
        Assert.That(second.Calls.Select(c => c.Expression.ToString()), Is.EqualTo(new[] { "os.system", "os.popen" }));
        Assert.That(second.Calls[0].SyntaxTree, Is.SameAs(edited.GetPythonSyntax()), "nodes of the new tree, not the old one");
    }

    [Test]
    public void Memoised_qualified_names_equal_fresh_resolution()
    {
        // The memo is keyed by node: one model answers as a fresh model does, also when asked twice.
        const string code = "from django.db import connection as c\nimport subprocess as sp\ndef f(x):\n    cur = c.cursor()\n    cur.execute(x)\n    sp.run(x)\n    x.run()\n";
        var tree = PythonSyntaxTree.Parse(code);
        var memoised = PythonSemanticModel.Create(tree);
        foreach (var call in tree.Root.DescendantNodes().OfType<CallExpressionSyntax>())
        {
            var fresh = PythonSemanticModel.Create(tree).GetCalleeName(call);
            Assert.That(memoised.GetCalleeName(call), Is.EqualTo(fresh), call.ToString());
            Assert.That(memoised.GetCalleeName(call), Is.EqualTo(fresh), call.ToString());
        }
        var names = tree.Root.DescendantNodes().OfType<CallExpressionSyntax>().Select(memoised.GetCalleeName).ToList();
        Assert.That(names, Is.EqualTo(new string?[] { "django.db.connection.cursor", "django.db.connection.cursor().execute", "subprocess.run", null }));
    }
}

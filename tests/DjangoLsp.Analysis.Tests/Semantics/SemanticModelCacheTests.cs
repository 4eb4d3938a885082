using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Tests.Semantics;

/// <summary>
/// The semantic model's cheaper paths must answer as the full walks did: <c>Imports</c> reads a list of import
/// bindings instead of every binding of every scope; <c>Functions</c> is listed on first use; the qualified-name
/// cache hashes nodes by position, width and kind (equal keys for different nodes must not share an answer).
/// </summary>
public class SemanticModelCacheTests
{
    private static PythonSemanticModel Model(string code) => PythonSemanticModel.Create(PythonSyntaxTree.Parse(code));

    /// <summary>The old definition: any import binding of any scope binding the name or something above or below it.</summary>
    private static bool ImportsByWalk(PythonSemanticModel model, string qualifiedName)
    {
        var scopes = new List<Scope>();
        var pending = new Stack<Scope>(new[] { model.ModuleScope });
        while (pending.Count > 0)
        {
            var scope = pending.Pop();
            scopes.Add(scope);
            foreach (var child in scope.Children) pending.Push(child);
        }
        return scopes.SelectMany(s => s.Bindings.Values).SelectMany(b => b)
            .Any(b => b.Kind == BindingKind.Import && b.ImportedName != null
                      && (b.ImportedName == qualifiedName || b.ImportedName.StartsWith(qualifiedName + ".", StringComparison.Ordinal)
                          || qualifiedName.StartsWith(b.ImportedName + ".", StringComparison.Ordinal)));
    }

    private static readonly string[] Names = { "re", "regex", "re.sub", "os", "os.path", "os.pathlib", "django", "django.conf.settings", "django.conf", "", "ab", "a" };

    [TestCase("import re\n")]
    [TestCase("def f():\n    import regex as re\n")]
    [TestCase("class C:\n    def m(self):\n        from re import sub\n")]
    [TestCase("import os.path, abc\nfrom django.conf import settings\n")]
    [TestCase("def f():\n    global re\n    import re\n")]
    [TestCase("try:\n    import regex\nexcept ImportError:\n    regex = None\n")]
    [TestCase("from . import re\nfrom .. import a\n")]
    [TestCase("x = [lambda: __import__('re') for _ in y]\n")]
    [TestCase("from os import *\n")]
    [TestCase("import\n")]
    public void Imports_answers_as_the_walk_over_every_binding(string code)
    {
        var model = Model(code);
        foreach (var name in Names)
            Assert.That(model.Imports(name), Is.EqualTo(ImportsByWalk(model, name)), $"{name} in {code}");
    }

    [Test]
    public void Imports_over_Django_matches_the_walk()
    {
        const string root = "/usr/lib/python3/dist-packages/django";
        if (!Directory.Exists(root)) Assert.Ignore("Django is not installed");
        foreach (var path in Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories).Take(300))
        {
            var model = Model(File.ReadAllText(path));
            foreach (var name in Names)
                Assert.That(model.Imports(name), Is.EqualTo(ImportsByWalk(model, name)), $"{name} in {path}");
        }
    }

    [Test]
    public void Functions_lists_every_def_in_source_order_once()
    {
        var model = Model("def b():\n    def inner():\n        pass\nclass C:\n    def m(self):\n        pass\nf = lambda: 0\ndef a():\n    pass\n");
        var names = model.Functions.Select(f => f.Name).ToList();
        Assert.That(names, Is.EqualTo(new[] { "b", "inner", "m", "a" }));
        Assert.That(model.Functions, Is.SameAs(model.Functions));
    }

    [TestCase("import os\nos.path.join(\nx = (\n")]
    [TestCase("import os.path as p\np.join(p.sep, p)(p)[0].x\n")]
    [TestCase("from django.db import connection\nc = connection.cursor()\nc.execute(c)\nc()()\n")]
    public void Every_expression_gets_its_own_qualified_name_whatever_the_order_of_questions(string code)
    {
        // Nested nodes share a position (a, a.b, a.b()), missing nodes a position and width: the cache must keep them
        // apart, so asking in another order must not change an answer.
        var forward = Model(code);
        var backward = Model(code);
        var first = forward.Tree.Root.DescendantNodes().OfType<ExpressionSyntax>().ToList();
        var second = backward.Tree.Root.DescendantNodes().OfType<ExpressionSyntax>().ToList();
        var backwardAnswers = Enumerable.Range(0, second.Count).Reverse().ToDictionary(i => i, i => backward.GetQualifiedName(second[i]));
        for (var i = 0; i < first.Count; i++)
            Assert.That(forward.GetQualifiedName(first[i]), Is.EqualTo(backwardAnswers[i]), first[i].ToString());
        Assert.That(first.Select(forward.GetQualifiedName), Does.Contain(code.StartsWith("import os\n") ? "os.path.join" : code.Contains("connection") ? "django.db.connection.cursor().execute" : "os.path.join"));
    }
}

using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Tests.Semantics;

public class SemanticModelTests
{
    private static PythonSemanticModel Model(string code) => PythonSemanticModel.Create(PythonSyntaxTree.Parse(code));

    private static CallExpressionSyntax Call(PythonSemanticModel model, string calleeText, int index = 0) =>
        model.Tree.Root.DescendantNodes().OfType<CallExpressionSyntax>().Where(c => c.Expression.ToString() == calleeText).ElementAt(index);

    [TestCase("from django.utils.safestring import mark_safe as ms\nms(x)\n", "ms", "django.utils.safestring.mark_safe")]
    [TestCase("from django.utils.safestring import mark_safe\nmark_safe(x)\n", "mark_safe", "django.utils.safestring.mark_safe")]
    [TestCase("import django.db.connection as c\nc.cursor()\n", "c.cursor", "django.db.connection.cursor")]
    [TestCase("import os.path\nos.path.join(a, b)\n", "os.path.join", "os.path.join")]
    [TestCase("import subprocess as sp\nsp.run(x)\n", "sp.run", "subprocess.run")]
    [TestCase("from django.db import connection\ncursor = connection.cursor()\ncursor.execute(q)\n", "cursor.execute", "django.db.connection.cursor().execute")]
    [TestCase("from django.db import connection\ndef f():\n    with connection.cursor() as cursor:\n        cursor.execute(q)\n", "cursor.execute", "django.db.connection.cursor().execute")]
    [TestCase("from django.db import connections\nconnections['x'].cursor().execute(q)\n", "connections['x'].cursor().execute", "django.db.connections[].cursor().execute")]
    [TestCase("eval(x)\n", "eval", "builtins.eval")]
    [TestCase("from . import views\nviews.index(r)\n", "views.index", ".views.index")]
    [TestCase("from .. import views as v\nv.index(r)\n", "v.index", "..views.index")]
    [TestCase("import pickle\nloads = pickle.loads\nloads(b)\n", "loads", "pickle.loads")]
    public void Qualified_name_follows_imports_and_aliases(string code, string callee, string expected)
    {
        var model = Model(code);
        Assert.That(model.GetCalleeName(Call(model, callee)), Is.EqualTo(expected));
    }

    [TestCase("def eval(x):\n    return x\neval(y)\n", "eval")]
    [TestCase("def f(request):\n    request.GET.get('a')\n", "request.GET.get")]
    [TestCase("def f(cursor):\n    cursor.execute(q)\n", "cursor.execute")]
    public void Qualified_name_is_null_for_locals_and_parameters(string code, string callee)
    {
        var model = Model(code);
        Assert.That(model.GetCalleeName(Call(model, callee)), Is.Null);
    }

    [Test]
    public void Rebinding_uses_the_nearest_preceding_binding()
    {
        var model = Model("import os\nimport subprocess\nrun = os.system\nrun(a)\nrun = subprocess.run\nrun(b)\n");
        Assert.That(model.GetCalleeName(Call(model, "run", 0)), Is.EqualTo("os.system"));
        Assert.That(model.GetCalleeName(Call(model, "run", 1)), Is.EqualTo("subprocess.run"));
    }

    [Test]
    public void Function_scope_sees_module_imports_but_not_class_attributes()
    {
        const string code = "import os\nclass C:\n    os = None\n    def m(self):\n        os.system(x)\n";
        var model = Model(code);
        Assert.That(model.GetCalleeName(Call(model, "os.system")), Is.EqualTo("os.system"));
    }

    [Test]
    public void Scopes_are_built_for_module_class_function_lambda_and_comprehension()
    {
        var model = Model("class C:\n    def m(self, a):\n        f = lambda y: y + a\n        return [z for z in a]\n");
        var kinds = new List<ScopeKind>();
        void Walk(Scope s) { kinds.Add(s.Kind); foreach (var c in s.Children) Walk(c); }
        Walk(model.ModuleScope);
        Assert.That(kinds, Is.EqualTo(new[] { ScopeKind.Module, ScopeKind.Class, ScopeKind.Function, ScopeKind.Lambda, ScopeKind.Comprehension }));
        var method = model.GetScopeOfDefinition(model.Functions.Single())!;
        Assert.That(method.Bindings.Keys, Is.EquivalentTo(new[] { "self", "a", "f" }));
        Assert.That(method.GetBindings("a")[0].Kind, Is.EqualTo(BindingKind.Parameter));
        var comprehension = method.Children.Single(c => c.Kind == ScopeKind.Comprehension);
        Assert.That(comprehension.GetBindings("z")[0].Kind, Is.EqualTo(BindingKind.LoopTarget));
    }

    [Test]
    public void Global_declaration_binds_in_module_scope()
    {
        var model = Model("def f():\n    global G\n    G = 1\n");
        Assert.That(model.ModuleScope.GetBindings("G").Select(b => b.Kind), Is.EqualTo(new[] { BindingKind.Assignment }));
    }

    [Test]
    public void Tuple_unpacking_pairs_elements()
    {
        var model = Model("import os\na, b = os.system, 1\na(x)\n");
        Assert.That(model.GetCalleeName(Call(model, "a")), Is.EqualTo("os.system"));
    }

    private static string? Fold(string code)
    {
        var model = Model(code);
        var last = (ExpressionStatementSyntax)model.Tree.Root.Statements[^1];
        return model.GetConstantString(last.Expression);
    }

    [TestCase("'a' 'b'\n", "ab")]
    [TestCase("'SELECT ' + 'x'\n", "SELECT x")]
    [TestCase("T = 'users'\n'SELECT * FROM %s WHERE id=%d' % (T, 3)\n", "SELECT * FROM users WHERE id=3")]
    [TestCase("T = 'users'\nf'SELECT * FROM {T}'\n", "SELECT * FROM users")]
    [TestCase("'{} and {}'.format('a', 'b')\n", "a and b")]
    [TestCase("', '.join(['a', 'b'])\n", "a, b")]
    [TestCase("'100%%'  % ()\n", "100%")]
    public void Constant_folding_of_strings(string code, string expected) => Assert.That(Fold(code), Is.EqualTo(expected));

    [TestCase("x = input()\n'a' + x\n")]
    [TestCase("T = 'a'\nT = input()\nf'{T}'\n")]
    [TestCase("f'{x!r}'\n")]
    [TestCase("'%s' % y\n")]
    [TestCase("'{name}'.format(name='a')\n")]
    public void Non_constant_strings_do_not_fold(string code) => Assert.That(Fold(code), Is.Null);

    [Test]
    public void Cfg_of_if_elif_else_has_true_false_edges_and_join()
    {
        var model = Model("def f(x):\n    if x:\n        a = 1\n    elif y:\n        a = 2\n    else:\n        a = 3\n    return a\n");
        var cfg = model.GetControlFlowGraph(model.Functions[0]);
        var conditions = cfg.Blocks.SelectMany(b => b.Successors).Where(e => e.Kind == EdgeKind.WhenTrue).Select(e => e.Condition!.ToString());
        Assert.That(conditions, Is.EqualTo(new[] { "x", "y" }));
        var returnBlock = cfg.Blocks.Single(b => b.Elements.Any(e => e is ReturnStatementSyntax));
        Assert.That(returnBlock.Predecessors, Has.Count.EqualTo(3));
        Assert.That(returnBlock.Successors.Single().To, Is.SameAs(cfg.Exit));
    }

    [Test]
    public void Cfg_of_loop_has_back_edge_break_and_continue()
    {
        var model = Model("def f(xs):\n    for x in xs:\n        if x:\n            break\n        if not x:\n            continue\n        g(x)\n    return 1\n");
        var cfg = model.GetControlFlowGraph(model.Functions[0]);
        var body = cfg.Blocks.Single(b => b.Elements.Any(e => e is ForStatementSyntax));
        var header = body.Predecessors.Single().From;
        var call = cfg.Blocks.Single(b => b.Elements.Any(e => e.ToString().Trim() == "g(x)"));
        Assert.That(call.Successors.Single().To, Is.SameAs(header), "back edge");
        var breakBlock = cfg.Blocks.Single(b => b.Elements.Any(e => e.Kind == SyntaxKind.BreakStatement));
        var returnBlock = cfg.Blocks.Single(b => b.Elements.Any(e => e is ReturnStatementSyntax));
        Assert.That(breakBlock.Successors.Single().To, Is.SameAs(returnBlock));
        var continueBlock = cfg.Blocks.Single(b => b.Elements.Any(e => e.Kind == SyntaxKind.ContinueStatement));
        Assert.That(continueBlock.Successors.Single().To, Is.SameAs(header));
    }

    [Test]
    public void Cfg_of_try_reaches_handlers_and_finally()
    {
        var model = Model("def f():\n    try:\n        a()\n        if b:\n            c()\n    except E as e:\n        d(e)\n    finally:\n        g()\n    h()\n");
        var cfg = model.GetControlFlowGraph(model.Functions[0]);
        var handler = cfg.Blocks.Single(b => b.Elements.Any(e => e is ExceptClauseSyntax));
        Assert.That(handler.Predecessors.Count(p => p.Kind == EdgeKind.Exception), Is.GreaterThanOrEqualTo(3));
        var fin = cfg.Blocks.Single(b => b.Elements.Any(e => e.ToString().Trim() == "g()"));
        var after = cfg.Blocks.Single(b => b.Elements.Any(e => e.ToString().Trim() == "h()"));
        Assert.That(fin.Successors.Select(s => s.To), Does.Contain(after));
        Assert.That(cfg.ReversePostOrder().Count, Is.EqualTo(cfg.Blocks.Count(b => b == cfg.Entry || b.Predecessors.Count > 0)));
    }

    [Test]
    public void Cfg_code_after_return_is_unreachable_and_match_has_case_blocks()
    {
        var model = Model("def f(x):\n    match x:\n        case 1:\n            return 1\n        case _:\n            pass\n    return 2\n    dead()\n");
        var cfg = model.GetControlFlowGraph(model.Functions[0]);
        var dead = cfg.Blocks.Single(b => b.Elements.Any(e => e.ToString().Trim() == "dead()"));
        Assert.That(dead.Predecessors, Is.Empty);
        Assert.That(cfg.Blocks.Count(b => b.Elements.Any(e => e is CaseClauseSyntax)), Is.EqualTo(2));
        Assert.That(cfg.ReversePostOrder(), Does.Not.Contain(dead));
    }

    [Test]
    public void Cfg_of_while_with_condition_edges()
    {
        var model = Model("def f():\n    while ok():\n        step()\n    done()\n");
        var cfg = model.GetControlFlowGraph(model.Functions[0]);
        var edges = cfg.Blocks.SelectMany(b => b.Successors).Where(e => e.Condition != null).ToList();
        Assert.That(edges.Select(e => e.Kind), Is.EquivalentTo(new[] { EdgeKind.WhenTrue, EdgeKind.WhenFalse }));
    }
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Tests.Project;
using DjangoLsp.Analysis.Tests.Rules.Python;

namespace DjangoLsp.Analysis.Tests.Taint;

/// <summary>
/// How <c>TaintWorkspace</c> finds the module of an imported helper: a module is looked up once per importing folder and
/// module name (not per imported name), relative names count their dots, absolute names try the importing folder's
/// ancestors first, and each model remembers its imported names. Several files are analysed in one context here, so the
/// caches are shared as in a scan: a cache keyed too coarsely would give one folder's module to another folder.
/// </summary>
public class ModuleLookupTests
{
    private const string Sink = """
        from django.db import connection


        def search(term):
            with connection.cursor() as c:
                c.execute("SELECT * FROM p WHERE name = '%s'" % term)


        def count(term):
            return len(term)
        """;

    private const string NoSink = """
        def search(term):
            return term


        def count(term):
            return len(term)
        """;

    /// <summary>"id:line" of the DJ101 findings of each file, all analysed with one context (shared taint workspace).</summary>
    private static Dictionary<string, List<string>> Findings(MemoryWorkspace workspace, params string[] files)
    {
        var context = new AnalysisContext(AnalysisOptions.Default, workspace, workspace.Root);
        var result = new Dictionary<string, List<string>>();
        foreach (var file in files)
        {
            var document = workspace.TryGetDocument(workspace.PathOf(file))!;
            result[file] = RuleTestHelper.Engine.Analyze(document, context)
                .Where(f => f.Rule.Id == "DJ101")
                .Select(f => $"{f.Rule.Id}:{f.Line(document.Text)}")
                .ToList();
        }
        return result;
    }

    [Test]
    public void The_same_absolute_module_name_in_two_folders_resolves_to_each_folders_own_module()
    {
        const string View = """
            from util import search


            def v(request):
                search(request.GET["q"])
            """;
        var workspace = TaintWorkspaceFixture.Project("urlpatterns = []\n", "", ("shop/a/util.py", Sink), ("shop/b/util.py", NoSink),
            ("shop/a/views.py", View), ("shop/b/views.py", View));
        // Both orders: whichever folder is looked up first must not decide the other's answer.
        foreach (var order in new[] { new[] { "shop/a/views.py", "shop/b/views.py" }, new[] { "shop/b/views.py", "shop/a/views.py" } })
        {
            var findings = Findings(workspace, order);
            Assert.That(findings["shop/a/views.py"], Is.EqualTo(new[] { "DJ101:5" }), "a/util.search executes the SQL");
            Assert.That(findings["shop/b/views.py"], Is.Empty, "b/util.search only returns its argument");
        }
    }

    [Test]
    public void Two_names_of_one_module_resolve_to_their_own_functions()
    {
        const string View = """
            import shop.sink


            def v1(request):
                shop.sink.count(request.GET["q"])


            def v2(request):
                shop.sink.search(request.GET["q"])


            def v3(request):
                shop.sink.count(request.GET["q"])
            """;
        var workspace = TaintWorkspaceFixture.Project("urlpatterns = []\n", View, ("shop/sink.py", Sink));
        Assert.That(Findings(workspace, "shop/views.py")["shop/views.py"], Is.EqualTo(new[] { "DJ101:9" }),
            "the module is looked up once for both names; each name still finds its own function");
    }

    [Test]
    public void Relative_imports_count_their_dots()
    {
        const string Handlers = """
            from .. import sink
            from ..sink import search
            from .sink import search as local_search


            def h1(request):
                sink.search(request.GET["q"])


            def h2(request):
                search(request.GET["q"])


            def h3(request):
                local_search(request.GET["q"])


            def h4(request):
                sink.count(request.GET["q"])
            """;
        var workspace = TaintWorkspaceFixture.Project("urlpatterns = []\n", "", ("shop/sink.py", Sink), ("shop/api/__init__.py", ""),
            ("shop/api/sink.py", NoSink), ("shop/api/handlers.py", Handlers));
        Assert.That(Findings(workspace, "shop/api/handlers.py")["shop/api/handlers.py"], Is.EqualTo(new[] { "DJ101:7", "DJ101:11" }),
            "`..sink` is shop/sink.py (a sink), `.sink` is shop/api/sink.py (none)");
    }

    [Test]
    public void Calls_in_nested_functions_of_a_module_without_source_words_still_lead_to_a_source()
    {
        // middle.py has none of the source words, so its request-data facts are only its calls, per owner: the call in
        // the nested function must still be found (outer → inner → read, which returns request data on its own).
        const string Middle = """
            from .reader import read


            def outer(x):
                def inner(y):
                    return read(y)
                return inner(x)


            def unrelated(x):
                return x
            """;
        const string Reader = """
            def read(request):
                return request.GET["q"]
            """;
        const string View = """
            from .sink import search
            from .middle import outer, unrelated


            def v(request, thing):
                search(outer(thing))


            def w(request, thing):
                search(unrelated(thing))
            """;
        var workspace = TaintWorkspaceFixture.Project("urlpatterns = []\n", View, ("shop/sink.py", Sink), ("shop/middle.py", Middle),
            ("shop/reader.py", Reader));
        Assert.That(Findings(workspace, "shop/views.py")["shop/views.py"], Is.EqualTo(new[] { "DJ101:6" }));
    }
    [Test]
    public void Named_calls_resolve_through_imports_and_defs_of_inner_scopes()
    {
        // The named-call filter collects `def` and import names from every scope, not only the module's.
        const string View = """
            def v1(request):
                from .sink import search
                search(request.GET["q"])


            def v2(request):
                def run(term):
                    from .sink import search as s
                    s(term)
                run(request.GET["q"])


            def v3(request):
                from .sink import count
                count(request.GET["q"])
            """;
        var workspace = TaintWorkspaceFixture.Project("urlpatterns = []\n", View, ("shop/sink.py", Sink));
        Assert.That(Findings(workspace, "shop/views.py")["shop/views.py"], Is.EqualTo(new[] { "DJ101:3", "DJ101:10" }));
    }
}

using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Tests.Taint;

/// <summary>
/// Per-function summaries across the workspace: helpers imported from another module (<c>from .utils import f</c>,
/// <c>from . import utils</c>, re-exported through a package) that sink a parameter, return request data, or
/// return a parameter (with or without sanitising it). Findings are reported at the call in the view.
/// </summary>
public class CrossModuleHelperTests
{
    private const string Utils = """
        import os
        import shlex
        from django.db import connection
        from django.http import HttpResponse
        from django.shortcuts import redirect
        from django.utils.html import escape
        from django.utils.http import url_has_allowed_host_and_scheme


        def search_products(term):
            with connection.cursor() as c:
                c.execute("SELECT * FROM p WHERE name = '%s'" % term)
                return c.fetchall()


        def search_parameterised(term):
            with connection.cursor() as c:
                c.execute("SELECT * FROM p WHERE name = %s", [term])
                return c.fetchall()


        def build_query(term):
            return f"SELECT * FROM p WHERE name = '{term}'"


        def page_number(value):
            return int(value)


        def render_raw(note):
            return HttpResponse("<p>" + note + "</p>")


        def render_note(note):
            return HttpResponse("<p>" + escape(note) + "</p>")


        def archive(name):
            os.system("tar czf /tmp/a.tgz " + shlex.quote(name))


        def archive_raw(name):
            os.system("tar czf /tmp/a.tgz " + name)


        def get_next(request):
            return request.GET.get("next", "/")


        def checked_next(request):
            target = request.GET.get("next", "/")
            if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                return target
            return "/"


        def ping(value, n):
            return pong(value, n - 1) if n else value


        def pong(value, n):
            return ping(value, n)
        """;

    private const string Views = """
        import os
        from django.db import connection
        from django.shortcuts import redirect
        from .utils import search_products, search_parameterised, build_query, page_number, render_raw, render_note
        from .utils import archive, archive_raw, get_next, checked_next, ping
        from . import utils
        from .helpers import run_report


        def v1(request):
            return search_products(request.GET["q"])


        def v2(request):
            return utils.search_products(request.POST["q"])


        def v3(request):
            with connection.cursor() as c:
                c.execute(build_query(request.GET["q"]))


        def v4(request):
            return render_raw(request.GET["note"])


        def v5(request):
            archive_raw(request.GET["name"])


        def v6(request):
            return redirect(get_next(request))


        def v7(request):
            return run_report(request.GET["kind"])


        def s1(request):
            return search_parameterised(request.GET["q"])


        def s2(request):
            with connection.cursor() as c:
                c.execute(f"SELECT * FROM p LIMIT {page_number(request.GET['n'])}")


        def s3(request):
            return render_note(request.GET["note"])


        def s4(request):
            archive(request.GET["name"])


        def s5(request):
            return redirect(checked_next(request))


        def s6(request):
            return search_products(str(int(request.GET["id"])))


        def s7(request):
            os.system("echo " + ping(request.GET["a"], 3))
        """;

    private static readonly (string, string)[] Modules =
    {
        ("shop/utils.py", Utils),
        ("shop/helpers/__init__.py", "from .reports import run_report\n"),
        ("shop/helpers/reports.py", """
            from django.db import connection


            def run_report(kind):
                with connection.cursor() as c:
                    c.execute("SELECT * FROM r WHERE kind = '" + kind + "'")
            """),
    };

    private static Dictionary<int, string> FindingsByLine()
    {
        var workspace = TaintWorkspaceFixture.Project("urlpatterns = []\n", Views, Modules);
        return TaintWorkspaceFixture.Findings(workspace).GroupBy(f => int.Parse(f.Split(':')[1]))
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(f => f.Split(':')[0] + ":" + f.Split(':')[2])));
    }

    [TestCase(11, "DJ101:Error", TestName = "SQL sink inside an imported helper (from .utils import f)")]
    [TestCase(15, "DJ101:Error", TestName = "SQL sink inside a helper called through its module (utils.f)")]
    [TestCase(20, "DJ101:Error", TestName = "SQL text returned by an imported helper")]
    [TestCase(24, "DJ204:Error", TestName = "HttpResponse built inside an imported helper")]
    [TestCase(28, "DJ120:Error", TestName = "os.system inside an imported helper")]
    [TestCase(32, "DJ301:Error", TestName = "redirect to the return value of a helper that reads request.GET")]
    [TestCase(36, "DJ101:Error", TestName = "helper re-exported by a package __init__")]
    public void Vulnerable_calls_are_reported_at_the_call(int line, string expected)
    {
        Assert.That(FindingsByLine().GetValueOrDefault(line), Is.EqualTo(expected));
    }

    [TestCase(40, TestName = "helper that parameterises the SQL")]
    [TestCase(45, TestName = "helper that converts with int()")]
    [TestCase(49, TestName = "helper that escapes before HttpResponse")]
    [TestCase(53, TestName = "helper that shlex.quote()s the command argument")]
    [TestCase(57, TestName = "helper guarded by url_has_allowed_host_and_scheme")]
    [TestCase(61, TestName = "caller converts with int() before the sinking helper")]
    public void Safe_look_alikes_are_not_reported(int line)
    {
        Assert.That(FindingsByLine().GetValueOrDefault(line), Is.Null);
    }

    [Test]
    public void Mutually_recursive_helpers_terminate_and_keep_the_data()
    {
        Assert.That(FindingsByLine().GetValueOrDefault(65), Is.EqualTo("DJ120:Error"));
    }

    [Test]
    public void The_trace_goes_from_the_source_through_the_call_to_the_sink_in_the_helper()
    {
        var workspace = TaintWorkspaceFixture.Project("urlpatterns = []\n", Views, Modules);
        var finding = TaintWorkspaceFixture.Analyze(workspace, only: "DJ101")
            .Single(f => f.Path == workspace.PathOf("shop/views.py") && f.Message.Contains("search_products", StringComparison.Ordinal) && f.Message.Contains("request.GET", StringComparison.Ordinal));
        var steps = finding.Related.Select(r => (Path.GetFileName(r.Path), r.Message)).ToList();
        Assert.That(steps[0], Is.EqualTo(("views.py", "`request.GET` is request data")));
        Assert.That(steps[1].Item1, Is.EqualTo("views.py"));
        Assert.That(steps[1].Message, Does.StartWith("passed to `search_products()` (utils.py:10) as `term`"));
        Assert.That(steps[2], Is.EqualTo(("utils.py", "parameter `term` of `search_products()` is request data")));
        Assert.That(steps[^1].Item1, Is.EqualTo("utils.py"));
        Assert.That(steps[^1].Message, Does.StartWith("reaches the sink"));
        Assert.That(finding.Message, Does.Contain("reaches a sink at utils.py:12"));
    }

    [Test]
    public void The_helper_itself_keeps_its_intra_procedural_findings()
    {
        // Inside utils.py the parameter is of unknown origin: a warning, as before summaries existed.
        var workspace = TaintWorkspaceFixture.Project("urlpatterns = []\n", Views, Modules);
        var findings = TaintWorkspaceFixture.Findings(workspace, "shop/utils.py");
        Assert.That(findings, Does.Contain("DJ101:12:Warning"));
        Assert.That(findings.Where(f => f.EndsWith(":Error")), Is.Empty);
    }

    [Test]
    public void Without_a_workspace_imported_helpers_are_unknown()
    {
        var findings = Rules.Python.RuleTestHelper.IdsAndLines(Views, "/nowhere/shop/views.py");
        Assert.That(findings.Where(f => f is "DJ101:11" or "DJ101:15" or "DJ204:24" or "DJ120:28"), Is.Empty);
    }
}

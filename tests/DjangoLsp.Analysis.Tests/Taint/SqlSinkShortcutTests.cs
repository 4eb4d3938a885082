namespace DjangoLsp.Analysis.Tests.Taint;

/// <summary>
/// The shortcuts DJ101 and the taint workspace take for speed must not lose a finding: the callee name is looked up only
/// for calls with <c>template=</c> or in modules whose text mentions <c>RawSQL</c> (also when it is imported under another
/// name or reached through its module), and <c>self.method(...)</c> is resolved through a per-class map of methods (the
/// last definition of a name wins, static methods bind the first argument to the first parameter).
/// </summary>
public class SqlSinkShortcutTests
{
    private const string Views = """
        from django.db import connection
        from django.db.models import Func
        from django.db.models.expressions import RawSQL as R
        from django.db.models import expressions
        from .helpers import run_report


        def v1(request):
            return R(f"SELECT id FROM p WHERE name = '{request.GET['q']}'", [])


        def v2(request):
            return expressions.RawSQL("SELECT id FROM p WHERE name = '%s'" % request.GET["q"], [])


        def v3(request):
            return Func(template="UPPER(%s)" % request.GET["col"])


        def v4(request):
            return run_report(request.GET["kind"])


        def looks_like(sql, params):
            return sql


        def s1(request):
            return looks_like(f"SELECT id FROM p WHERE name = '{request.GET['q']}'", [])


        def s2(request):
            return dict(template="UPPER(%s)" % request.GET["col"])


        class Reports:
            def run(self, kind):
                with connection.cursor() as c:
                    c.execute("SELECT * FROM r WHERE kind = '" + kind + "'")

            def get(self, request):
                return self.run(request.GET["kind"])


        class Redefined:
            def run(self, kind):
                with connection.cursor() as c:
                    c.execute("SELECT * FROM r WHERE kind = '" + kind + "'")

            def run(self, kind):
                return kind

            def get(self, request):
                return self.run(request.GET["kind"])


        class Static:
            @staticmethod
            def run(kind):
                with connection.cursor() as c:
                    c.execute("SELECT * FROM r WHERE kind = '" + kind + "'")

            def get(self, request):
                return self.run(request.GET["kind"])
        """;

    // No "RawSQL" in this module's text, and the SQL sink is only reached through an imported helper under an alias.
    private const string Helpers = """
        from django.db import connection as conn


        def run_report(kind):
            with conn.cursor() as c:
                c.execute("SELECT * FROM r WHERE kind = '" + kind + "'")
        """;

    private static Dictionary<int, string> FindingsByLine()
    {
        var workspace = TaintWorkspaceFixture.Project("urlpatterns = []\n", Views, ("shop/helpers.py", Helpers));
        return TaintWorkspaceFixture.Findings(workspace, only: "DJ101").GroupBy(f => int.Parse(f.Split(':')[1]))
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(f => f.Split(':')[2])));
    }

    [TestCase(9, TestName = "RawSQL imported under another name")]
    [TestCase(13, TestName = "RawSQL reached through its module")]
    [TestCase(17, TestName = "template= of a Func")]
    [TestCase(21, TestName = "SQL sink only inside an imported helper using an aliased connection")]
    [TestCase(42, TestName = "self.method whose body executes the SQL")]
    [TestCase(64, TestName = "self.method that is a staticmethod")]
    public void Sinks_behind_the_shortcuts_are_still_reported(int line)
    {
        Assert.That(FindingsByLine().GetValueOrDefault(line), Is.EqualTo("Error"));
    }

    [TestCase(29, TestName = "a function that only looks like RawSQL")]
    [TestCase(33, TestName = "template= of a call that is not a query expression")]
    [TestCase(54, TestName = "self.method whose later definition is safe")]
    public void Look_alikes_are_not_reported(int line)
    {
        Assert.That(FindingsByLine().GetValueOrDefault(line), Is.Null);
    }

    [Test]
    public void A_module_without_any_sql_sink_word_still_reports_through_its_helper()
    {
        // The caller's own text has none of DJ101's words except through the helper: the helper-sink path must run.
        var views = """
            from .helpers import run_report


            def report(request):
                return run_report(request.GET["kind"])
            """;
        var workspace = TaintWorkspaceFixture.Project("urlpatterns = []\n", views, ("shop/helpers.py", Helpers));
        Assert.That(TaintWorkspaceFixture.Findings(workspace, only: "DJ101"), Is.EqualTo(new[] { "DJ101:5:Error" }));
    }
}

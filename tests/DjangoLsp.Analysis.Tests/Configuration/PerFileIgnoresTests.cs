using DjangoLsp.Analysis.Configuration;
using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Configuration;

/// <summary>per-file-ignores from pyproject.toml applied by the real engine to a real SQL-injection finding.</summary>
public class PerFileIgnoresTests
{
    private const string Root = "/project";

    private const string Vulnerable = """
        from django.db import connection

        def view(request):
            cursor = connection.cursor()
            cursor.execute("SELECT * FROM t WHERE id = " + request.GET["id"])
        """;

    private static readonly string Config = """
        [tool.djangolsp]
        per-file-ignores = { "tests/**" = ["DJ1"], "scripts/*.py" = ["ALL"], "legacy.py" = ["DJ101"], "shop/admin*.py" = ["DJ2"] }
        """;

    private static IReadOnlyList<string> RuleIds(string relativePath)
    {
        var options = PyProjectConfiguration.Parse(Config, Root + "/pyproject.toml").Layer.ApplyTo(AnalysisOptions.Default);
        var engine = BuiltInAnalyzers.CreateEngine();
        var document = new AnalysisDocument(Root + "/" + relativePath, SourceText.From(Vulnerable), 0, DocumentKind.Python);
        return engine.Analyze(document, new AnalysisContext(options, null, Root)).Select(f => f.Rule.Id).ToList();
    }

    [TestCase("tests/test_views.py")]
    [TestCase("tests/unit/deep/test_views.py")]
    [TestCase("scripts/load.py")]
    [TestCase("legacy.py")]
    [TestCase("shop/sub/legacy.py")]
    public void Matching_files_lose_the_ignored_rules(string path) =>
        Assert.That(RuleIds(path), Does.Not.Contain("DJ101"));

    [TestCase("shop/views.py")]
    [TestCase("shop/tests.py")]
    [TestCase("scripts/sub/load.py")]
    [TestCase("shop/admin.py")]
    public void Other_files_keep_them(string path) =>
        Assert.That(RuleIds(path), Does.Contain("DJ101"));
}

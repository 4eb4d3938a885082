using DjangoLsp.Analysis;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Server.Docs;
using DjangoLsp.Server.Tests.Support;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

public class RuleDocsTests
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DjangoLsp.sln"))) return dir.FullName;
        throw new InvalidOperationException("DjangoLsp.sln not found above the test directory");
    }

    [Test]
    public void Committed_docs_rules_match_the_generator_output()
    {
        var folder = Path.Combine(RepositoryRoot(), "docs", "rules");
        var expected = RuleDocsGenerator.Generate(BuiltInAnalyzers.CreateEngine().Catalog);
        var committed = Directory.GetFiles(folder, "*.md").ToDictionary(p => Path.GetFileName(p), File.ReadAllText);
        Assert.That(committed.Keys, Is.EquivalentTo(expected.Keys), "run: dotnet run --project server/DjangoLsp.Server -- docs generate --out docs/rules");
        foreach (var (name, content) in expected)
            Assert.That(committed[name], Is.EqualTo(content), $"{name} is out of date; regenerate docs/rules");
    }

    [Test]
    public void Generator_writes_a_page_per_rule_and_removes_stale_pages()
    {
        var folder = Directory.CreateTempSubdirectory("djangolsp-docs").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "DJ000.md"), "stale");
            var catalog = new AnalysisEngine(new IDocumentAnalyzer[] { new MarkerAnalyzer() }).Catalog;
            RuleDocsGenerator.Write(catalog, folder);
            Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "README.md", "DJ990.md" }));
            Assert.That(File.ReadAllText(Path.Combine(folder, "README.md")), Does.Contain("| [DJ990](DJ990.md) | test-marker | warning | other |"));
            Assert.That(File.ReadAllText(Path.Combine(folder, "DJ990.md")), Does.Contain("CWE-89").And.Contain("Test documentation"));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}

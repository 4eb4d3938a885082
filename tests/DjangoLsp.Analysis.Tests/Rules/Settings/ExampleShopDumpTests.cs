using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Tests.Settings;
using NUnit.Framework;

namespace DjangoLsp.Analysis.Tests.Rules.Settings;

public class ExampleShopDumpTests
{
    [Test, Explicit("prints every settings/CSRF/clickjacking finding in examples/vulnerable-shop")]
    public void Dump()
    {
        var shop = Path.Combine(SettingsTestSupport.RepoRoot, "examples", "vulnerable-shop");
        var engine = BuiltInAnalyzers.CreateEngine();
        foreach (var file in Directory.GetFiles(shop, "*.py", SearchOption.AllDirectories).Order())
        {
            var document = DiskFiles.Instance.TryGetDocument(file)!;
            foreach (var f in engine.Analyze(document, new AnalysisContext(AnalysisOptions.Default, DiskFiles.Instance, shop)).Where(f => f.Rule.Id != "syntax"))
                TestContext.Out.WriteLine($"{Path.GetRelativePath(shop, file)}:{SettingsTestSupport.Line(f, document.Text)} {f.Rule.Id} {f.Message}");
        }
    }
}

public class SettingsSpeedMeasurement
{
    [Test, Explicit("prints how long settings analysis of the shop's production.py and base.py takes (no assertion on time)")]
    public void Measure()
    {
        var shop = Path.Combine(SettingsTestSupport.RepoRoot, "examples", "vulnerable-shop");
        var analyzer = new DjangoLsp.Analysis.Rules.Settings.SettingsAnalyzer();
        foreach (var name in new[] { "production.py", "base.py" })
        {
            var path = Path.Combine(shop, "shop", "settings", name);
            var text = File.ReadAllText(path);
            var context = new AnalysisContext(AnalysisOptions.Default, DiskFiles.Instance, shop);
            for (var i = 0; i < 20; i++)
                analyzer.Analyze(new AnalysisDocument(path, Microsoft.CodeAnalysis.Text.SourceText.From(text)), context, CancellationToken.None).ToList();
            const int n = 200;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < n; i++)
                analyzer.Analyze(new AnalysisDocument(path, Microsoft.CodeAnalysis.Text.SourceText.From(text)), context, CancellationToken.None).ToList();
            TestContext.Out.WriteLine($"{name}: {watch.Elapsed.TotalMilliseconds / n:F3} ms per analysis (fresh snapshot, parses the file and its star-import chain from disk)");
        }
    }
}

public class SettingsDocsDump
{
    [Test, Explicit("prints one rule's documentation")]
    public void Print() => TestContext.Out.WriteLine(DjangoLsp.Analysis.Rules.Settings.CsrfCookieSecureRule.Rule.Documentation);
}

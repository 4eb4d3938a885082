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

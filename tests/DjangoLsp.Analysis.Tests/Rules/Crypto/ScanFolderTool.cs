using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Rules.Crypto;

/// <summary>
/// A review tool, not a check: prints every DJ4xx/DJ8xx finding (with the source line) for the Python files under
/// $DJANGOLSP_SCAN, and fails only if an analyzer throws. Run with
/// <c>DJANGOLSP_SCAN=/some/dir dotnet test --filter ScanFolder</c>.
/// </summary>
[TestFixture]
public class ScanFolderTool
{
    [Test]
    [Explicit("review tool; set DJANGOLSP_SCAN")]
    public void ScanFolder()
    {
        var root = Environment.GetEnvironmentVariable("DJANGOLSP_SCAN");
        if (string.IsNullOrEmpty(root) || !Directory.Exists(root)) Assert.Ignore("DJANGOLSP_SCAN not set");
        var failures = new List<Exception>();
        var count = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var path in Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories))
        {
            count++;
            var text = SourceText.From(File.ReadAllText(path));
            foreach (var f in RuleHost.Analyze(new AnalysisDocument(path, text), failures))
            {
                var line = text.Lines[RuleHost.Line(text, f) - 1].ToString().Trim();
                TestContext.Out.WriteLine($"{Path.GetRelativePath(root, path)}:{RuleHost.Line(text, f)} {f.Rule.Id} {f.Severity} | {line}");
            }
        }
        TestContext.Out.WriteLine($"{count} files in {watch.ElapsedMilliseconds} ms");
        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(3)));
    }
}

using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Analysis.Tests.Rules.Python;

/// <summary>
/// tests/corpus/python/&lt;rule&gt;/*.py run through the engine; expected.json (written by the case author, not read
/// by the analyzer) lists the lines where the rule must fire. Safe look-alikes list no lines.
/// </summary>
public class CorpusTests
{
    private static readonly string CorpusRoot = FindCorpus();

    private static string FindCorpus()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir != null && !Directory.Exists(Path.Combine(dir.FullName, "tests", "corpus", "python"))) dir = dir.Parent;
        return dir == null ? "" : Path.Combine(dir.FullName, "tests", "corpus", "python");
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var ruleDir in Directory.EnumerateDirectories(CorpusRoot).OrderBy(d => d, StringComparer.Ordinal))
        {
            var expected = JObject.Parse(File.ReadAllText(Path.Combine(ruleDir, "expected.json")));
            var rule = (string)expected["rule"]!;
            foreach (var (file, lines) in (JObject)expected["files"]!)
                yield return new TestCaseData(rule, Path.Combine(ruleDir, file), lines!.Select(l => (int)l).ToArray())
                    .SetName($"{rule} {file}");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Rule_fires_exactly_on_the_declared_lines(string rule, string file, int[] lines)
    {
        var text = SourceText.From(File.ReadAllText(file));
        var findings = RuleTestHelper.Engine.Analyze(new AnalysisDocument(file, text), new AnalysisContext(new AnalysisOptions()));
        Assert.That(findings.Where(f => f.Rule.Id == "syntax"), Is.Empty, "corpus files must parse");
        var actual = findings.Where(f => f.Rule.Id == rule).Select(f => text.Lines.GetLineFromPosition(f.Span.Start).LineNumber + 1).ToArray();
        Assert.That(actual, Is.EqualTo(lines), string.Join("\n", findings.Select(f => $"{f.Rule.Id}:{text.Lines.GetLineFromPosition(f.Span.Start).LineNumber + 1} {f.Message}")));
    }

    [Test]
    public void Every_rule_has_at_least_five_vulnerable_and_five_safe_cases()
    {
        foreach (var ruleDir in Directory.EnumerateDirectories(CorpusRoot))
        {
            var expected = JObject.Parse(File.ReadAllText(Path.Combine(ruleDir, "expected.json")));
            var vulnerable = ((JObject)expected["files"]!).Properties().Sum(p => p.Value.Count());
            var safeFunctions = File.ReadAllLines(Path.Combine(ruleDir, "safe.py")).Count(l => l.StartsWith("def ") || l.TrimStart().StartsWith("path(") || l.TrimStart().StartsWith("re_path(") || l.Contains(" = ") && !l.StartsWith(' '));
            Assert.That(vulnerable, Is.GreaterThanOrEqualTo(5), ruleDir);
            Assert.That(safeFunctions, Is.GreaterThanOrEqualTo(2), ruleDir);
        }
    }
}

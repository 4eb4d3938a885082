using DjangoLsp.Analysis.Engine;
using DjangoLsp.Python.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Rules.Crypto;

/// <summary>
/// tests/corpus/python-crypto/&lt;rule&gt;/cases.py holds vulnerable cases and safe look-alikes; expected.txt (the
/// sidecar, one "line rule-id" per row) says exactly which lines must be reported. Every DJ4xx/DJ8xx finding
/// must be expected and every expectation found — so the safe look-alikes are negative tests.
/// </summary>
[TestFixture]
public class CorpusTests
{
    public static IEnumerable<string> RuleFolders() =>
        Directory.GetDirectories(Path.Combine(RuleHost.RepoRoot, "tests/corpus/python-crypto")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    private static string AppPath(string rule) => $"/srv/shop/{rule.ToLowerInvariant()}/views.py";

    [TestCaseSource(nameof(RuleFolders))]
    public void Corpus_FindsExactlyTheExpectedLines(string rule)
    {
        var folder = Path.Combine(RuleHost.RepoRoot, "tests/corpus/python-crypto", rule);
        var path = Path.Combine(folder, "cases.py");
        var text = SourceText.From(File.ReadAllText(path));
        Assert.That(PythonSyntaxTree.Parse(text).HasErrors, Is.False, "corpus file must be valid Python");
        var expected = File.ReadAllLines(Path.Combine(folder, "expected.txt")).Where(l => l.Length > 0).Order(StringComparer.Ordinal).ToList();
        // Analysed under an application path: the real path is under tests/, which some rules skip on purpose.
        var findings = RuleHost.Analyze(new AnalysisDocument(AppPath(rule), text));
        var actual = findings.Select(f => $"{RuleHost.Line(text, f)} {f.Rule.Id}").Order(StringComparer.Ordinal).ToList();
        Assert.That(actual, Is.EqualTo(expected), RuleHost.Describe(text, findings));
        Assert.That(expected.Count(e => e.EndsWith(rule, StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(5), "at least five vulnerable cases");
    }

    [TestCaseSource(nameof(RuleFolders))]
    public void Corpus_EveryFixRemovesItsFindingAndAddsNone(string rule)
    {
        var path = Path.Combine(RuleHost.RepoRoot, "tests/corpus/python-crypto", rule, "cases.py");
        var original = File.ReadAllText(path);
        var findings = RuleHost.Analyze(AppPath(rule), original);
        foreach (var finding in findings.Where(f => f.Fixes.Count > 0))
        {
            var fixedText = RuleHost.Apply(original, finding.Fixes[0]);
            var tree = PythonSyntaxTree.Parse(fixedText);
            Assert.That(tree.HasErrors, Is.False, $"fix '{finding.Fixes[0].Title}' broke the syntax:\n{fixedText}");
            var after = RuleHost.Analyze(AppPath(rule), fixedText);
            foreach (var id in findings.Select(f => f.Rule.Id).Concat(after.Select(f => f.Rule.Id)).Distinct())
            {
                var before = findings.Count(f => f.Rule.Id == id);
                var expectedAfter = id == finding.Rule.Id ? before - 1 : before;
                Assert.That(after.Count(f => f.Rule.Id == id), Is.EqualTo(expectedAfter),
                    $"after '{finding.Fixes[0].Title}' at line {RuleHost.Line(SourceText.From(original), finding)}: {id}");
            }
        }
    }
}

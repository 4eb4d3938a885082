using NUnit.Framework;
using static DjangoLsp.Analysis.Tests.Rules.Templates.TemplateRuleTestUtil;

namespace DjangoLsp.Analysis.Tests.Rules.Templates;

/// <summary>Every fix offered on the vulnerable shop's real templates, applied one at a time: the finding goes, nothing new appears, the template still parses.</summary>
public class VulnerableShopFixTests
{
    public static IEnumerable<TestCaseData> FixableFindings()
    {
        string root = Path.Combine(RepoRoot(), "examples", "vulnerable-shop");
        foreach (var path in Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            string text = File.ReadAllText(path);
            foreach (var finding in Security(text, path).Where(f => f.Fixes.Count > 0))
            {
                yield return new TestCaseData(path, finding.Rule.Id, finding.Span.Start)
                    .SetName($"{finding.Rule.Id} {Path.GetRelativePath(root, path)}:{Line(text, finding)}");
            }
        }
    }

    [TestCaseSource(nameof(FixableFindings))]
    public void FixCleansTheFinding(string path, string ruleId, int spanStart)
    {
        string text = File.ReadAllText(path);
        var before = Security(text, path);
        var finding = before.Single(f => f.Rule.Id == ruleId && f.Span.Start == spanStart);
        string fixedText = Apply(text, finding.Fixes[0]);
        var after = Analyze(fixedText, path);
        Assert.That(after.Where(f => f.Rule.Id == "syntax"), Is.Empty, fixedText);
        Assert.That(after.Count(f => f.Rule.Id == ruleId), Is.EqualTo(before.Count(f => f.Rule.Id == ruleId) - 1), fixedText);
        // The fix may clear more than its own finding (the json_script rewrite also resolves the cross-file DJ230
        // on the same output), but it must never introduce one: no rule fires more often than before.
        Assert.That(after.Count(f => f.Rule.Id != "syntax"), Is.LessThanOrEqualTo(before.Count - 1), fixedText);
        foreach (var group in after.GroupBy(f => f.Rule.Id))
            Assert.That(group.Count(), Is.LessThanOrEqualTo(before.Count(f => f.Rule.Id == group.Key)), $"new {group.Key} finding after the fix\n{fixedText}");
    }

    [Test]
    public void TheShopOffersFixesForItsMainTemplateProblems()
    {
        var names = FixableFindings().Select(t => t.TestName!).ToList();
        Assert.That(names, Has.Some.StartsWith("DJ220 "));
        Assert.That(names, Has.Some.StartsWith("DJ221 "));
        Assert.That(names, Has.Some.StartsWith("DJ224 "));
        Assert.That(names, Has.Some.StartsWith("DJ320 "));
    }
}

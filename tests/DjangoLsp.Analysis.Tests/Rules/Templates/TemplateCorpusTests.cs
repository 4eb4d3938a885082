using NUnit.Framework;
using static DjangoLsp.Analysis.Tests.Rules.Templates.TemplateRuleTestUtil;

namespace DjangoLsp.Analysis.Tests.Rules.Templates;

/// <summary>
/// tests/corpus/templates/&lt;rule-id&gt;/: vulnerable and safe look-alike templates per rule. Each folder's
/// <c>expected.txt</c> lists every file with the findings it must give, as <c>RULE:line</c>, or <c>-</c> for none.
/// </summary>
public class TemplateCorpusTests
{
    private static string CorpusRoot => Path.Combine(RepoRoot(), "tests", "corpus", "templates");

    public static IEnumerable<string> RuleFolders() =>
        Directory.EnumerateDirectories(Path.Combine(RepoRoot(), "tests", "corpus", "templates")).Select(Path.GetFileName).OfType<string>().OrderBy(n => n, StringComparer.Ordinal);

    [TestCaseSource(nameof(RuleFolders))]
    public void CorpusFolderGivesExactlyTheDeclaredFindings(string folder)
    {
        string dir = Path.Combine(CorpusRoot, folder);
        var expected = File.ReadAllLines(Path.Combine(dir, "expected.txt"))
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => p[0], p => p.Skip(1).Where(x => x != "-").OrderBy(x => x, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(dir).Where(f => !f.EndsWith("expected.txt", StringComparison.Ordinal)).ToList();
        Assert.That(files.Select(Path.GetFileName), Is.EquivalentTo(expected.Keys), "expected.txt lists every file");
        int vulnerable = 0, safe = 0;
        foreach (var path in files)
        {
            string text = File.ReadAllText(path);
            var actual = Analyze(text, "/project/app/templates/corpus/" + Path.GetFileName(path))
                .Select(f => $"{f.Rule.Id}:{Line(text, f)}").OrderBy(x => x, StringComparer.Ordinal).ToList();
            var want = expected[Path.GetFileName(path)];
            Assert.That(actual, Is.EqualTo(want), Path.GetFileName(path));
            if (want.Any(w => w.StartsWith(folder + ":", StringComparison.Ordinal))) vulnerable++;
            else safe++;
        }

        Assert.That(vulnerable, Is.GreaterThanOrEqualTo(5), "at least five vulnerable templates");
        Assert.That(safe, Is.GreaterThanOrEqualTo(5), "at least five safe look-alikes");
    }

    [TestCaseSource(nameof(RuleFolders))]
    public void EveryFixInTheCorpusCleansItsFinding(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(Path.Combine(CorpusRoot, folder), "*.html"))
        {
            string text = File.ReadAllText(path);
            foreach (var finding in Analyze(text).Where(f => f.Rule.Id == folder && f.Fixes.Count > 0))
            {
                string fixedText = Apply(text, finding.Fixes[0]);
                var after = Analyze(fixedText);
                Assert.That(after.Where(f => f.Rule.Id == "syntax"), Is.Empty, $"{Path.GetFileName(path)}: fix broke the template");
                Assert.That(after.Count(f => f.Rule.Id == folder), Is.LessThan(Analyze(text).Count(f => f.Rule.Id == folder)), $"{Path.GetFileName(path)}: finding not gone");
                Assert.That(after.Select(f => f.Rule.Id).Except(Analyze(text).Select(f => f.Rule.Id)), Is.Empty, $"{Path.GetFileName(path)}: new finding");
            }
        }
    }
}

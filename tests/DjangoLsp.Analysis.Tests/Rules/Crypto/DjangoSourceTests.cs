using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Rules.Crypto;

/// <summary>
/// Runs every crypto/DoS rule over Django's own source: no analyzer may throw, and every finding must be one
/// reviewed in <c>tests/corpus/python-crypto/django-verdicts.txt</c> (so a new finding on Django fails the test
/// until someone looks at it and records a verdict).
/// </summary>
[TestFixture]
public class DjangoSourceTests
{
    private const string DjangoRoot = "/usr/lib/python3/dist-packages/django";

    [Test]
    public void DjangoSource_NoCrashes_AndOnlyReviewedFindings()
    {
        if (!Directory.Exists(DjangoRoot)) Assert.Ignore("Django is not installed (apt-get install python3-django)");
        var failures = new List<Exception>();
        var found = new List<string>();
        var files = Directory.EnumerateFiles(DjangoRoot, "*.py", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).ToList();
        foreach (var path in files)
        {
            var text = SourceText.From(File.ReadAllText(path));
            var document = new AnalysisDocument(path, text);
            foreach (var finding in RuleHost.Analyze(document, failures))
                found.Add($"{Path.GetRelativePath(DjangoRoot, path)}:{RuleHost.Line(text, finding)} {finding.Rule.Id}");
        }
        TestContext.Out.WriteLine($"{files.Count} files, {found.Count} findings");
        foreach (var f in found) TestContext.Out.WriteLine(f);
        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(5)));
        var verdicts = File.ReadAllLines(Path.Combine(RuleHost.RepoRoot, "tests/corpus/python-crypto/django-verdicts.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 3))
            .ToDictionary(p => p[0] + " " + p[1], p => p[2]);
        Assert.That(found.Where(f => !verdicts.ContainsKey(f)).ToList(), Is.Empty, "findings on Django without a recorded verdict");
        Assert.That(found.Where(f => verdicts[f].StartsWith("FP", StringComparison.Ordinal)).ToList(), Is.Empty, "known false positives came back");
    }
}

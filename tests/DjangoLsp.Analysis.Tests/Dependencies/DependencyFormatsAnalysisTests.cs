using DjangoLsp.Analysis.Dependencies;
using DjangoLsp.Analysis.Dependencies.Advisories;
using DjangoLsp.Analysis.Dependencies.Parsing;
using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;
using NUnit.Framework;
using static DjangoLsp.Analysis.Tests.Dependencies.DependencyTestHelpers;

namespace DjangoLsp.Analysis.Tests.Dependencies;

/// <summary>The rules on every supported file format, and fixes applied and re-analysed.</summary>
public class DependencyFormatsAnalysisTests
{
    private static List<Finding> Vulnerable(string name, string text) => Analyze(name, text).Where(f => f.Rule.Id == "DJ600").ToList();

    [TestCase("pyproject.toml", "[project]\nname = \"x\"\ndependencies = [\n  \"Django==4.2.14\",\n  \"requests>=2.32\",\n]\n")]
    [TestCase("pyproject.toml", "[tool.poetry.dependencies]\npython = \"^3.10\"\ndjango = \"4.2.14\"\n")]
    [TestCase("pyproject.toml", "[tool.poetry.dependencies]\ndjango = { version = \"==4.2.14\", extras = [\"argon2\"] }\n")]
    [TestCase("Pipfile", "[packages]\ndjango = \"==4.2.14\"\nrequests = \"*\"\n")]
    [TestCase("requirements-prod.in", "django==4.2.14  # via -r base.in\n")]
    [TestCase("constraints.txt", "Django==4.2.14\n")]
    public void FixIsAppliedAndTheFindingGoesAway(string name, string text)
    {
        var finding = Vulnerable(name, text).Single();
        Assert.That(SpanText(text, finding), Is.EqualTo("4.2.14"));
        Assert.That(finding.Message, Does.Contain("CVE-2024-42005"));
        var fix = finding.Fixes.Single();
        Assert.That(fix.Edits.Single().Path, Does.EndWith(name));
        var fixedText = Apply(text, fix);
        Assert.That(fixedText, Does.Contain("4.2.16").And.Not.Contain("4.2.14"));
        Assert.That(Vulnerable(name, fixedText), Is.Empty, fixedText);
        var reparsed = DependencyFileParser.Parse("/p/" + name, SourceText.From(fixedText));
        Assert.That(reparsed.Problems, Is.Empty);
        Assert.That(reparsed.Dependencies.Any(d => d.NormalizedName == "django" && d.PinnedVersion?.ToString() == "4.2.16"), Is.True);
    }

    [TestCase("poetry.lock", "[[package]]\nname = \"django\"\nversion = \"4.2.14\"\n", "poetry update django")]
    [TestCase("uv.lock", "version = 1\n[[package]]\nname = \"django\"\nversion = \"4.2.14\"\nsource = { registry = \"https://pypi.org/simple\" }\n", "uv lock --upgrade-package django")]
    [TestCase("Pipfile.lock", "{\"default\": {\"django\": {\"hashes\": [\"sha256:00\"], \"version\": \"==4.2.14\"}}, \"develop\": {}}", "pipenv update django")]
    public void LockFilesAreReportedWithoutAnEditFix(string name, string text, string hint)
    {
        var finding = Vulnerable(name, text).Single();
        Assert.That(SpanText(text, finding), Is.EqualTo("4.2.14"));
        Assert.That(finding.Message, Does.Contain("(locked)").And.Contain(hint).And.Contain("4.2.16"));
        Assert.That(finding.Fixes, Is.Empty);
        Assert.That(Analyze(name, text).Where(f => f.Rule.Id == "DJ602"), Is.Empty, "lock files are pins");
    }

    [TestCase("poetry.lock", "[[package]]\nname = \"django\"\nversion = \"5.1.2\"\n")]
    [TestCase("uv.lock", "[[package]]\nname = \"shop\"\nversion = \"4.2.14\"\nsource = { editable = \".\" }\n")]
    [TestCase("Pipfile.lock", "{\"default\": {\"django\": {\"version\": \"==5.1.2\"}}}")]
    [TestCase("pyproject.toml", "[project]\nname = \"django\"\nversion = \"4.2.14\"\n")]
    [TestCase("pyproject.toml", "[tool.poetry.dependencies]\ndjango = { git = \"https://github.com/django/django.git\", tag = \"4.2.14\" }\n")]
    [TestCase("Pipfile", "[packages]\ndjango = {path = \"./django-4.2.14\"}\n")]
    public void SafeLookAlikesInStructuredFilesAreNotReported(string name, string text) =>
        Assert.That(Vulnerable(name, text), Is.Empty);

    [Test]
    public void PoetryCaretRangeAllowsVulnerableVersionsAsInformation()
    {
        const string text = "[tool.poetry.dependencies]\ndjango = \"^4.2\"\n";
        var findings = Analyze("pyproject.toml", text);
        var info = findings.Single(f => f.Rule.Id == "DJ601");
        Assert.That(SpanText(text, info), Is.EqualTo("\"^4.2\""));
        Assert.That(info.Message, Does.Contain("Raise the lower bound to at least 4.2.16"));
        Assert.That(findings.Where(f => f.Rule.Id == "DJ602"), Is.Empty, "^4.2 has an upper bound");
    }

    [Test]
    public void HoverWorksInStructuredFiles()
    {
        const string text = "[project]\ndependencies = [\"Django==4.2.14\"]\n";
        var document = new AnalysisDocument(Path.Combine(NowhereRoot, "pyproject.toml"), SourceText.From(text));
        var hover = Analyzer.GetHover(document, text.IndexOf("Django", StringComparison.Ordinal) + 1,
            new AnalysisContext(AnalysisOptions.Default, new MemoryFiles(), NowhereRoot), CancellationToken.None);
        Assert.That(hover!.Markdown, Does.Contain("CVE-2024-42005").And.Contain("2024-10-10").And.Contain("CC-BY 4.0"));
        Assert.That(text.Substring(hover.Span.Start, hover.Span.Length), Is.EqualTo("Django"));
    }

    [Test]
    public void SnapshotDateIsAvailableWithoutLoadingAdvisories()
    {
        Assert.That(AdvisoryStore.EmbeddedSnapshot.Date, Is.EqualTo(Database.SnapshotDate));
        Assert.That(AdvisoryStore.EmbeddedSnapshot.Commit, Is.EqualTo(Database.SnapshotCommit));
        Assert.That(DependencyRules.VulnerableDependency.Summary, Does.Contain(Database.SnapshotDate));
        Assert.That(AdvisoryStore.Describe(), Does.Contain("snapshot").And.Contain("CC-BY 4.0"));
    }

    [Test]
    public void CancellationIsHonoured()
    {
        var text = string.Concat(Enumerable.Repeat("Django==4.2.14\n", 1000));
        var document = new AnalysisDocument(Path.Combine(NowhereRoot, "requirements.txt"), SourceText.From(text));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => Analyzer.Analyze(document, new AnalysisContext(AnalysisOptions.Default, new MemoryFiles(), NowhereRoot), cts.Token).ToList());
    }
}

public class RangeFixTests
{
    [TestCase("requirements.txt", "Django>=4.2,<5\n", "Django>=4.2.16,<5\n")]
    [TestCase("requirements.txt", "Django>=3\n", "Django>=4.2.16\n")]
    [TestCase("requirements.txt", "django >= 4.2.3 , < 5.0  # web\n", "django >= 4.2.16 , < 5.0  # web\n")]
    [TestCase("pyproject.toml", "[project]\ndependencies = [\"Django>=4.2,<5\"]\n", "[project]\ndependencies = [\"Django>=4.2.16,<5\"]\n")]
    public void RaisingTheLowerBoundRemovesTheInformation(string name, string text, string expected)
    {
        var finding = Analyze(name, text).Single(f => f.Rule.Id == "DJ601");
        var fix = finding.Fixes.Single();
        Assert.That(fix.SafeForFixAll, Is.False);
        var fixedText = Apply(text, fix);
        Assert.That(fixedText, Is.EqualTo(expected));
        Assert.That(Analyze(name, fixedText).Where(f => f.Rule.Id is "DJ600" or "DJ601"), Is.Empty);
    }

    [TestCase("requirements.txt", "Django~=4.2.0\n")]
    [TestCase("pyproject.toml", "[tool.poetry.dependencies]\ndjango = \"^4.2\"\n")]
    [TestCase("requirements.txt", "Django>=4.2,<4.2.10,!=4.2.1\n")]
    public void NoRangeFixWhenTheBoundCannotBeRaisedInPlace(string name, string text)
    {
        var finding = Analyze(name, text).Single(f => f.Rule.Id is "DJ601" or "DJ600");
        Assert.That(finding.Fixes, Is.Empty);
    }
}

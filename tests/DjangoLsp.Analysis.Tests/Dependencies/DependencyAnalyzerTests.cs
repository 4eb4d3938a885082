using DjangoLsp.Analysis.Dependencies;
using DjangoLsp.Analysis.Engine;
using NUnit.Framework;
using static DjangoLsp.Analysis.Tests.Dependencies.DependencyTestHelpers;

namespace DjangoLsp.Analysis.Tests.Dependencies;

public class DependencyAnalyzerTests
{
    private static List<Finding> Of(IEnumerable<Finding> findings, string ruleId) => findings.Where(f => f.Rule.Id == ruleId).ToList();

    [Test]
    public void Django_4_2_14_IsFlaggedForCve_2024_42005_OnThePin()
    {
        const string text = "# web\nDjango==4.2.14\n";
        var findings = Of(Analyze("requirements.txt", text), "DJ600");
        Assert.That(findings, Has.Count.EqualTo(1));
        var f = findings[0];
        Assert.That(SpanText(text, f), Is.EqualTo("4.2.14"));
        Assert.That(f.Message, Does.Contain("PYSEC-2024-70").And.Contain("CVE-2024-42005").And.Contain("4.2.15"));
        Assert.That(f.Message, Does.Contain("Django 4.2.14"));
    }

    [Test]
    public void Django_4_2_15_IsNotFlaggedForCve_2024_42005()
    {
        var findings = Of(Analyze("requirements.txt", "Django==4.2.15\n"), "DJ600");
        // 4.2.15 still has later advisories (CVE-2024-45230 was fixed in 4.2.16), but not this one.
        Assert.That(findings.Select(f => f.Message), Has.None.Contains("CVE-2024-42005"));
        Assert.That(findings.Single().Message, Does.Contain("CVE-2024-45230"));
    }

    [Test]
    public void FixBumpsToTheLowestReleaseInTheSeriesThatFixesEverything()
    {
        const string text = "Django==4.2.14 ; python_version >= \"3.8\"\nrequests==2.32.3\n";
        var finding = Of(Analyze("requirements.txt", text), "DJ600").Single();
        var fix = finding.Fixes.Single();
        Assert.That(fix.SafeForFixAll, Is.True);
        var fixedText = Apply(text, fix);
        // 4.2.15 fixes CVE-2024-42005 but 4.2.16 is needed for CVE-2024-45230/45231 (Sept 2024): the fix fixes all.
        Assert.That(fixedText, Is.EqualTo("Django==4.2.16 ; python_version >= \"3.8\"\nrequests==2.32.3\n"));
        Assert.That(Of(Analyze("requirements.txt", fixedText), "DJ600"), Is.Empty);
    }

    [Test]
    public void FixInOldSeriesWithoutFixMovesToNextSeriesAndIsNotSafeForFixAll()
    {
        // Django 4.0 reached end of life in April 2023: CVE-2023-36053 (July 2023) is fixed in 3.2.20, 4.1.10 and 4.2.3 only.
        const string text = "django==4.0.10\n";
        var finding = Of(Analyze("requirements.txt", text), "DJ600").Single();
        var fix = finding.Fixes.Single();
        Assert.That(fix.SafeForFixAll, Is.False);
        var fixedText = Apply(text, fix);
        // 4.1 is out of support as well (advisories after 2023-12 no longer name it): the fix goes to the oldest series
        // the newest advisory (CVE-2024-45230, Sept 2024) fixes, 4.2.16.
        Assert.That(fixedText, Is.EqualTo("django==4.2.16\n"));
        Assert.That(finding.Message, Does.Contain("CVE-2023-36053").And.Contain("a newer release series"));
        Assert.That(Of(Analyze("requirements.txt", fixedText), "DJ600"), Is.Empty);
    }

    // Pairs verified against the snapshot's YAML (ranges: introduced/fixed events).
    [TestCase("requests", "2.30.0", "2.31.0", "CVE-2023-32681")]
    [TestCase("urllib3", "2.0.5", "2.0.6", "CVE-2023-43804")]
    [TestCase("werkzeug", "3.0.0", "3.0.1", "CVE-2023-46136")]
    [TestCase("pyyaml", "5.3.1", "5.4", "CVE-2020-14343")]
    [TestCase("djangorestframework", "3.11.1", "3.11.2", "CVE-2020-25626")]
    [TestCase("Django", "4.2.15", "4.2.16", "CVE-2024-45230")]
    [TestCase("django", "3.2.19", "3.2.20", "CVE-2023-36053")]
    public void KnownVulnerableAndFixedPairs(string package, string vulnerable, string fixedVersion, string cve)
    {
        var bad = Of(Analyze("requirements.txt", $"{package}=={vulnerable}\n"), "DJ600");
        Assert.That(bad.SelectMany(f => new[] { f.Message }), Has.Some.Contains(cve), $"{package}=={vulnerable}");
        var good = Of(Analyze("requirements.txt", $"{package}=={fixedVersion}\n"), "DJ600");
        Assert.That(good.Select(f => f.Message), Has.None.Contains(cve), $"{package}=={fixedVersion}");
    }

    [TestCase("Werkzeug==3.0.0\n", Severity.Error)]      // CVE-2023-46136 is CVSS 7.5 (high)
    [TestCase("urllib3==2.0.5\n", Severity.Error)]
    [TestCase("requests==2.30.0\n", Severity.Warning)]   // CVE-2023-32681 carries no CVSS vector in the snapshot
    public void SeverityFollowsCvss(string text, Severity expected) =>
        Assert.That(Of(Analyze("requirements.txt", text), "DJ600").Single().Severity, Is.EqualTo(expected));

    [TestCase("Django==5.1.2\n")]
    [TestCase("requests==2.32.3\n")]
    [TestCase("left-pad-does-not-exist==0.0.1\n")]
    [TestCase("# Django==4.2.14\n")]
    [TestCase("-e .\n")]
    [TestCase("-e git+https://github.com/django/django.git@4.2.14#egg=django\n")]
    [TestCase("https://example.com/Django-4.2.14.tar.gz\n")]
    [TestCase("./vendor/Django-4.2.14-py3-none-any.whl\n")]
    [TestCase("django @ https://example.com/django-4.2.14.zip\n")]
    [TestCase("Django==\n")]
    [TestCase("Django=4.2.14\n")]
    [TestCase("Django 4.2.14\n")]
    [TestCase("django-4.2.14\n")]
    [TestCase("--index-url https://pypi.org/simple\n")]
    public void SafeOrUnreadableLinesGiveNoVulnerabilityFinding(string text) =>
        Assert.That(Of(Analyze("requirements.txt", text), "DJ600"), Is.Empty, text);

    [TestCase("Django==4.2.14 --hash=sha256:abc\n", "4.2.14")]
    [TestCase("Django[argon2,bcrypt] == 4.2.14\n", "4.2.14")]
    [TestCase("DJANGO (==4.2.14)\n", "4.2.14")]
    [TestCase("django===4.2.14\n", "4.2.14")]
    [TestCase("Django==4.2.14 \\\n    --hash=sha256:abc \\\n    --hash=sha256:def\n", "4.2.14")]
    [TestCase("Django>=4.2,<4.2.15\n", ">=4.2,<4.2.15")]
    public void VulnerableVariantsAreFlagged(string text, string spanText)
    {
        var finding = Of(Analyze("requirements.txt", text), "DJ600").Single();
        Assert.That(SpanText(text, finding), Is.EqualTo(spanText));
    }

    [Test]
    public void HashedRequirementFixIsNotSafeForFixAll()
    {
        const string text = "Django==4.2.14 \\\n    --hash=sha256:abc\n";
        var fix = Of(Analyze("requirements.txt", text), "DJ600").Single().Fixes.Single();
        Assert.That(fix.SafeForFixAll, Is.False);
        Assert.That(fix.Title, Does.Contain("hash"));
    }

    [TestCase("Django>=4.2,<5\n")]
    [TestCase("Django~=4.2.0\n")]
    [TestCase("Django>=3\n")]
    [TestCase("django==4.2.*\n")]
    [TestCase("requests>=2.0\n")]
    public void RangesThatAllowAFixedReleaseAreInformationOnly(string text)
    {
        var findings = Analyze("requirements.txt", text);
        Assert.That(Of(findings, "DJ600"), Is.Empty, text);
        var info = Of(findings, "DJ601").Single();
        Assert.That(info.Severity, Is.EqualTo(Severity.Information));
        Assert.That(info.Message, Does.Contain("allows vulnerable versions"));
    }

    [TestCase("Django>=4.2.16,<5.0\n")]
    [TestCase("Django>=5.1.2\n")]
    [TestCase("Django~=5.1.2\n")]
    [TestCase("requests>=2.32.0\n")]
    [TestCase("unknown-package>=1.0\n")]
    public void RangesStartingAtAFixedReleaseAreNotReported(string text) =>
        Assert.That(Of(Analyze("requirements.txt", text), "DJ601"), Is.Empty, text);

    [TestCase("Django\n")]
    [TestCase("django>=3\n")]
    [TestCase("Django>4.2\n")]
    [TestCase("Django!=4.2.1\n")]
    [TestCase("django[argon2] >= 4.2.16\n")]
    public void UnpinnedDjangoIsAHint(string text)
    {
        var finding = Of(Analyze("requirements.txt", text), "DJ602").Single();
        Assert.That(finding.Severity, Is.EqualTo(Severity.Hint));
    }

    [TestCase("Django==4.2.16\n")]
    [TestCase("Django~=4.2.16\n")]
    [TestCase("Django>=4.2.16,<5\n")]
    [TestCase("django==4.2.*\n")]
    [TestCase("djangorestframework>=3\n")]
    [TestCase("django-environ\n")]
    public void BoundedDjangoAndOtherPackagesAreNotUnpinned(string text) =>
        Assert.That(Of(Analyze("requirements.txt", text), "DJ602"), Is.Empty, text);

    [Test]
    public void ConstraintsFileThatPinsDjangoSilencesUnpinnedHint()
    {
        var root = NowhereRoot;
        var files = new MemoryFiles().Add(Path.Combine(root, "constraints.txt"), "Django==4.2.16\n");
        Assert.That(Of(Analyze("requirements.txt", "-c constraints.txt\nDjango\n", files, root), "DJ602"), Is.Empty);
        Assert.That(Of(Analyze("requirements.txt", "Django\n", files, root), "DJ602"), Has.Count.EqualTo(1));
    }

    [Test]
    public void IncludeCyclesEnd()
    {
        var root = NowhereRoot;
        var files = new MemoryFiles()
            .Add(Path.Combine(root, "requirements.txt"), "-r requirements-dev.txt\nDjango\n")
            .Add(Path.Combine(root, "requirements-dev.txt"), "-r requirements.txt\n-r sub/requirements-base.txt\n")
            .Add(Path.Combine(root, "sub", "requirements-base.txt"), "-r ../requirements-dev.txt\n-c ../constraints.txt\n")
            .Add(Path.Combine(root, "constraints.txt"), "django<5\n");
        var doc = DjangoLsp.Analysis.Dependencies.Parsing.RequirementsParser.Parse(Path.Combine(root, "requirements.txt"),
            Microsoft.CodeAnalysis.Text.SourceText.From("-r requirements-dev.txt\nDjango\n"));
        var included = RequirementsIncludeGraph.Collect(doc, files);
        Assert.That(included.Select(i => Path.GetFileName(i.File.Path)), Is.EqualTo(new[] { "requirements-dev.txt", "requirements-base.txt", "constraints.txt" }));
        Assert.That(included.Last().AsConstraint, Is.True);
        // django<5 in a constraints file reached through two includes bounds Django.
        Assert.That(Of(Analyze("requirements.txt", "-r requirements-dev.txt\nDjango\n", files, root), "DJ602"), Is.Empty);
    }

    [Test]
    public void HashHintNeedsADeployedProject()
    {
        var root = Directory.CreateTempSubdirectory("djangolsp-deploy-").FullName;
        try
        {
            const string text = "Django==4.2.16\nrequests==2.32.3\n";
            Assert.That(Of(Analyze("requirements.txt", text, root: root), "DJ603"), Is.Empty, "no deployment files yet");
            File.WriteAllText(Path.Combine(root, "Dockerfile"), "FROM python:3.12\n");
            var hint = Of(Analyze("requirements.txt", text, root: root), "DJ603").Single();
            Assert.That(hint.Message, Does.Contain("Dockerfile"));
            Assert.That(SpanText(text, hint), Is.EqualTo("Django==4.2.16"));
            Assert.That(Of(Analyze("requirements.txt", "Django==4.2.16 --hash=sha256:0123\n", root: root), "DJ603"), Is.Empty);
            Assert.That(Of(Analyze("requirements.in", text, root: root), "DJ603"), Is.Empty, ".in files are inputs");
            Assert.That(Of(Analyze("requirements.txt", "# nothing\n", root: root), "DJ603"), Is.Empty);
            var files = new MemoryFiles().Add(Path.Combine(root, "base.txt"), "Django==4.2.16 --hash=sha256:0123\n");
            Assert.That(Of(Analyze("requirements.txt", "-r base.txt\nrequests==2.32.3\n", files, root), "DJ603"), Is.Empty, "an included file has hashes");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestCase("Procfile", "web: gunicorn app.wsgi")]
    [TestCase("fly.toml", "app = 'x'")]
    [TestCase("app.yaml", "runtime: python312")]
    [TestCase(".github/workflows/ci.yml", "jobs:\n  deploy:\n    runs-on: ubuntu-latest\n")]
    [TestCase(".github/workflows/deploy.yaml", "on: push\n")]
    public void DeploymentSignalsAreFoundInParents(string relative, string content)
    {
        var root = Directory.CreateTempSubdirectory("djangolsp-deploy-").FullName;
        try
        {
            var full = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
            Directory.CreateDirectory(Path.Combine(root, "requirements"));
            Assert.That(DeploymentSignals.Find(Path.Combine(root, "requirements", "prod.txt"), root), Is.Not.Null);
            Assert.That(Of(Analyze(Path.Combine("requirements", "requirements-prod.txt"), "Django==4.2.16\n", root: root), "DJ603"), Has.Count.EqualTo(1));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void WorkflowWithoutDeployIsNotADeploymentSignal()
    {
        var root = Directory.CreateTempSubdirectory("djangolsp-deploy-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, ".github", "workflows"));
            File.WriteAllText(Path.Combine(root, ".github", "workflows", "test.yml"), "jobs:\n  test:\n    runs-on: ubuntu-latest\n");
            Assert.That(DeploymentSignals.Find(Path.Combine(root, "requirements.txt"), root), Is.Null);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public void HoverShowsAdvisoryCountAndSnapshotDateWithoutAFinding()
    {
        const string text = "Django==5.1.2\nunknown-thing==1.0\n";
        var document = new AnalysisDocument(Path.Combine(NowhereRoot, "requirements.txt"), Microsoft.CodeAnalysis.Text.SourceText.From(text));
        var context = new AnalysisContext(AnalysisOptions.Default, new MemoryFiles(), NowhereRoot);
        var hover = Analyzer.GetHover(document, 2, context, CancellationToken.None);
        Assert.That(hover, Is.Not.Null);
        var djangoCount = Database.ForPackage("django").Count;
        Assert.That(hover!.Markdown, Does.Contain($"{djangoCount} known advisories").And.Contain(Database.SnapshotDate).And.Contain("None affects 5.1.2"));
        var unknown = Analyzer.GetHover(document, text.IndexOf("unknown", StringComparison.Ordinal) + 2, context, CancellationToken.None);
        Assert.That(unknown!.Markdown, Does.Contain("No known advisories"));
        Assert.That(Analyzer.GetHover(document, text.Length, context, CancellationToken.None), Is.Null.Or.Property("Markdown").Contains("unknown"));
    }

    [Test]
    public void RegisteredInBuiltInAnalyzersWithUniqueRuleIds()
    {
        var engine = BuiltInAnalyzers.CreateEngine();
        foreach (var id in new[] { "DJ600", "DJ601", "DJ602", "DJ603" })
        {
            var rule = engine.Catalog.Find(id);
            Assert.That(rule, Is.Not.Null, id);
            Assert.That(rule!.Documentation, Does.Contain("## What it does").And.Contain("## Why it matters").And.Contain("## Example").And.Contain("## Fix").And.Contain("## References"));
            Assert.That(rule.Owasp2021.Concat(rule.Owasp2025).All(OwaspTop10.IsKnown), Is.True);
        }
    }

    [Test]
    public void EngineReportsThroughOptions()
    {
        var engine = BuiltInAnalyzers.CreateEngine();
        var document = new AnalysisDocument(Path.Combine(NowhereRoot, "requirements.txt"), Microsoft.CodeAnalysis.Text.SourceText.From("Django==4.2.14\n"));
        var failures = 0;
        engine.AnalyzerFailed += (_, _, _) => failures++;
        var findings = engine.Analyze(document, new AnalysisContext(AnalysisOptions.Default, new MemoryFiles(), NowhereRoot));
        Assert.That(findings.Select(f => f.Rule.Id), Does.Contain("DJ600"));
        Assert.That(failures, Is.EqualTo(0));
        var ignored = engine.Analyze(document, new AnalysisContext(AnalysisOptions.Default with { Ignore = new[] { "DJ6" } }, new MemoryFiles(), NowhereRoot));
        Assert.That(ignored, Is.Empty);
    }

    [Test]
    public void HugeAndBinaryishInputDoesNotCrash()
    {
        var rng = new Random(42);
        var chars = new char[400_000];
        for (var i = 0; i < chars.Length; i++) chars[i] = (char)rng.Next(0, 0xD7FF);
        var garbage = new string(chars);
        foreach (var name in new[] { "requirements.txt", "pyproject.toml", "Pipfile", "Pipfile.lock", "poetry.lock", "uv.lock" })
        {
            Assert.DoesNotThrow(() => Analyze(name, garbage), name);
            Assert.DoesNotThrow(() => Analyze(name, "\0\0\u0001[[[[{{{{\"\"\"\n" + new string('[', 5000) + new string('{', 5000)), name);
        }
        var many = string.Concat(Enumerable.Repeat("Django==4.2.14\n", 20_000));
        Assert.That(Of(Analyze("requirements.txt", many), "DJ600"), Has.Count.EqualTo(20_000));
    }
}

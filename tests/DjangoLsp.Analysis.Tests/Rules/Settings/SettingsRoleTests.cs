using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Tests.Settings;
using Microsoft.CodeAnalysis.Text;
using NUnit.Framework;

namespace DjangoLsp.Analysis.Tests.Rules.Settings;

/// <summary>Which module gets which findings: development modules none, shared bases only what production inherits.</summary>
public class SettingsRoleTests
{
    private const string Base = "SECRET_KEY = \"django-insecure-abc\"\nDEBUG = True\nALLOWED_HOSTS = []\nSESSION_COOKIE_SECURE = False\nINSTALLED_APPS = [\"django.contrib.sessions\"]\n";

    [TestCase("local.py")]
    [TestCase("dev.py")]
    [TestCase("development.py")]
    [TestCase("test.py")]
    [TestCase("tests.py")]
    [TestCase("testing.py")]
    [TestCase("ci.py")]
    public void DevelopmentModulesHaveNoFindings(string name)
    {
        var files = new MemoryFiles(("p/settings/base.py", Base), ($"p/settings/{name}", "from .base import *\nDEBUG = True\nALLOWED_HOSTS = ['*']\n"));
        Assert.That(SettingsTestSupport.Analyze(files, $"p/settings/{name}"), Is.Empty);
    }

    [Test]
    public void DevelopmentSingleFileNamedSettingsDevHasNoFindings()
    {
        var files = new MemoryFiles(("p/settings_dev.py", Base));
        Assert.That(SettingsTestSupport.Analyze(files, "p/settings_dev.py"), Is.Empty);
    }

    [Test]
    public void ProductionReportsItsOwnLinesAndMissingSettingsAtTheStarImport()
    {
        var files = new MemoryFiles(("p/settings/base.py", Base),
            ("p/settings/production.py", "import os\nfrom .base import *  # noqa\n\nDEBUG = True\nSECRET_KEY = os.environ['K']\n"));
        var findings = SettingsTestSupport.Analyze(files, "p/settings/production.py");
        var text = files.Get("p/settings/production.py").Text;
        Assert.That(findings.Single(f => f.Rule.Id == "DJ500").Span.Start, Is.EqualTo(text.ToString().IndexOf("DEBUG", StringComparison.Ordinal)));
        // ALLOWED_HOSTS = [] and SESSION_COOKIE_SECURE = False come from base.py: reported there, not here.
        Assert.That(findings.Where(f => f.Rule.Id is "DJ501" or "DJ511"), Is.Empty);
    }

    [Test]
    public void SharedBaseGetsWhatProductionInheritsButNotWhatItOverrides()
    {
        var files = new MemoryFiles(("p/settings/base.py", Base),
            ("p/settings/production.py", "import os\nfrom .base import *  # noqa\n\nDEBUG = False\nSECRET_KEY = os.environ['K']\n"),
            ("p/settings/local.py", "from .base import *\n"));
        var findings = SettingsTestSupport.Analyze(files, "p/settings/base.py");
        var ids = findings.Select(f => f.Rule.Id).ToList();
        Assert.That(ids, Does.Contain("DJ501").And.Contain("DJ511"), "inherited by production.py");
        Assert.That(ids, Does.Not.Contain("DJ500").And.Not.Contain("DJ503").And.Not.Contain("DJ504"), "overridden by production.py");
        Assert.That(findings.First(f => f.Rule.Id == "DJ501").Related.Single().Path, Does.EndWith("production.py"));
    }

    [Test]
    public void SharedBaseWithoutProductionSiblingIsCheckedOnItsOwnValuesOnly()
    {
        var files = new MemoryFiles(("p/settings/base.py", Base), ("p/settings/local.py", "from .base import *\n"));
        var ids = SettingsTestSupport.Analyze(files, "p/settings/base.py").Select(f => f.Rule.Id).ToList();
        Assert.That(ids, Does.Contain("DJ500").And.Contain("DJ501"));
        Assert.That(ids, Does.Not.Contain("DJ505"), "no 'not set' findings: a module we cannot see may set them");
    }

    [Test]
    public void EditingBaseInTheEditorChangesProductionsFindings()
    {
        var files = new MemoryFiles(
            ("p/settings/base.py", "SECRET_KEY = 'x' * 60 + 'abcdef'\nMIDDLEWARE = ['django.middleware.security.SecurityMiddleware']\n"),
            ("p/settings/production.py", "from .base import *\n"));
        var before = SettingsTestSupport.Analyze(files, "p/settings/production.py").Select(f => f.Rule.Id).ToList();
        Assert.That(before, Does.Contain("DJ506"), "HSTS not set anywhere");

        // The user types in base.py (an open buffer): production.py's analysis sees the new snapshot.
        var baseDoc = files.Get("p/settings/base.py");
        var edited = baseDoc.WithChanges(new[] { new TextChange(new TextSpan(baseDoc.Text.Length, 0), "SECURE_HSTS_SECONDS = 3600\n") }, 2);
        files.Set("p/settings/base.py", edited.Text.ToString());
        var after = SettingsTestSupport.Analyze(files, "p/settings/production.py").Select(f => f.Rule.Id).ToList();
        Assert.That(after, Does.Not.Contain("DJ506"));
        Assert.That(after, Does.Contain("DJ507"), "now HSTS is on without includeSubDomains");
    }

    [Test]
    public void NonSettingsPythonFilesAreIgnored()
    {
        var files = new MemoryFiles(("p/shop/views.py", "DEBUG = True\nALLOWED_HOSTS = ['*']\n"),
            ("p/shop/constants.py", "SECRET_KEY = 'abc'\n"));
        Assert.That(SettingsTestSupport.Analyze(files, "p/shop/views.py"), Is.Empty);
        Assert.That(SettingsTestSupport.Analyze(files, "p/shop/constants.py"), Is.Empty);
    }

    [Test]
    public void DjangosOwnGlobalDefaultsAreNoSettingsModule()
    {
        // django/conf/global_settings.py holds the framework's defaults (seen when an installed Django is scanned);
        // a project's own global_settings.py with the same lines still is a settings module.
        const string defaults = "DEBUG = False\nALLOWED_HOSTS = []\nSECRET_KEY = ''\nMIDDLEWARE = []\nCSRF_COOKIE_SECURE = False\n";
        var files = new MemoryFiles(("venv/lib/python3.11/site-packages/django/conf/global_settings.py", defaults), ("p/global_settings.py", defaults));
        Assert.That(SettingsTestSupport.Analyze(files, "venv/lib/python3.11/site-packages/django/conf/global_settings.py"), Is.Empty);
        Assert.That(SettingsTestSupport.Analyze(files, "p/global_settings.py").Select(f => f.Rule.Id), Does.Contain("DJ501").And.Contain("DJ503"));
    }

    [Test]
    public void ConfiguredSettingsModuleIsTreatedAsDeployed()
    {
        var files = new MemoryFiles(("p/shop/settings/dev.py", "SECRET_KEY = 'abc'\nDEBUG = True\n"));
        var options = AnalysisOptions.Default with { SettingsModule = "shop.settings.dev" };
        Assert.That(SettingsTestSupport.Analyze(files, "p/shop/settings/dev.py", options).Select(f => f.Rule.Id), Does.Contain("DJ500"));
    }

    [Test]
    public void EveryRuleHasCompleteCatalogEntry()
    {
        var rules = new AnalysisEngine(BuiltInAnalyzers.Create()).Catalog.All.Where(r => r.Id.StartsWith("DJ3", StringComparison.Ordinal) || r.Id.StartsWith("DJ5", StringComparison.Ordinal));
        foreach (var rule in rules)
        {
            Assert.That(rule.Owasp2021.All(OwaspTop10.IsKnown) && rule.Owasp2021.Count > 0, Is.True, rule.Id);
            Assert.That(rule.Owasp2025.All(OwaspTop10.IsKnown) && rule.Owasp2025.Any(o => o.EndsWith(":2025", StringComparison.Ordinal)), Is.True, rule.Id);
            Assert.That(rule.Cwe, Is.Not.Empty, rule.Id);
            Assert.That(rule.Documentation, Does.Contain("## Why it matters").And.Contain("## Fix").And.Contain("```"), rule.Id);
            Assert.That(rule.DjangoDocsUrl, Does.StartWith("https://docs.djangoproject.com/"), rule.Id);
            if (rule.Id.StartsWith("DJ5", StringComparison.Ordinal))
                Assert.That(rule.Documentation, Does.Contain("howto/deployment/checklist/").And.Contain("ref/checks/#security"), rule.Id);
        }
    }
}

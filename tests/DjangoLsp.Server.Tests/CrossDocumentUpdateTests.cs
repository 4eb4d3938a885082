using DjangoLsp.Analysis;
using DjangoLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

/// <summary>
/// An edit in one open Python document re-analyses the other open documents that depend on it: here a
/// production settings module overriding DEBUG clears the finding reported in the shared base module.
/// </summary>
public class CrossDocumentUpdateTests
{
    private string _root = null!;

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("djangolsp-cross-doc").FullName;

    [TearDown]
    public void Delete() => Directory.Delete(_root, true);

    private static bool Has(JObject publish, string ruleId) =>
        ((JArray)publish["params"]!["diagnostics"]!).Any(d => (string?)d["code"] == ruleId);

    [Test]
    public async Task Editing_production_settings_updates_the_open_base_settings()
    {
        var settings = Directory.CreateDirectory(Path.Combine(_root, "shop", "settings")).FullName;
        File.WriteAllText(Path.Combine(_root, "shop", "__init__.py"), "");
        File.WriteAllText(Path.Combine(settings, "__init__.py"), "");
        const string baseText = "import os\nSECRET_KEY = os.environ['DJANGO_SECRET_KEY']\nDEBUG = True\nALLOWED_HOSTS = ['shop.example']\n";
        const string productionText = "from .base import *\n";
        var basePath = Path.Combine(settings, "base.py");
        var productionPath = Path.Combine(settings, "production.py");
        File.WriteAllText(basePath, baseText);
        File.WriteAllText(productionPath, productionText);

        using var h = new ServerHarness(BuiltInAnalyzers.Create().ToArray());
        await h.InitializeAsync(rootPath: _root);
        var baseUri = new Uri(basePath).AbsoluteUri;
        var productionUri = new Uri(productionPath).AbsoluteUri;
        await h.OpenAsync(baseUri, baseText);
        await h.OpenAsync(productionUri, productionText);
        var before = await h.Client.WaitForAsync(m => (string?)m["method"] == "textDocument/publishDiagnostics"
            && (string?)m["params"]!["uri"] == baseUri && Has(m, "DJ500"), "DEBUG = True reported in base.py (production inherits it)");
        Assert.That(Has(before, "DJ500"), Is.True);

        // Production now overrides DEBUG; base.py itself is not touched, yet its finding must go away.
        await h.ChangeAsync(productionUri, 2, new JObject { ["text"] = productionText + "DEBUG = False\n" });
        var after = await h.Client.WaitForAsync(m => (string?)m["method"] == "textDocument/publishDiagnostics"
            && (string?)m["params"]!["uri"] == baseUri && !Has(m, "DJ500"), "base.py re-analysed without DJ500");
        Assert.That((int?)after["params"]!["version"], Is.EqualTo(1), "base.py was not edited");
    }

    private static JToken? Diagnostic(JObject publish, string ruleId) =>
        ((JArray)publish["params"]!["diagnostics"]!).FirstOrDefault(d => (string?)d["code"] == ruleId);

    /// <summary>
    /// The template's CSRF finding follows the project's settings: without CsrfViewMiddleware it is information
    /// (protection is off project-wide, the settings are the root cause); adding the middleware in the open settings
    /// buffer turns it into the warning about the missing {% csrf_token %} without touching the template.
    /// </summary>
    [Test]
    public async Task Adding_CsrfViewMiddleware_in_the_settings_buffer_updates_the_open_template()
    {
        var site = Directory.CreateDirectory(Path.Combine(_root, "mysite")).FullName;
        var templates = Directory.CreateDirectory(Path.Combine(_root, "shop", "templates", "shop")).FullName;
        File.WriteAllText(Path.Combine(_root, "manage.py"), "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"mysite.settings\")\n");
        File.WriteAllText(Path.Combine(site, "__init__.py"), "");
        File.WriteAllText(Path.Combine(_root, "shop", "__init__.py"), "");
        const string settingsText = "import os\nSECRET_KEY = os.environ['DJANGO_SECRET_KEY']\nDEBUG = False\nALLOWED_HOSTS = ['shop.example']\n" +
            "INSTALLED_APPS = ['shop']\nMIDDLEWARE = [\n    'django.middleware.security.SecurityMiddleware',\n]\n" +
            "TEMPLATES = [{'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': [], 'APP_DIRS': True}]\n";
        const string templateText = "<form method=\"post\">\n  <input name=\"email\">\n</form>\n";
        var settingsPath = Path.Combine(site, "settings.py");
        var templatePath = Path.Combine(templates, "email.html");
        File.WriteAllText(settingsPath, settingsText);
        File.WriteAllText(templatePath, templateText);

        using var h = new ServerHarness(BuiltInAnalyzers.Create().ToArray());
        await h.InitializeAsync(rootPath: _root);
        var settingsUri = new Uri(settingsPath).AbsoluteUri;
        var templateUri = new Uri(templatePath).AbsoluteUri;
        await h.OpenAsync(settingsUri, settingsText);
        await h.OpenAsync(templateUri, templateText, languageId: "django-html");
        await h.Client.WaitForAsync(m => (string?)m["method"] == "textDocument/publishDiagnostics"
            && (string?)m["params"]!["uri"] == settingsUri && Has(m, "DJ319"), "settings.py reports the missing CsrfViewMiddleware");
        var before = await h.Client.WaitForAsync(m => (string?)m["method"] == "textDocument/publishDiagnostics"
            && (string?)m["params"]!["uri"] == templateUri && Has(m, "DJ320"), "the template reports its form");
        var off = Diagnostic(before, "DJ320")!;
        Assert.That((int?)off["severity"], Is.EqualTo(3), "information while protection is off project-wide");
        Assert.That((string?)off["message"], Does.StartWith("CSRF protection is off project-wide"));
        Assert.That((string?)off["relatedInformation"]![0]!["location"]!["uri"], Is.EqualTo(settingsUri));

        var withCsrf = settingsText.Replace("    'django.middleware.security.SecurityMiddleware',\n",
            "    'django.middleware.security.SecurityMiddleware',\n    'django.middleware.csrf.CsrfViewMiddleware',\n");
        await h.ChangeAsync(settingsUri, 2, new JObject { ["text"] = withCsrf });
        await h.Client.WaitForAsync(m => (string?)m["method"] == "textDocument/publishDiagnostics"
            && (string?)m["params"]!["uri"] == settingsUri && !Has(m, "DJ319"), "the settings finding clears");
        var after = await h.Client.WaitForAsync(m => (string?)m["method"] == "textDocument/publishDiagnostics"
            && (string?)m["params"]!["uri"] == templateUri && Diagnostic(m, "DJ320") is { } d && (int?)d["severity"] == 2,
            "the template's form becomes a warning about the missing token");
        Assert.That((string?)Diagnostic(after, "DJ320")!["message"], Does.StartWith("This <form method=\"post\"> has no {% csrf_token %}"));
        Assert.That((int?)after["params"]!["version"], Is.EqualTo(1), "the template was not edited");
    }
}

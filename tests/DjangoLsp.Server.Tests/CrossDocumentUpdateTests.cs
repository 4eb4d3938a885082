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
}

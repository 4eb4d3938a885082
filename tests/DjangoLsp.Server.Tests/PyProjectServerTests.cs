using DjangoLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

/// <summary>The in-process server reading the workspace root's pyproject.toml and reloading it when it changes.</summary>
public class PyProjectServerTests
{
    private string _root = null!;

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("djangolsp-pyproject-server").FullName;

    [TearDown]
    public void Delete() => Directory.Delete(_root, true);

    private static JArray Diagnostics(JObject publish) => (JArray)publish["params"]!["diagnostics"]!;

    private string Pyproject => Path.Combine(_root, "pyproject.toml");

    [Test]
    public async Task Pyproject_applies_below_client_settings_and_reloads_on_change()
    {
        File.WriteAllText(Pyproject, "[tool.djangolsp]\nignore = [\"DJ99\"]\n");
        using var h = new ServerHarness();
        await h.InitializeAsync(rootPath: _root);
        var uri = new Uri(Path.Combine(_root, "views.py")).AbsoluteUri;
        await h.OpenAsync(uri, "MARKER\n");
        Assert.That(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 1)), Is.Empty, "ignored by pyproject.toml");

        File.WriteAllText(Pyproject, "[tool.djangolsp]\nseverity = { DJ990 = \"error\" }\n");
        await h.Client.NotifyAsync("workspace/didChangeWatchedFiles", new JObject
        {
            ["changes"] = new JArray(new JObject { ["uri"] = new Uri(Pyproject).AbsoluteUri, ["type"] = 2 }),
        });
        var back = Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 1)).Single();
        Assert.That((int?)back["severity"], Is.EqualTo(1), "severity from the reloaded pyproject.toml");

        await h.Client.NotifyAsync("workspace/didChangeConfiguration", new JObject
        {
            ["settings"] = new JObject { ["djangolsp"] = new JObject { ["severityOverrides"] = new JObject { ["DJ990"] = "hint" } } },
        });
        var client = Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 1)).Single();
        Assert.That((int?)client["severity"], Is.EqualTo(4), "client settings win over pyproject.toml");
    }

    [Test]
    public async Task Malformed_pyproject_is_logged_and_the_server_keeps_working()
    {
        File.WriteAllText(Pyproject, "[tool.djangolsp\nignore = [\"DJ99\"\n");
        using var h = new ServerHarness();
        await h.InitializeAsync(rootPath: _root);
        var uri = new Uri(Path.Combine(_root, "views.py")).AbsoluteUri;
        await h.OpenAsync(uri, "MARKER\n");
        Assert.That(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 1)), Has.Count.EqualTo(1));
        var logged = await h.Client.WaitForAsync(m => (string?)m["method"] == "window/showMessage"
            && ((string?)m["params"]!["message"])?.Contains("malformed TOML") == true, "a warning about pyproject.toml");
        Assert.That((string?)logged["params"]!["message"], Does.Not.Contain("\n"));
    }
}

using DjangoLsp.Server.Tests.Support;
using DjangoLsp.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

/// <summary>
/// Every open document ends up with the diagnostics of its final text, whatever happens while they are computed:
/// no result for an older snapshot or settings generation is dropped without a newer one following, and a pulling
/// client is told to pull again whenever it may hold stale or no results. Race windows are held open with
/// <see cref="MarkerAnalyzer.HoldPathSuffix"/>, not with sleeps, so the reproductions fail every time without their fix.
/// </summary>
public class DiagnosticsDeliveryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private static JObject Pull(string uri, string? previousResultId = null)
    {
        var parameters = new JObject { ["textDocument"] = new JObject { ["uri"] = uri } };
        if (previousResultId != null) parameters["previousResultId"] = previousResultId;
        return parameters;
    }

    private static async Task WaitUntilHeldAsync(MarkerAnalyzer analyzer) =>
        Assert.That(await analyzer.Held.WaitAsync(Timeout), Is.True, "the analysis never started");

    /// <summary>The reader handles messages in order: once a later request is answered, earlier notifications are applied.</summary>
    private static Task RoundTripAsync(ServerHarness h) =>
        h.Client.RequestAsync("workspace/executeCommand", new JObject { ["command"] = "djangolsp.listRules" });

    [Test]
    public async Task Template_reopened_with_another_language_while_its_pull_is_in_flight_still_gets_diagnostics()
    {
        // The code-server end-to-end failure: the extension switches a template from html to django-html
        // (didClose + didOpen) while the pull for the html document is still running on the server.
        using var h = new ServerHarness();
        var client = new LanguageClientPullModel(h);
        await h.InitializeAsync(LanguageClientPullModel.Capabilities);
        var views = ServerHarness.Uri("shop/views.py");
        var template = ServerHarness.Uri("shop/templates/shop/detail.html");
        const string templateText = "<script>var q = {{ MARKER }};</script>\n";
        await client.OpenAsync(views, "MARKER\n", "python");
        await client.SettleAsync(Timeout);

        h.Analyzer.HoldPathSuffix = "detail.html";
        h.Analyzer.Release.Reset();
        await client.OpenAsync(template, templateText, "html");
        await WaitUntilHeldAsync(h.Analyzer);
        await client.ChangeLanguageAsync(template, templateText, "django-html");
        await RoundTripAsync(h);
        h.Analyzer.Release.Set();
        await client.SettleAsync(Timeout);

        var shown = client.DiagnosticsOf(template);
        Assert.That(shown, Is.Not.Null, "the reopened template was never pulled again: no diagnostics in the editor");
        Assert.That(shown!.Select(d => (string?)d["code"]), Is.EqualTo(new[] { "DJ990" }));
        Assert.That(client.RefreshRequests, Is.EqualTo(1));
        Assert.That(client.DiagnosticsOf(views)!, Has.Count.EqualTo(1), "the other document keeps its results");
    }

    [Test]
    public async Task Only_a_reopen_asks_a_pulling_client_to_refresh_and_a_pushing_client_is_never_asked()
    {
        using var h = new ServerHarness();
        var client = new LanguageClientPullModel(h);
        await h.InitializeAsync(LanguageClientPullModel.Capabilities);
        var a = ServerHarness.Uri("refresh/a.py");
        var b = ServerHarness.Uri("refresh/b.py");
        await client.OpenAsync(a, "MARKER\n", "python");
        await client.OpenAsync(b, "fine\n", "python");
        await client.SettleAsync(Timeout);
        await RoundTripAsync(h);
        Assert.That(h.Client.Received.Count(m => (string?)m["method"] == "workspace/diagnostic/refresh"), Is.Zero, "first opens need no refresh");

        await client.ChangeLanguageAsync(a, "MARKER\n", "python");
        await h.Client.WaitForAsync(m => (string?)m["method"] == "workspace/diagnostic/refresh", "a refresh after the reopen", Timeout);
        await client.SettleAsync(Timeout);
        Assert.That(client.DiagnosticsOf(a)!, Has.Count.EqualTo(1));
        Assert.That(client.DiagnosticsOf(b)!, Is.Empty);

        using var push = new ServerHarness();
        await push.InitializeAsync(new JObject { ["workspace"] = new JObject { ["diagnostics"] = new JObject { ["refreshSupport"] = true } } });
        var c = ServerHarness.Uri("refresh/c.py");
        await push.OpenAsync(c, "MARKER\n");
        await push.Client.NotifyAsync("textDocument/didClose", new JObject { ["textDocument"] = new JObject { ["uri"] = c } });
        await push.OpenAsync(c, "MARKER\n");
        await RoundTripAsync(push);
        Assert.That(push.Client.Received.Count(m => (string?)m["method"] == "workspace/diagnostic/refresh"), Is.Zero, "a pushing client is never asked to pull");
    }

    [Test]
    public async Task Files_changed_on_disk_make_a_pulling_client_refresh_and_its_next_pull_is_full()
    {
        using var h = new ServerHarness();
        var client = new LanguageClientPullModel(h);
        await h.InitializeAsync(LanguageClientPullModel.Capabilities);
        var uri = ServerHarness.Uri("disk/views.py");
        await client.OpenAsync(uri, "MARKER\n", "python");
        await client.SettleAsync(Timeout);
        var first = (await h.Client.RequestAsync("textDocument/diagnostic", Pull(uri)))["result"]!;
        var resultId = (string?)first["resultId"];
        Assert.That((string?)(await h.Client.RequestAsync("textDocument/diagnostic", Pull(uri, resultId)))["result"]!["kind"], Is.EqualTo("unchanged"));

        await h.Client.NotifyAsync("workspace/didChangeWatchedFiles", new JObject
        {
            ["changes"] = new JArray(new JObject { ["uri"] = ServerHarness.Uri("disk/models.py"), ["type"] = 2 }),
        });
        await h.Client.WaitForAsync(m => (string?)m["method"] == "workspace/diagnostic/refresh", "a refresh after a file changed on disk", Timeout);
        var after = (await h.Client.RequestAsync("textDocument/diagnostic", Pull(uri, resultId)))["result"]!;
        Assert.That((string?)after["kind"], Is.EqualTo("full"), "results computed before the disk change must not be reported unchanged");
        Assert.That(after["items"]!.Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_save_during_the_analysis_of_the_saved_document_does_not_lose_its_new_diagnostics()
    {
        // didSave bumps the settings generation (other files may depend on the saved one) but reschedules only the
        // other open documents; the saved document's own analysis of its last edit was in flight.
        using var h = new ServerHarness();
        await h.InitializeAsync();
        var uri = ServerHarness.Uri("save/views.py");
        await h.OpenAsync(uri, "MARKER\n");
        Assert.That((await h.Client.WaitForDiagnosticsAsync(uri, 1))["params"]!["diagnostics"]!, Has.Count.EqualTo(1));

        h.Analyzer.HoldPathSuffix = "views.py";
        h.Analyzer.Release.Reset();
        await h.ChangeAsync(uri, 2, new JObject { ["text"] = "fine\n" });
        await WaitUntilHeldAsync(h.Analyzer);
        await h.Client.NotifyAsync("textDocument/didSave", new JObject { ["textDocument"] = new JObject { ["uri"] = uri } });
        await RoundTripAsync(h);
        h.Analyzer.Release.Set();

        var published = await h.Client.WaitForDiagnosticsAsync(uri, 2, Timeout);
        Assert.That(published["params"]!["diagnostics"]!, Is.Empty);
    }

    [Test]
    public async Task A_settings_change_during_an_analysis_publishes_results_under_the_new_settings()
    {
        using var h = new ServerHarness();
        await h.InitializeAsync();
        var uri = ServerHarness.Uri("settings/views.py");
        h.Analyzer.HoldPathSuffix = "views.py";
        h.Analyzer.Release.Reset();
        await h.OpenAsync(uri, "MARKER\n");
        await WaitUntilHeldAsync(h.Analyzer);
        await h.Client.NotifyAsync("workspace/didChangeConfiguration", new JObject
        {
            ["settings"] = new JObject { ["djangolsp"] = new JObject { ["ignore"] = new JArray("DJ990"), ["debounceMs"] = 20 } },
        });
        await RoundTripAsync(h);
        h.Analyzer.Release.Set();

        var published = await h.Client.WaitForDiagnosticsAsync(uri, 1, Timeout);
        Assert.That(published["params"]!["diagnostics"]!, Is.Empty, "the first publish must already honour the new ignore list");
        await Task.Delay(300);
        Assert.That(h.Client.TakeAllDiagnostics(uri).SelectMany(m => m["params"]!["diagnostics"]!), Is.Empty, "nothing computed under the old settings follows");
    }

    [Test]
    public async Task Views_edits_interleaved_with_template_opens_end_with_every_document_current()
    {
        // The quick-fix-then-open-a-template sequence, many times over, with a slow analyzer to widen the windows.
        using var h = new ServerHarness();
        h.Analyzer.Delay = TimeSpan.FromMilliseconds(3);
        await h.InitializeAsync();
        var views = ServerHarness.Uri("many/views.py");
        await h.OpenAsync(views, "MARKER\n");
        const int rounds = 25;
        var templates = new List<(string Uri, int Markers)>();
        for (var i = 0; i < rounds; i++)
        {
            await h.ChangeAsync(views, i + 2, new JObject { ["text"] = string.Concat(Enumerable.Repeat("MARKER\n", i % 4)) });
            var template = ServerHarness.Uri($"many/templates/t{i}.html");
            await h.OpenAsync(template, string.Concat(Enumerable.Repeat("{{ MARKER }}\n", i % 3 + 1)), languageId: "django-html");
            templates.Add((template, i % 3 + 1));
        }

        var last = await h.Client.WaitForDiagnosticsAsync(views, rounds + 1, Timeout);
        Assert.That(last["params"]!["diagnostics"]!, Has.Count.EqualTo((rounds - 1) % 4));
        foreach (var (uri, markers) in templates)
        {
            var published = await h.Client.WaitForDiagnosticsAsync(uri, 1, Timeout);
            Assert.That(published["params"]!["diagnostics"]!, Has.Count.EqualTo(markers), uri);
        }
    }
}

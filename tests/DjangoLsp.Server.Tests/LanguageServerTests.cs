using DjangoLsp.Server.Tests.Support;
using DjangoLsp.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

public class LanguageServerTests
{
    private static List<JToken> Diagnostics(JObject publish) => publish["params"]!["diagnostics"]!.ToList();

    private static (int Line, int Character) Start(JToken diagnostic) =>
        ((int)diagnostic["range"]!["start"]!["line"]!, (int)diagnostic["range"]!["start"]!["character"]!);

    [Test]
    public async Task Initialize_advertises_incremental_sync_and_providers()
    {
        using var h = new ServerHarness();
        var result = await h.InitializeAsync();
        var caps = result["capabilities"]!;
        Assert.That((int)caps["textDocumentSync"]!["change"]!, Is.EqualTo(2));
        Assert.That((string?)caps["positionEncoding"], Is.EqualTo("utf-16"));
        Assert.That((bool)caps["hoverProvider"]!, Is.True);
        Assert.That(caps["codeActionProvider"]!["codeActionKinds"]!.Values<string>(), Is.EquivalentTo(new[] { "quickfix", "source.fixAll.djangolsp" }));
        Assert.That(caps["executeCommandProvider"]!["commands"]!.Values<string>(), Does.Contain("djangolsp.scanWorkspace"));
    }

    [Test]
    public async Task DidOpen_publishes_diagnostics_with_version_code_link_related_and_data()
    {
        using var h = new ServerHarness();
        await h.InitializeAsync();
        var uri = ServerHarness.Uri("open.py");
        await h.OpenAsync(uri, "x = 1\ny = MARKER\n", version: 7);
        var publish = await h.Client.WaitForDiagnosticsAsync(uri);
        Assert.That((int?)publish["params"]!["version"], Is.EqualTo(7));
        var diagnostic = Diagnostics(publish).Single();
        Assert.That(Start(diagnostic), Is.EqualTo((1, 4)));
        Assert.That((int)diagnostic["range"]!["end"]!["character"]!, Is.EqualTo(10));
        Assert.That((string?)diagnostic["code"], Is.EqualTo("DJ990"));
        Assert.That((string?)diagnostic["source"], Is.EqualTo("djangolsp"));
        Assert.That((int?)diagnostic["severity"], Is.EqualTo(2));
        Assert.That((string?)diagnostic["codeDescription"]!["href"], Does.EndWith("docs/rules/DJ990.md"));
        Assert.That((string?)diagnostic["relatedInformation"]![0]!["location"]!["uri"], Is.EqualTo(uri));
        Assert.That((string?)diagnostic["relatedInformation"]![0]!["message"], Is.EqualTo("document starts here"));
        Assert.That((string?)diagnostic["data"]!["ruleId"], Is.EqualTo("DJ990"));
    }

    [Test]
    public async Task Clean_document_publishes_an_empty_list()
    {
        using var h = new ServerHarness();
        await h.InitializeAsync();
        var uri = ServerHarness.Uri("clean.py");
        await h.OpenAsync(uri, "print('nothing to see')\n");
        Assert.That(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 1)), Is.Empty);
    }

    [Test]
    public async Task Incremental_changes_move_and_then_clear_diagnostics()
    {
        using var h = new ServerHarness();
        await h.InitializeAsync();
        var uri = ServerHarness.Uri("incremental.py");
        await h.OpenAsync(uri, "a = MARKER\nb = 2\n");
        Assert.That(Start(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 1)).Single()), Is.EqualTo((0, 4)));

        // Insert a line above and some text before the marker: two changes in one notification.
        await h.ChangeAsync(uri, 2, ServerHarness.Edit(0, 0, 0, 0, "# header\n"), ServerHarness.Edit(1, 4, 1, 4, "'x' + "));
        Assert.That(Start(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 2)).Single()), Is.EqualTo((1, 10)));

        // Replace the marker itself.
        await h.ChangeAsync(uri, 3, ServerHarness.Edit(1, 10, 1, 16, "safe"));
        Assert.That(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 3)), Is.Empty);

        // A full-text change (no range) is accepted too.
        await h.Client.NotifyAsync("textDocument/didChange", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri, ["version"] = 4 },
            ["contentChanges"] = new JArray(new JObject { ["text"] = "MARKER MARKER" }),
        });
        Assert.That(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 4)), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Rapid_edits_never_publish_an_older_version_after_a_newer_one()
    {
        var analyzer = new MarkerAnalyzer { Delay = TimeSpan.FromMilliseconds(15) };
        using var h = new ServerHarness(analyzer);
        await h.InitializeAsync(initializationOptions: new JObject { ["debounceMs"] = 5 });
        var uri = ServerHarness.Uri("rapid.py");
        await h.OpenAsync(uri, "MARKER\n");
        const int edits = 40;
        for (var v = 2; v <= edits + 1; v++)
        {
            await h.ChangeAsync(uri, v, ServerHarness.Edit(0, 0, 0, 0, " "));
            if (v % 7 == 0) await Task.Delay(10);   // let some analyses start so cancellation is exercised
        }
        var last = await h.Client.WaitForDiagnosticsAsync(uri, edits + 1);
        await Task.Delay(200);   // anything still in flight would arrive now
        var all = h.Client.Received.Where(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == uri)
            .Select(m => (int)m["params"]!["version"]!).ToList();
        Assert.That(all, Is.Ordered, "versions must never go backwards");
        Assert.That(all.Last(), Is.EqualTo(edits + 1));
        Assert.That(all.Count, Is.LessThan(edits + 1), "debouncing should coalesce rapid edits");
        Assert.That(Start(Diagnostics(last).Single()), Is.EqualTo((0, edits)));
    }

    [Test]
    public async Task Pull_diagnostics_report_full_then_unchanged_then_full_after_an_edit()
    {
        using var h = new ServerHarness();
        await h.InitializeAsync();
        var uri = ServerHarness.Uri("pull.py");
        await h.OpenAsync(uri, "MARKER\n");
        var first = (await h.Client.RequestAsync("textDocument/diagnostic", new JObject { ["textDocument"] = new JObject { ["uri"] = uri } }))["result"]!;
        Assert.That((string?)first["kind"], Is.EqualTo("full"));
        Assert.That(first["items"]!.Count(), Is.EqualTo(1));
        var resultId = (string?)first["resultId"];
        Assert.That(resultId, Is.Not.Null);

        var second = (await h.Client.RequestAsync("textDocument/diagnostic", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri },
            ["previousResultId"] = resultId,
        }))["result"]!;
        Assert.That((string?)second["kind"], Is.EqualTo("unchanged"));
        Assert.That((string?)second["resultId"], Is.EqualTo(resultId));

        await h.ChangeAsync(uri, 2, ServerHarness.Edit(0, 0, 0, 6, "fine"));
        var third = (await h.Client.RequestAsync("textDocument/diagnostic", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri },
            ["previousResultId"] = resultId,
        }))["result"]!;
        Assert.That((string?)third["kind"], Is.EqualTo("full"));
        Assert.That(third["items"]!, Is.Empty);
    }

    [Test]
    public async Task Quickfix_edit_applied_to_the_text_removes_the_finding()
    {
        using var h = new ServerHarness();
        await h.InitializeAsync();
        var uri = ServerHarness.Uri("fix.py");
        var text = "value = MARKER\nother = 1\n";
        await h.OpenAsync(uri, text);
        var diagnostic = Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 1)).Single();
        var response = await h.Client.RequestAsync("textDocument/codeAction", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri },
            ["range"] = ServerHarness.Range(0, 10, 0, 10),
            ["context"] = new JObject { ["diagnostics"] = new JArray(diagnostic), ["only"] = new JArray("quickfix") },
        });
        var actions = response["result"]!.ToList();
        Assert.That(actions.Select(a => (string?)a["title"]), Is.EqualTo(new[] { "Replace MARKER with safe", "Delete MARKER" }));
        Assert.That(actions.Select(a => (string?)a["kind"]), Is.All.EqualTo("quickfix"));
        Assert.That((bool?)actions[0]["isPreferred"], Is.True);
        Assert.That((bool?)actions[1]["isPreferred"], Is.False);
        Assert.That((string?)actions[0]["diagnostics"]![0]!["code"], Is.EqualTo("DJ990"));

        var fixedText = EditApplier.Apply(text, EditApplier.EditsFor(actions[0]["edit"]!, uri));
        Assert.That(fixedText, Is.EqualTo("value = safe\nother = 1\n"));
        await h.Client.NotifyAsync("textDocument/didChange", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JArray(new JObject { ["text"] = fixedText }),
        });
        Assert.That(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 2)), Is.Empty);
    }

    [Test]
    public async Task Code_actions_outside_any_finding_are_empty()
    {
        using var h = new ServerHarness();
        await h.InitializeAsync();
        var uri = ServerHarness.Uri("nofix.py");
        await h.OpenAsync(uri, "value = MARKER\nother = 1\n");
        var response = await h.Client.RequestAsync("textDocument/codeAction", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri },
            ["range"] = ServerHarness.Range(1, 0, 1, 3),
            ["context"] = new JObject { ["diagnostics"] = new JArray(), ["only"] = new JArray("quickfix") },
        });
        Assert.That(response["result"]!, Is.Empty);
    }

    [Test]
    public async Task FixAll_uses_versioned_document_changes_and_clears_every_finding()
    {
        using var h = new ServerHarness();
        await h.InitializeAsync(new JObject { ["workspace"] = new JObject { ["workspaceEdit"] = new JObject { ["documentChanges"] = true } } });
        var uri = ServerHarness.Uri("fixall.py");
        var text = "a = MARKER\nb = MARKER + MARKER\n";
        await h.OpenAsync(uri, text, version: 3);
        Assert.That(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 3)), Has.Count.EqualTo(3));
        var response = await h.Client.RequestAsync("textDocument/codeAction", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri },
            ["range"] = ServerHarness.Range(0, 0, 0, 0),
            ["context"] = new JObject { ["diagnostics"] = new JArray(), ["only"] = new JArray("source.fixAll") },
        });
        var action = response["result"]!.Single();
        Assert.That((string?)action["kind"], Is.EqualTo("source.fixAll.djangolsp"));
        var documentChange = action["edit"]!["documentChanges"]!.Single();
        Assert.That((int?)documentChange["textDocument"]!["version"], Is.EqualTo(3));
        var fixedText = EditApplier.Apply(text, EditApplier.EditsFor(action["edit"]!, uri));
        Assert.That(fixedText, Is.EqualTo("a = safe\nb = safe + safe\n"));
        await h.Client.NotifyAsync("textDocument/didChange", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri, ["version"] = 4 },
            ["contentChanges"] = new JArray(new JObject { ["text"] = fixedText }),
        });
        Assert.That(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 4)), Is.Empty);
    }

    [Test]
    public async Task Hover_shows_finding_markdown_api_hover_or_nothing()
    {
        using var h = new ServerHarness();
        await h.InitializeAsync();
        var uri = ServerHarness.Uri("hover.py");
        await h.OpenAsync(uri, "x = MARKER\n# contract here\nplain\n");
        async Task<JToken> HoverAt(int line, int character) =>
            (await h.Client.RequestAsync("textDocument/hover", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = uri },
                ["position"] = new JObject { ["line"] = line, ["character"] = character },
            }))["result"]!;

        var onFinding = await HoverAt(0, 6);
        Assert.That((string?)onFinding["contents"]!["kind"], Is.EqualTo("markdown"));
        Assert.That((string?)onFinding["contents"]!["value"], Does.Contain("DJ990").And.Contain("Found the marker word."));
        Assert.That((int?)onFinding["range"]!["start"]!["character"], Is.EqualTo(4));

        var onApi = await HoverAt(1, 4);
        Assert.That((string?)onApi["contents"]!["value"], Is.EqualTo("**contract** hover"));

        Assert.That((await HoverAt(2, 2)).Type, Is.EqualTo(JTokenType.Null));
    }

    [Test]
    public async Task Utf8_position_encoding_is_negotiated_and_used_for_ranges_and_edits()
    {
        using var h = new ServerHarness();
        var result = await h.InitializeAsync(new JObject { ["general"] = new JObject { ["positionEncodings"] = new JArray("utf-8", "utf-16") } });
        Assert.That((string?)result["capabilities"]!["positionEncoding"], Is.EqualTo("utf-8"));
        var uri = ServerHarness.Uri("utf8.py");
        await h.OpenAsync(uri, "s = 'é🐍' + MARKER\n");
        // UTF-8 bytes before MARKER: "s = '" 5 + é 2 + 🐍 4 + "' + " 4 = 15
        Assert.That(Start(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 1)).Single()), Is.EqualTo((0, 15)));

        // Insert "日" (3 bytes) right after the emoji, addressed in UTF-8 bytes (5 + 2 + 4 = 11).
        await h.ChangeAsync(uri, 2, ServerHarness.Edit(0, 11, 0, 11, "日"));
        Assert.That(Start(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 2)).Single()), Is.EqualTo((0, 18)));

        var hover = (await h.Client.RequestAsync("textDocument/hover", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri },
            ["position"] = new JObject { ["line"] = 0, ["character"] = 19 },
        }))["result"]!;
        Assert.That((int?)hover["range"]!["start"]!["character"], Is.EqualTo(18));
        Assert.That((int?)hover["range"]!["end"]!["character"], Is.EqualTo(24));
    }

    [Test]
    public async Task Utf16_is_the_default_and_counts_surrogate_pairs_as_two()
    {
        using var h = new ServerHarness();
        await h.InitializeAsync();
        var uri = ServerHarness.Uri("utf16.py");
        await h.OpenAsync(uri, "s = 'é🐍' + MARKER\n");
        // UTF-16 units: "s = '" 5 + é 1 + 🐍 2 + "' + " 4 = 12
        Assert.That(Start(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 1)).Single()), Is.EqualTo((0, 12)));
        await h.ChangeAsync(uri, 2, ServerHarness.Edit(0, 6, 0, 8, ""));   // delete the emoji (two units)
        Assert.That(Start(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 2)).Single()), Is.EqualTo((0, 10)));
    }

    [Test]
    public async Task DidChangeConfiguration_ignore_removes_diagnostics_and_select_brings_them_back()
    {
        using var h = new ServerHarness();
        await h.InitializeAsync();
        var uri = ServerHarness.Uri("config.py");
        await h.OpenAsync(uri, "MARKER\n");
        Assert.That(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 1)), Has.Count.EqualTo(1));
        await h.Client.NotifyAsync("workspace/didChangeConfiguration", new JObject
        {
            ["settings"] = new JObject { ["djangolsp"] = new JObject { ["ignore"] = new JArray("DJ99") } },
        });
        Assert.That(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 1)), Is.Empty);
        await h.Client.NotifyAsync("workspace/didChangeConfiguration", new JObject
        {
            ["settings"] = new JObject { ["djangolsp"] = new JObject { ["select"] = new JArray("DJ990"), ["severityOverrides"] = new JObject { ["DJ990"] = "error" } } },
        });
        var back = Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 1)).Single();
        Assert.That((int?)back["severity"], Is.EqualTo(1));
    }

    [Test]
    public async Task Settings_are_pulled_with_workspace_configuration_when_supported()
    {
        using var h = new ServerHarness();
        h.Client.ServerRequestHandlers["workspace/configuration"] = _ => new JArray(new JObject { ["minSeverity"] = "error" });
        await h.InitializeAsync(new JObject { ["workspace"] = new JObject { ["configuration"] = true } });
        await h.Client.WaitForAsync(m => (string?)m["method"] == "workspace/configuration", "configuration request");
        var uri = ServerHarness.Uri("pulled.py");
        await h.OpenAsync(uri, "MARKER\n");   // a warning, below the pulled minimum severity
        Assert.That(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 1)), Is.Empty);
    }

    [Test]
    public async Task DidClose_clears_diagnostics()
    {
        using var h = new ServerHarness();
        await h.InitializeAsync();
        var uri = ServerHarness.Uri("close.py");
        await h.OpenAsync(uri, "MARKER\n");
        await h.Client.WaitForDiagnosticsAsync(uri, 1);
        await h.Client.NotifyAsync("textDocument/didClose", new JObject { ["textDocument"] = new JObject { ["uri"] = uri } });
        var cleared = await h.Client.WaitForDiagnosticsAsync(uri);
        Assert.That(Diagnostics(cleared), Is.Empty);
        Assert.That(cleared["params"]!["version"], Is.Null);
    }

    [Test]
    public async Task Watched_files_registration_is_requested_when_the_client_supports_it()
    {
        using var h = new ServerHarness();
        await h.InitializeAsync(new JObject
        {
            ["workspace"] = new JObject { ["didChangeWatchedFiles"] = new JObject { ["dynamicRegistration"] = true } },
        });
        var request = await h.Client.WaitForAsync(m => (string?)m["method"] == "client/registerCapability", "registerCapability");
        Assert.That((string?)request["params"]!["registrations"]![0]!["method"], Is.EqualTo("workspace/didChangeWatchedFiles"));
    }

    [Test]
    public async Task ScanWorkspace_reports_progress_and_publishes_closed_files_only_from_scanned_folders()
    {
        var root = Directory.CreateTempSubdirectory("djangolsp-scan").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "views.py"), "x = MARKER\n");
            File.WriteAllText(Path.Combine(root, "clean.py"), "x = 1\n");
            Directory.CreateDirectory(Path.Combine(root, "node_modules"));
            File.WriteAllText(Path.Combine(root, "node_modules", "vendored.py"), "MARKER\n");
            Directory.CreateDirectory(Path.Combine(root, "app", "migrations"));
            File.WriteAllText(Path.Combine(root, "app", "migrations", "0001_initial.py"), "MARKER\n");

            using var h = new ServerHarness();
            await h.InitializeAsync(new JObject { ["window"] = new JObject { ["workDoneProgress"] = true } }, rootPath: root);
            var response = await h.Client.RequestAsync("workspace/executeCommand", new JObject { ["command"] = "djangolsp.scanWorkspace", ["arguments"] = new JArray() });
            Assert.That(response["error"], Is.Null, response.ToString());
            Assert.That((int?)response["result"]!["files"], Is.EqualTo(2));
            Assert.That((int?)response["result"]!["findings"], Is.EqualTo(1));

            var create = await h.Client.WaitForAsync(m => (string?)m["method"] == "window/workDoneProgress/create", "progress create");
            var token = create["params"]!["token"]!;
            var progress = h.Client.Received.Where(m => (string?)m["method"] == "$/progress" && JToken.DeepEquals(m["params"]!["token"], token))
                .Select(m => (string?)m["params"]!["value"]!["kind"]).ToList();
            Assert.That(progress.First(), Is.EqualTo("begin"));
            Assert.That(progress, Does.Contain("report"));
            Assert.That(progress.Last(), Is.EqualTo("end"));

            var viewsUri = new Uri(Path.Combine(root, "views.py")).AbsoluteUri;
            var publish = await h.Client.WaitForDiagnosticsAsync(viewsUri);
            Assert.That(Diagnostics(publish), Has.Count.EqualTo(1));
            Assert.That(publish["params"]!["version"], Is.Null);
            var published = h.Client.Received.Where(m => (string?)m["method"] == "textDocument/publishDiagnostics").Select(m => (string)m["params"]!["uri"]!).ToList();
            Assert.That(published, Has.None.Contains("node_modules").And.None.Contains("migrations"));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Test]
    public async Task Pulling_client_gets_no_pushes_for_open_files_and_scan_results_are_cleared_on_open()
    {
        var root = Directory.CreateTempSubdirectory("djangolsp-pull").FullName;
        try
        {
            var path = Path.Combine(root, "a.py");
            File.WriteAllText(path, "MARKER\n");
            var uri = new Uri(path).AbsoluteUri;
            using var h = new ServerHarness();
            await h.InitializeAsync(new JObject { ["textDocument"] = new JObject { ["diagnostic"] = new JObject { ["dynamicRegistration"] = false } } }, rootPath: root);
            await h.Client.RequestAsync("workspace/executeCommand", new JObject { ["command"] = "djangolsp.scanWorkspace" });
            Assert.That(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri)), Has.Count.EqualTo(1), "closed files are pushed by the scan");

            await h.OpenAsync(uri, "MARKER\n");
            Assert.That(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri)), Is.Empty, "the pushed scan result is cleared on open");
            var pulled = await h.Client.RequestAsync("textDocument/diagnostic", new JObject { ["textDocument"] = new JObject { ["uri"] = uri } });
            Assert.That(pulled["result"]!["items"]!.Count(), Is.EqualTo(1));
            await Task.Delay(300);
            Assert.That(h.Client.TakeAllDiagnostics(uri), Is.Empty, "no push for an open file of a pulling client");
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Test]
    public async Task ScanWorkspace_can_be_cancelled_with_cancelRequest_or_the_progress_cancel_button()
    {
        var root = Directory.CreateTempSubdirectory("djangolsp-cancel").FullName;
        try
        {
            for (var i = 0; i < 40; i++) File.WriteAllText(Path.Combine(root, $"m{i}.py"), "MARKER\n");
            using var h = new ServerHarness(new MarkerAnalyzer { Delay = TimeSpan.FromMilliseconds(100) });
            await h.InitializeAsync(rootPath: root);

            var pending = h.Client.RequestAsync("workspace/executeCommand", new JObject { ["command"] = "djangolsp.scanWorkspace", ["workDoneToken"] = "c1" }, out var id);
            await h.Client.WaitForNotificationAsync("$/progress", m => (string?)m["params"]!["value"]!["kind"] == "begin");
            await h.Client.NotifyAsync("$/cancelRequest", new JObject { ["id"] = id });
            Assert.That((int?)(await pending)["error"]?["code"], Is.EqualTo(-32800));
            await h.Client.WaitForNotificationAsync("$/progress", m => (string?)m["params"]!["value"]!["kind"] == "end");

            var second = h.Client.RequestAsync("workspace/executeCommand", new JObject { ["command"] = "djangolsp.scanWorkspace", ["workDoneToken"] = "c2" });
            await h.Client.WaitForNotificationAsync("$/progress", m => (string?)m["params"]!["token"] == "c2" && (string?)m["params"]!["value"]!["kind"] == "begin");
            await h.Client.NotifyAsync("window/workDoneProgress/cancel", new JObject { ["token"] = "c2" });
            var result = (await second)["result"]!;
            Assert.That((bool?)result["cancelled"], Is.True);
            Assert.That((int?)result["files"], Is.LessThan(40));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Test]
    public async Task Watched_file_changes_rescan_reported_closed_files_and_clear_deleted_ones()
    {
        var root = Directory.CreateTempSubdirectory("djangolsp-watch").FullName;
        try
        {
            var changed = Path.Combine(root, "changed.py");
            var deleted = Path.Combine(root, "deleted.py");
            File.WriteAllText(changed, "MARKER\n");
            File.WriteAllText(deleted, "MARKER\n");
            using var h = new ServerHarness();
            await h.InitializeAsync(rootPath: root);
            await h.Client.RequestAsync("workspace/executeCommand", new JObject { ["command"] = "djangolsp.scanWorkspace" });
            var changedUri = new Uri(changed).AbsoluteUri;
            var deletedUri = new Uri(deleted).AbsoluteUri;
            Assert.That(Diagnostics(await h.Client.WaitForDiagnosticsAsync(changedUri)), Has.Count.EqualTo(1));
            Assert.That(Diagnostics(await h.Client.WaitForDiagnosticsAsync(deletedUri)), Has.Count.EqualTo(1));

            File.WriteAllText(changed, "MARKER MARKER\n");
            File.Delete(deleted);
            await h.Client.NotifyAsync("workspace/didChangeWatchedFiles", new JObject
            {
                ["changes"] = new JArray(new JObject { ["uri"] = changedUri, ["type"] = 2 }, new JObject { ["uri"] = deletedUri, ["type"] = 3 }),
            });
            Assert.That(Diagnostics(await h.Client.WaitForDiagnosticsAsync(changedUri)), Has.Count.EqualTo(2));
            Assert.That(Diagnostics(await h.Client.WaitForDiagnosticsAsync(deletedUri)), Is.Empty);
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Test]
    public async Task ScanWorkspace_uses_the_request_work_done_token()
    {
        var root = Directory.CreateTempSubdirectory("djangolsp-scan-token").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "a.py"), "MARKER\n");
            using var h = new ServerHarness();
            await h.InitializeAsync(rootPath: root);
            await h.Client.RequestAsync("workspace/executeCommand", new JObject { ["command"] = "djangolsp.scanWorkspace", ["workDoneToken"] = "tok-1" });
            var kinds = h.Client.Received.Where(m => (string?)m["method"] == "$/progress" && (string?)m["params"]!["token"] == "tok-1")
                .Select(m => (string?)m["params"]!["value"]!["kind"]).ToList();
            Assert.That(kinds, Is.EqualTo(new[] { "begin", "report", "end" }));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    [Test]
    public async Task ListRules_and_ExplainRule_serve_the_catalog()
    {
        using var h = new ServerHarness();
        await h.InitializeAsync();
        var list = await h.Client.RequestAsync("workspace/executeCommand", new JObject { ["command"] = "djangolsp.listRules" });
        var rule = list["result"]!.Single();
        Assert.That((string?)rule["id"], Is.EqualTo("DJ990"));
        Assert.That((string?)rule["severity"], Is.EqualTo("warning"));
        Assert.That((string?)rule["documentation"], Does.Contain("marker"));
        var explain = await h.Client.RequestAsync("workspace/executeCommand", new JObject { ["command"] = "djangolsp.explainRule", ["arguments"] = new JArray("dj990") });
        Assert.That((string?)explain["result"]!["markdown"], Does.StartWith("# DJ990: test-marker"));
        var unknown = await h.Client.RequestAsync("workspace/executeCommand", new JObject { ["command"] = "djangolsp.explainRule", ["arguments"] = new JArray("DJ000") });
        Assert.That((int?)unknown["error"]!["code"], Is.EqualTo(-32602));
    }

    [Test]
    public async Task Unknown_command_is_invalid_params()
    {
        using var h = new ServerHarness();
        await h.InitializeAsync();
        var response = await h.Client.RequestAsync("workspace/executeCommand", new JObject { ["command"] = "nope" });
        Assert.That((int?)response["error"]!["code"], Is.EqualTo(-32602));
    }

    [Test]
    public async Task A_throwing_analyzer_is_skipped_and_the_others_still_report()
    {
        using var h = new ServerHarness(new MarkerAnalyzer(), new ThrowingAnalyzer());
        await h.InitializeAsync();
        var uri = ServerHarness.Uri("throws.py");
        await h.OpenAsync(uri, "MARKER\n");
        Assert.That(Diagnostics(await h.Client.WaitForDiagnosticsAsync(uri, 1)), Has.Count.EqualTo(1));
        Assert.That(h.Log, Has.Some.Contains("ThrowingAnalyzer"));
    }
}

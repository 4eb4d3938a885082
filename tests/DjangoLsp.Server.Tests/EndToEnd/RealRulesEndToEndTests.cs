using System.Diagnostics;
using DjangoLsp.Server.Tests.Support;
using DjangoLsp.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests.EndToEnd;

/// <summary>
/// The real <c>djangolsp</c> process with the built-in rules, driven over stdio the way an editor drives it, on
/// a copy of examples/vulnerable-shop: find → hover → quick fix → incremental didChange → finding gone.
/// </summary>
[NonParallelizable]
public class RealRulesEndToEndTests
{
    private string _workspace = "";

    [OneTimeSetUp]
    public void CopyExampleProject()
    {
        var source = Path.Combine(RepositoryRoot(), "examples", "vulnerable-shop");
        _workspace = Path.Combine(Path.GetTempPath(), "djangolsp-e2e-" + Guid.NewGuid().ToString("N")[..8], "vulnerable-shop");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_workspace, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [OneTimeTearDown]
    public void DeleteCopy() => Directory.Delete(Path.GetDirectoryName(_workspace)!, recursive: true);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DjangoLsp.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("DjangoLsp.sln not found above the test directory");
    }

    private sealed class Session : IDisposable
    {
        public required Process Process { get; init; }
        public required LspTestClient Client { get; init; }
        public void Dispose()
        {
            Client.Dispose();
            if (!Process.HasExited) Process.Kill(true);
            Process.Dispose();
        }
    }

    private async Task<Session> StartAsync()
    {
        var process = Djangolsp.Start("--stdio", _workspace);
        var client = new LspTestClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        _ = process.StandardError.ReadToEndAsync();
        var rootUri = new Uri(_workspace).AbsoluteUri;
        var init = await client.RequestAsync("initialize", new JObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = rootUri,
            ["workspaceFolders"] = new JArray(new JObject { ["uri"] = rootUri, ["name"] = "vulnerable-shop" }),
            ["capabilities"] = new JObject(),
        });
        Assert.That(init["error"], Is.Null, init.ToString());
        await client.NotifyAsync("initialized", new JObject());
        return new Session { Process = process, Client = client };
    }

    private static async Task<int> ShutdownAsync(Session session)
    {
        var shutdown = await session.Client.RequestAsync("shutdown");
        Assert.That(shutdown["error"], Is.Null);
        await session.Client.NotifyAsync("exit");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await session.Process.WaitForExitAsync(cts.Token);
        return session.Process.ExitCode;
    }

    private static List<JToken> WithRule(JObject publish, string rule) =>
        publish["params"]!["diagnostics"]!.Where(d => (string?)d["code"] == rule).ToList();

    private static async Task<JObject> OpenAsync(LspTestClient client, string uri, string languageId, string text)
    {
        await client.NotifyAsync("textDocument/didOpen", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri, ["languageId"] = languageId, ["version"] = 1, ["text"] = text },
        });
        return await client.WaitForDiagnosticsAsync(uri, 1, TimeSpan.FromSeconds(60));
    }

    /// <summary>Opens the file, checks the rule at the line, hovers, applies the first quick fix as an incremental edit, checks it is gone.</summary>
    private async Task FindHoverFixAsync(string relativePath, string languageId, string[] rules, string expectedLineText)
    {
        var path = Path.Combine(_workspace, relativePath);
        var text = File.ReadAllText(path);
        var expectedLine = text.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains(expectedLineText)).i;
        var uri = new Uri(path).AbsoluteUri;
        using var session = await StartAsync();
        var client = session.Client;

        var opened = await OpenAsync(client, uri, languageId, text);
        var found = opened["params"]!["diagnostics"]!.Where(d => rules.Contains((string?)d["code"])).ToList();
        var target = found.FirstOrDefault(d => (int)d["range"]!["start"]!["line"]! == expectedLine);
        Assert.That(target, Is.Not.Null,
            $"no {string.Join("/", rules)} at line {expectedLine} of {relativePath}; got: " +
            string.Join(", ", opened["params"]!["diagnostics"]!.Select(d => $"{d["code"]}@{d["range"]!["start"]!["line"]}")));
        var rule = (string)target!["code"]!;

        var hover = await client.RequestAsync("textDocument/hover", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri },
            ["position"] = target["range"]!["start"]!,
        });
        var contents = hover["result"]?["contents"];
        Assert.That((string?)contents?["kind"], Is.EqualTo("markdown"), hover.ToString());
        Assert.That((string?)contents?["value"], Does.Contain("owasp.org"));
        Assert.That((string?)contents?["value"], Does.Contain(rule));

        var actions = await client.RequestAsync("textDocument/codeAction", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri },
            ["range"] = target["range"]!,
            ["context"] = new JObject { ["diagnostics"] = new JArray(target), ["only"] = new JArray("quickfix") },
        });
        var fix = actions["result"]!.FirstOrDefault(a => (string?)a["kind"] == "quickfix" && a["edit"] != null);
        Assert.That(fix, Is.Not.Null, "no quickfix with an edit: " + actions);
        var edits = EditApplier.EditsFor(fix!["edit"]!, uri).ToList();
        Assert.That(edits, Is.Not.Empty);

        // Incremental sync: one content change per edit, last position first so earlier positions stay valid.
        var changes = new JArray(edits.OrderByDescending(e => EditApplier.Offset(text, e["range"]!["start"]!))
            .Select(e => new JObject { ["range"] = e["range"]!.DeepClone(), ["text"] = e["newText"]!.DeepClone() }));
        var fixedText = EditApplier.Apply(text, edits);
        Assert.That(fixedText, Is.Not.EqualTo(text));
        await client.NotifyAsync("textDocument/didChange", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = changes,
        });
        var after = await client.WaitForDiagnosticsAsync(uri, 2, TimeSpan.FromSeconds(60));
        var remaining = WithRule(after, rule);
        Assert.That(remaining.Select(d => (int)d["range"]!["start"]!["line"]!), Does.Not.Contain(expectedLine),
            $"'{fix["title"]}' did not remove {rule} at line {expectedLine}:\n{fixedText.Split('\n')[expectedLine]}");
        Assert.That(remaining, Has.Count.LessThan(WithRule(opened, rule).Count));
        TestContext.Out.WriteLine($"{relativePath}: {rule} at line {expectedLine + 1}, fix '{fix["title"]}' → '{fixedText.Split('\n')[expectedLine].Trim()}'");

        Assert.That(await ShutdownAsync(session), Is.EqualTo(0));
    }

    [Test]
    public Task Sql_injection_in_a_view_is_found_explained_and_fixed() =>
        FindHoverFixAsync(Path.Combine("catalog", "views.py"), "python", new[] { "DJ101" }, "cursor.execute(");

    [Test]
    public Task Variable_in_script_in_a_template_is_found_explained_and_fixed_with_an_html_language_id() =>
        // Neovim sends "htmldjango" and VS Code "html" for templates: the server decides the kind by path.
        FindHoverFixAsync(Path.Combine("catalog", "templates", "catalog", "product_detail.html"), "html",
            new[] { "DJ220", "DJ221" }, "var productName = \"{{ product.name }}\";");

    [Test]
    public async Task Safe_file_gets_no_injection_finding()
    {
        var path = Path.Combine(_workspace, "catalog", "safe_e2e.py");
        File.WriteAllText(path, "from django.db import connection\n\ndef view(request):\n    with connection.cursor() as cursor:\n        cursor.execute(\"SELECT 1 FROM t WHERE id = %s\", [request.GET.get('id')])\n");
        using var session = await StartAsync();
        var opened = await OpenAsync(session.Client, new Uri(path).AbsoluteUri, "python", File.ReadAllText(path));
        Assert.That(WithRule(opened, "DJ101"), Is.Empty);
        Assert.That(await ShutdownAsync(session), Is.EqualTo(0));
    }

    [Test]
    public async Task Time_to_first_diagnostics_on_the_largest_example_file_is_printed()
    {
        var largest = Directory.EnumerateFiles(_workspace, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".py", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal))
            .OrderByDescending(f => new FileInfo(f).Length).First();
        var text = File.ReadAllText(largest);
        var uri = new Uri(largest).AbsoluteUri;
        using var session = await StartAsync();
        var clock = Stopwatch.StartNew();
        var opened = await OpenAsync(session.Client, uri, largest.EndsWith(".py", StringComparison.Ordinal) ? "python" : "html", text);
        var openMs = clock.Elapsed.TotalMilliseconds;
        Assert.That(opened["params"]!["diagnostics"], Is.Not.Empty, "the largest example file should have findings");

        clock.Restart();
        await session.Client.NotifyAsync("textDocument/didChange", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JArray(ServerHarness.Edit(0, 0, 0, 0, "# edited\n")),
        });
        await session.Client.WaitForDiagnosticsAsync(uri, 2, TimeSpan.FromSeconds(60));
        var editMs = clock.Elapsed.TotalMilliseconds;
        TestContext.Out.WriteLine($"real process, real rules, {Path.GetRelativePath(_workspace, largest)} ({text.Length} chars, " +
                                  $"{opened["params"]!["diagnostics"]!.Count()} findings): didOpen→publish {openMs:F0} ms (cold), " +
                                  $"didChange→publish {editMs:F0} ms (debounce included)");
        Assert.That(await ShutdownAsync(session), Is.EqualTo(0));
    }
}

using System.Diagnostics;
using DjangoLsp.Server.Tests.Support;
using DjangoLsp.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

/// <summary>The real executable over stdio, as an editor runs it.</summary>
public class ProcessEndToEndTests
{
    private static async Task<int> WaitForExitAsync(Process process)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(true);
            Assert.Fail("the server did not exit");
        }
        return process.ExitCode;
    }

    private static async Task InitializeAsync(LspTestClient client)
    {
        var init = await client.RequestAsync("initialize", new JObject { ["processId"] = Environment.ProcessId, ["capabilities"] = new JObject() });
        Assert.That((int?)init["result"]!["capabilities"]!["textDocumentSync"]!["change"], Is.EqualTo(2));
        await client.NotifyAsync("initialized", new JObject());
    }

    [Test]
    public async Task Editor_session_open_hover_edit_shutdown_exit_ends_with_zero()
    {
        using var process = Djangolsp.Start();
        using var client = new LspTestClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        _ = process.StandardError.ReadToEndAsync();
        await InitializeAsync(client);

        var uri = ServerHarness.Uri("e2e_views.py");
        var clock = Stopwatch.StartNew();
        await client.NotifyAsync("textDocument/didOpen", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri, ["languageId"] = "python", ["version"] = 1, ["text"] = "from django.http import HttpResponse\n\ndef view(request):\n    return HttpResponse('hi')\n" },
        });
        var first = await client.WaitForDiagnosticsAsync(uri, 1);
        var openMs = clock.Elapsed.TotalMilliseconds;
        Assert.That(first["params"]!["diagnostics"], Is.InstanceOf<JArray>());

        var hover = await client.RequestAsync("textDocument/hover", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri },
            ["position"] = new JObject { ["line"] = 3, ["character"] = 12 },
        });
        Assert.That(hover["error"], Is.Null);
        Assert.That(hover.ContainsKey("result"), Is.True);

        clock.Restart();
        await client.NotifyAsync("textDocument/didChange", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JArray(ServerHarness.Edit(3, 25, 3, 25, " there")),
        });
        await client.WaitForDiagnosticsAsync(uri, 2);
        var editMs = clock.Elapsed.TotalMilliseconds;
        // Warm numbers: more documents in the same (now JIT-compiled) process.
        var warmOpen = new List<double>();
        var warmEdit = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var warmUri = ServerHarness.Uri($"e2e_warm_{i}.py");
            clock.Restart();
            await client.NotifyAsync("textDocument/didOpen", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = warmUri, ["languageId"] = "python", ["version"] = 1, ["text"] = "x = 1\n" },
            });
            await client.WaitForDiagnosticsAsync(warmUri, 1);
            warmOpen.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await client.NotifyAsync("textDocument/didChange", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = warmUri, ["version"] = 2 },
                ["contentChanges"] = new JArray(ServerHarness.Edit(0, 4, 0, 5, "2")),
            });
            await client.WaitForDiagnosticsAsync(warmUri, 2);
            warmEdit.Add(clock.Elapsed.TotalMilliseconds);
        }
        warmOpen.Sort();
        warmEdit.Sort();
        TestContext.Out.WriteLine($"real process (built-in engine), first document (cold): didOpen→publish {openMs:F1} ms, didChange→publish {editMs:F1} ms; " +
                                  $"warm median of 10: didOpen→publish {warmOpen[5]:F1} ms, didChange→publish {warmEdit[5]:F1} ms (debounce 150 ms included)");

        var shutdown = await client.RequestAsync("shutdown");
        Assert.That(shutdown["error"], Is.Null);
        await client.NotifyAsync("exit");
        Assert.That(await WaitForExitAsync(process), Is.EqualTo(0));
    }

    [Test]
    public async Task Exit_without_shutdown_ends_with_one()
    {
        using var process = Djangolsp.Start("--stdio");
        using var client = new LspTestClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        _ = process.StandardError.ReadToEndAsync();
        await InitializeAsync(client);
        await client.NotifyAsync("exit");
        Assert.That(await WaitForExitAsync(process), Is.EqualTo(1));
    }

    [Test]
    public async Task Garbage_on_stdin_does_not_crash_the_server()
    {
        using var process = Djangolsp.Start();
        using var client = new LspTestClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        var stderr = process.StandardError.ReadToEndAsync();
        await client.SendRawAsync(new byte[] { 0xff, 0xfe, 0x00, 0x13, 0x37, (byte)'\r', (byte)'\n', (byte)'\r', (byte)'\n' });
        await client.SendRawAsync(LspTestClient.Frame("{not json at all"));
        await client.SendRawAsync(LspTestClient.Frame("\"just a string\""));
        await InitializeAsync(client);
        var shutdown = await client.RequestAsync("shutdown");
        Assert.That(shutdown["error"], Is.Null);
        await client.NotifyAsync("exit");
        Assert.That(await WaitForExitAsync(process), Is.EqualTo(0));
        var errors = client.Received.Where(m => m["error"] != null).Select(m => (int)m["error"]!["code"]!).ToList();
        Assert.That(errors, Does.Contain(-32700));
        Assert.That(await stderr, Does.Contain("Malformed JSON"));
    }
}

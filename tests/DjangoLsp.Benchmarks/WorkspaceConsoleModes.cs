using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Benchmarks;

/// <summary>
/// Workspace-level numbers through the real <c>djangolsp</c> process over stdio (what an editor sees), with CPU time and
/// peak RSS of the server because the machine may be shared. Modes:
/// <list type="bullet">
/// <item><c>workspace-scan DIR</c>: whole-workspace scan (<c>djangolsp.scanWorkspace</c>) with a fresh disk cache (cold),
/// again in a new process with the same cache (warm reopen), and without the cache.</item>
/// <item><c>save-latency [apps] [iterations]</c>: a generated project; time from saving an edited view to the updated
/// diagnostics of the template it renders, and how many unrelated open templates were re-published (should be 0).</item>
/// </list>
/// <c>DJANGOLSP_SERVER_DLL=/path/djangolsp.dll</c> runs another build of the server (default: the one next to this program).
/// </summary>
internal static class WorkspaceConsoleModes
{
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0) return false;
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        switch (args[0])
        {
            case "workspace-scan":
                WorkspaceScan(args.Length > 1 ? Path.GetFullPath(args[1]) : "/usr/lib/python3/dist-packages/django").GetAwaiter().GetResult();
                return true;
            case "save-latency":
                SaveLatency(Arg(1, 200), Arg(2, 20)).GetAwaiter().GetResult();
                return true;
            default:
                return false;
        }
    }

    // DJANGOLSP_SERVER_DLL measures another build of the server (e.g. a ReadyToRun publish) with the same client.
    private static string ServerDll =>
        Environment.GetEnvironmentVariable("DJANGOLSP_SERVER_DLL") is { Length: > 0 } dll ? dll : Path.Combine(AppContext.BaseDirectory, "djangolsp.dll");

    private static async Task WorkspaceScan(string root)
    {
        var cache = Directory.CreateTempSubdirectory("djangolsp-bench-cache").FullName;
        try
        {
            Console.WriteLine($"workspace: {root}");
            await ScanOnce(root, "no cache ", new JObject { ["cache"] = false });
            await ScanOnce(root, "cold     ", new JObject { ["cacheDirectory"] = cache });
            await ScanOnce(root, "warm     ", new JObject { ["cacheDirectory"] = cache });
            var bytes = new DirectoryInfo(cache).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
            Console.WriteLine($"cache size: {bytes / 1e6:F1} MB");
        }
        finally
        {
            Directory.Delete(cache, true);
        }
    }

    private static async Task ScanOnce(string root, string label, JObject options)
    {
        options["debounceMs"] = 50;
        var started = Stopwatch.StartNew();
        using var client = new StdioLspClient(ServerDll);
        await Initialize(client, root, options);
        var ready = started.Elapsed;
        var scanWatch = Stopwatch.StartNew();
        var response = await client.RequestAsync("workspace/executeCommand", new JObject { ["command"] = "djangolsp.scanWorkspace", ["arguments"] = new JArray() });
        var scan = scanWatch.Elapsed;
        var (rss, cpu) = client.Usage();
        var result = response["result"];
        Console.WriteLine($"{label}: scan {scan.TotalSeconds,6:F2} s wall ({(ready + scan).TotalSeconds:F2} s from process start), server CPU {cpu,6:F2} s, " +
                          $"peak RSS {rss,6:F0} MB; {result?["files"]} files, {result?["findings"]} findings");
    }

    private static async Task Initialize(StdioLspClient client, string root, JObject options)
    {
        var init = await client.RequestAsync("initialize", new JObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = new Uri(root).AbsoluteUri,
            ["capabilities"] = new JObject(),
            ["initializationOptions"] = options,
        });
        if (init["error"] != null) throw new InvalidOperationException(init.ToString());
        await client.NotifyAsync("initialized", new JObject());
    }

    private static async Task SaveLatency(int apps, int iterations)
    {
        var root = Directory.CreateTempSubdirectory("djangolsp-bench-project").FullName;
        try
        {
            GenerateProject(root, apps);
            using var client = new StdioLspClient(ServerDll);
            await Initialize(client, root, new JObject { ["cache"] = false, ["debounceMs"] = 150 });
            var viewPath = Path.Combine(root, "app0", "views.py");
            var viewUri = new Uri(viewPath).AbsoluteUri;
            var templateUri = new Uri(Path.Combine(root, "app0", "templates", "app0", "page.html")).AbsoluteUri;
            var unrelated = Enumerable.Range(1, Math.Min(20, apps - 1))
                .Select(i => new Uri(Path.Combine(root, $"app{i}", "templates", $"app{i}", "page.html")).AbsoluteUri).ToHashSet();
            var firstTemplate = client.Expect(m => IsPublish(m, templateUri) && HasDj229(m));
            var unrelatedReady = unrelated.Select(u => client.Expect(m => IsPublish(m, u))).ToList();
            await Open(client, viewUri, "python", View(0, tainted: true));
            await Open(client, templateUri, "django-html", Template);
            foreach (var uri in unrelated) await Open(client, uri, "django-html", Template);
            await firstTemplate;
            await Task.WhenAll(unrelatedReady);
            var unrelatedPublishes = 0;
            client.Notification += m => { if (m["params"]?["uri"] is JValue u && unrelated.Contains((string)u!)) Interlocked.Increment(ref unrelatedPublishes); };

            var cpuBefore = client.Usage().CpuSeconds;
            var times = new List<double>();
            for (var i = 1; i <= iterations; i++)
            {
                var tainted = i % 2 == 0;
                var updated = client.Expect(m => IsPublish(m, templateUri) && HasDj229(m) == tainted);
                var text = View(0, tainted);
                File.WriteAllText(viewPath, text);
                var watch = Stopwatch.StartNew();
                await client.NotifyAsync("textDocument/didChange", new JObject
                {
                    ["textDocument"] = new JObject { ["uri"] = viewUri, ["version"] = i + 1 },
                    ["contentChanges"] = new JArray(new JObject { ["text"] = text }),
                });
                await client.NotifyAsync("textDocument/didSave", new JObject { ["textDocument"] = new JObject { ["uri"] = viewUri } });
                await updated.WaitAsync(TimeSpan.FromSeconds(60));
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            var (rss, cpu) = client.Usage();
            times.Sort();
            Console.WriteLine($"project: {apps} apps (views + templates), {iterations} saves of app0/views.py, debounce 150 ms, 1 + {unrelated.Count} templates open");
            Console.WriteLine($"save → dependent template diagnostics: median {times[times.Count / 2]:F0} ms, p90 {times[(int)(times.Count * 0.9)]:F0} ms, " +
                              $"max {times[^1]:F0} ms (includes the 150 ms debounce)");
            Console.WriteLine($"unrelated open templates re-published: {unrelatedPublishes}");
            Console.WriteLine($"server CPU during the saves: {cpu - cpuBefore:F2} s; peak RSS {rss:F0} MB");
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }

    private static Task Open(StdioLspClient client, string uri, string languageId, string text) =>
        client.NotifyAsync("textDocument/didOpen", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri, ["languageId"] = languageId, ["version"] = 1, ["text"] = text },
        });

    private static bool IsPublish(JObject m, string uri) =>
        (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]?["uri"] == uri;

    private static bool HasDj229(JObject m) => ((JArray?)m["params"]?["diagnostics"])?.Any(d => (string?)d["code"] == "DJ229") == true;

    private const string Template = "<p>{{ q|safe }}</p>\n<p>{{ other }}</p>\n";

    private static string View(int i, bool tainted) =>
        "from django.shortcuts import render\n\n" +
        $"def page{i}(request, name):\n    return render(request, \"app{i}/page.html\", {{\"q\": {(tainted ? "request.GET.get(\"q\", \"\")" : "\"fixed\"")}}})\n";

    private static void GenerateProject(string root, int apps)
    {
        void Write(string relative, string text)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        Write("manage.py", "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"proj.settings\")\n");
        Write("proj/__init__.py", "");
        Write("proj/settings.py", "INSTALLED_APPS = [" + string.Join(", ", Enumerable.Range(0, apps).Select(i => $"\"app{i}\"")) + "]\nROOT_URLCONF = \"proj.urls\"\n" +
                                  "TEMPLATES = [{\"BACKEND\": \"django.template.backends.django.DjangoTemplates\", \"DIRS\": [], \"APP_DIRS\": True}]\n");
        Write("proj/urls.py", "from django.urls import path\n" + string.Concat(Enumerable.Range(0, apps).Select(i => $"from app{i} import views as v{i}\n")) +
                              "urlpatterns = [\n" + string.Concat(Enumerable.Range(0, apps).Select(i => $"    path(\"a{i}/<str:name>/\", v{i}.page{i}),\n")) + "]\n");
        for (var i = 0; i < apps; i++)
        {
            Write($"app{i}/__init__.py", "");
            Write($"app{i}/views.py", View(i, tainted: true));
            Write($"app{i}/templates/app{i}/page.html", Template);
        }
    }
}

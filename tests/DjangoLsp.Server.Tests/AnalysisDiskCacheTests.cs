using DjangoLsp.Analysis;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Server.Caching;
using DjangoLsp.Server.Scanning;
using DjangoLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

/// <summary>
/// The on-disk cache keyed by file hash (issue 8): a warm run gives exactly the cold run's findings without analysing,
/// a changed file (or a file its analysis read, or the configuration) invalidates, corrupted entries are ignored.
/// </summary>
public class AnalysisDiskCacheTests
{
    private string _root = null!;
    private string _cacheDir = null!;

    private const string ShopView =
        "from django.shortcuts import render\n\ndef page(request, name):\n    return render(request, \"shop/page.html\", {\"q\": request.GET.get(\"q\", \"\")})\n";

    [SetUp]
    public void CreateProject()
    {
        _root = Directory.CreateTempSubdirectory("djangolsp-cache-project").FullName;
        _cacheDir = Directory.CreateTempSubdirectory("djangolsp-cache-dir").FullName;
        Write("manage.py", "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"proj.settings\")\n");
        Write("proj/__init__.py", "");
        Write("proj/settings.py", "DEBUG = True\nSECRET_KEY = \"x\"\nINSTALLED_APPS = [\"shop\"]\nROOT_URLCONF = \"proj.urls\"\n" +
                                  "TEMPLATES = [{\"BACKEND\": \"django.template.backends.django.DjangoTemplates\", \"DIRS\": [], \"APP_DIRS\": True}]\n");
        Write("proj/urls.py", "from django.urls import path\nfrom shop import views\nurlpatterns = [path(\"p/<str:name>/\", views.page)]\n");
        Write("shop/__init__.py", "");
        Write("shop/views.py", ShopView + "\ndef run(request):\n    import os\n    os.system(request.GET[\"cmd\"])\n");
        Write("shop/templates/shop/page.html", "<p>{{ q|safe }}</p>\n<form method=\"post\"><input name=\"a\"></form>\n");
        Write("requirements.txt", "Django==4.2.14\n");
    }

    [TearDown]
    public void Delete()
    {
        Directory.Delete(_root, true);
        Directory.Delete(_cacheDir, true);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private List<string> Files() => new FileWalker(new WalkOptions()).Enumerate(_root).ToList();

    private (List<string> Findings, AnalysisDiskCache? Cache) Scan(AnalysisOptions? options = null, bool cached = true)
    {
        var engine = new AnalysisEngine(BuiltInAnalyzers.Create());
        options ??= AnalysisOptions.Default;
        var cache = cached ? new AnalysisDiskCache(_cacheDir, AnalysisDiskCache.ConfigKey(engine, options, _root), engine.Catalog) : null;
        var result = new Scanner(engine, options) { Cache = cache }.Scan(Files(), _root);
        return (result.Findings.Select(Describe).ToList(), cache);
    }

    /// <summary>Everything a finding carries, so "identical" means identical.</summary>
    private static string Describe(Finding f) =>
        $"{f.Rule.Id} {f.Path} {f.Span} {f.Severity} {f.Message} | " +
        string.Join(";", f.Related.Select(r => $"{r.Path} {r.Span} {r.Message}")) + " | " +
        string.Join(";", f.Fixes.Select(x => x.Title + x.SafeForFixAll + string.Join(",", x.Edits.Select(e => $"{e.Path} {e.Change.Span} {e.Change.NewText}"))));

    [Test]
    public void A_warm_run_returns_the_cold_run_findings_without_analysing()
    {
        var (uncached, _) = Scan(cached: false);
        var (cold, coldCache) = Scan();
        var (warm, warmCache) = Scan();
        Assert.That(uncached, Has.Some.StartsWith("DJ229").And.Some.StartsWith("DJ120").And.Some.StartsWith("DJ600"), "the fixture has cross-file, Python and dependency findings");
        Assert.That(cold, Is.EqualTo(uncached));
        Assert.That(warm, Is.EqualTo(cold));
        Assert.That(coldCache!.Hits, Is.Zero);
        Assert.That(coldCache.Stores, Is.EqualTo(Files().Count));
        Assert.That(warmCache!.Hits, Is.EqualTo(Files().Count));
        Assert.That(warmCache.Misses, Is.Zero);
    }

    [Test]
    public void A_changed_file_invalidates_itself_and_the_files_whose_analysis_read_it()
    {
        Scan();
        // The view no longer passes request data: the template's DJ229 (computed from the view) must disappear too.
        Write("shop/views.py", ShopView.Replace("request.GET.get(\"q\", \"\")", "\"fixed\""));
        var (warm, cache) = Scan();
        var (uncached, _) = Scan(cached: false);
        Assert.That(warm, Is.EqualTo(uncached));
        Assert.That(warm, Has.None.StartsWith("DJ229"));
        Assert.That(cache!.Misses, Is.GreaterThanOrEqualTo(2), "the view and the template that reads it");
        Assert.That(cache.Hits, Is.GreaterThan(0), "requirements.txt did not read the view");
    }

    [Test]
    public void A_changed_configuration_invalidates_every_entry()
    {
        Scan();
        var options = AnalysisOptions.Default with { Ignore = new[] { "DJ229" } };
        var (warm, cache) = Scan(options);
        Assert.That(cache!.Hits, Is.Zero);
        Assert.That(warm, Has.None.StartsWith("DJ229"));
        Assert.That(warm, Is.EqualTo(Scan(options, cached: false).Findings));
    }

    [TestCase("{\"format\":1,\"key\":", TestName = "Cache truncated JSON is ignored")]
    [TestCase("\u0000\u0001binary garbage\u00ff", TestName = "Cache binary garbage is ignored")]
    [TestCase("[1,2,3]", TestName = "Cache wrong JSON shape is ignored")]
    public void A_corrupted_entry_is_ignored(string corrupt)
    {
        var (cold, coldCache) = Scan();
        var view = Path.Combine(_root, "shop", "views.py");
        File.WriteAllText(coldCache!.EntryPath(view), corrupt);
        var (warm, warmCache) = Scan();
        Assert.That(warm, Is.EqualTo(cold));
        Assert.That(warmCache!.Misses, Is.EqualTo(1));
        Assert.That(warmCache.Rejected + warmCache.Misses, Is.GreaterThanOrEqualTo(1));
        // Rewritten by the warm run: the third run hits everywhere.
        Assert.That(Scan().Cache!.Hits, Is.EqualTo(Files().Count));
    }

    [Test]
    public void An_entry_with_tampered_findings_is_rejected_not_trusted()
    {
        var (cold, coldCache) = Scan();
        var entryPath = coldCache!.EntryPath(Path.Combine(_root, "shop", "views.py"));
        var entry = JObject.Parse(File.ReadAllText(entryPath));
        entry["findings"]![0]!["rule"] = "DJ999-unknown";
        File.WriteAllText(entryPath, entry.ToString());
        var (warm, warmCache) = Scan();
        Assert.That(warm, Is.EqualTo(cold));
        Assert.That(warmCache!.Rejected, Is.EqualTo(1));
    }

    [Test]
    public void The_size_bound_prunes_oldest_entries()
    {
        Scan();
        var engine = new AnalysisEngine(BuiltInAnalyzers.Create());
        var tiny = new AnalysisDiskCache(_cacheDir, AnalysisDiskCache.ConfigKey(engine, AnalysisOptions.Default, _root), engine.Catalog, maxBytes: 1);
        tiny.Prune();
        Assert.That(Directory.EnumerateFiles(_cacheDir, "*.json", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void Check_with_cache_twice_prints_the_same_report_and_hits_the_second_time()
    {
        string[] args = { "check", _root, "--no-config", "--format", "json", "--cache-dir", _cacheDir };
        var cold = RunWithStats(args);
        var warm = RunWithStats(args);
        var none = Djangolsp.Run(new[] { "check", _root, "--no-config", "--format", "json" });
        Assert.That(cold.ExitCode, Is.EqualTo(1), cold.Stderr);
        Assert.That(warm.Stdout, Is.EqualTo(cold.Stdout));
        Assert.That(none.Stdout, Is.EqualTo(cold.Stdout));
        Assert.That(cold.Stderr, Does.Contain(" 0 hits"));
        Assert.That(warm.Stderr, Does.Contain($" {Files().Count} hits, 0 misses"));
    }

    private static Djangolsp.Result RunWithStats(string[] args)
    {
        Environment.SetEnvironmentVariable("DJANGOLSP_CACHE_STATS", "1");
        try { return Djangolsp.Run(args); }
        finally { Environment.SetEnvironmentVariable("DJANGOLSP_CACHE_STATS", null); }
    }
}

using System.Collections.Concurrent;
using DjangoLsp.Analysis;
using DjangoLsp.Analysis.Project;
using DjangoLsp.Server.Tests.Support;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

/// <summary>
/// An edit re-analyses the edited document and its dependents only (issue 8): an unrelated view does not touch an
/// unrelated open template, a view edit updates the template it renders, a settings edit updates templates.
/// Observed through <c>FindingsCache.Analyzed</c> (every real analysis) and the published diagnostics.
/// </summary>
public class IncrementalDependentsTests
{
    private string _root = null!;

    private const string Settings =
        "INSTALLED_APPS = [\"shop\", \"blog\"]\nROOT_URLCONF = \"proj.urls\"\n" +
        "TEMPLATES = [{\"BACKEND\": \"django.template.backends.django.DjangoTemplates\", \"DIRS\": [], \"APP_DIRS\": True}]\n";

    private const string ShopView =
        "from django.shortcuts import render\n\ndef page(request, name):\n    return render(request, \"shop/page.html\", {\"q\": request.GET.get(\"q\", \"\")})\n";

    private const string BlogView =
        "from django.shortcuts import render\n\ndef post(request, slug):\n    return render(request, \"blog/post.html\", {\"title\": \"Hello\"})\n";

    private const string PageTemplate = "<p>{{ q|safe }}</p>\n";
    private const string PostTemplate = "<h1>{{ title }}</h1>\n";

    [SetUp]
    public void CreateProject()
    {
        _root = Directory.CreateTempSubdirectory("djangolsp-incremental").FullName;
        Write("manage.py", "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"proj.settings\")\n");
        Write("proj/__init__.py", "");
        Write("proj/settings.py", Settings);
        Write("proj/urls.py", "from django.urls import path\nfrom shop import views as shop_views\nfrom blog import views as blog_views\n" +
                              "urlpatterns = [path(\"p/<str:name>/\", shop_views.page), path(\"b/<slug:slug>/\", blog_views.post)]\n");
        Write("shop/__init__.py", "");
        Write("shop/views.py", ShopView);
        Write("shop/templates/shop/page.html", PageTemplate);
        Write("blog/__init__.py", "");
        Write("blog/views.py", BlogView);
        Write("blog/templates/blog/post.html", PostTemplate);
    }

    [TearDown]
    public void Delete() => Directory.Delete(_root, true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private string UriOf(string relative) => new Uri(Path.Combine(_root, relative)).AbsoluteUri;

    private static bool Has(JObject publish, string ruleId) =>
        ((JArray)publish["params"]!["diagnostics"]!).Any(d => (string?)d["code"] == ruleId);

    private static Task<JObject> Published(ServerHarness h, string uri, Func<JObject, bool> predicate, string what) =>
        h.Client.WaitForAsync(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == uri && predicate(m), what);

    private async Task<(ServerHarness, ConcurrentDictionary<string, int>, ConcurrentQueue<(string, AffectedDocuments)>)> StartAsync()
    {
        var h = new ServerHarness(BuiltInAnalyzers.Create().ToArray());
        var analyses = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var computed = new ConcurrentQueue<(string, AffectedDocuments)>();
        h.Server.Session.Findings.Analyzed += (uri, _) => analyses.AddOrUpdate(uri, 1, (_, n) => n + 1);
        h.Server.Session.Dependents.Computed += (path, affected) => computed.Enqueue((path, affected));
        // The disk cache is off so every analysis counted is a real one.
        await h.InitializeAsync(initializationOptions: new JObject { ["debounceMs"] = 20, ["cache"] = false }, rootPath: _root);
        return (h, analyses, computed);
    }

    private static async Task WaitForDependents(ConcurrentQueue<(string Path, AffectedDocuments Affected)> computed, string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!computed.Any(c => c.Path == path))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("dependents of " + path + " never computed");
            await Task.Delay(20);
        }
    }

    [Test]
    public async Task Editing_an_unrelated_view_does_not_reanalyse_an_unrelated_open_template()
    {
        var (h, analyses, computed) = await StartAsync();
        using var _ = h;
        var page = UriOf("shop/templates/shop/page.html");
        var blog = UriOf("blog/views.py");
        await h.OpenAsync(page, PageTemplate, languageId: "django-html");
        await h.OpenAsync(blog, BlogView);
        await Published(h, page, m => Has(m, "DJ229"), "page.html analysed with DJ229");
        await h.Client.WaitForDiagnosticsAsync(blog, 1);
        var pageAnalysesBefore = analyses.GetValueOrDefault(page);

        await h.ChangeAsync(blog, 2, new JObject { ["text"] = BlogView + "# a comment\n" });
        await h.Client.WaitForDiagnosticsAsync(blog, 2);
        await WaitForDependents(computed, Path.Combine(_root, "blog/views.py"));
        await Task.Delay(300);   // well past the 20 ms debounce: a scheduled re-analysis would have run

        var affected = computed.Single(c => c.Item1 == Path.Combine(_root, "blog/views.py")).Item2;
        Assert.That(affected.All, Is.False, affected.Reason);
        Assert.That(affected.Paths, Does.Not.Contain(Path.Combine(_root, "shop/templates/shop/page.html")));
        Assert.That(analyses.GetValueOrDefault(page), Is.EqualTo(pageAnalysesBefore), "page.html must not be re-analysed");
        Assert.That(analyses.GetValueOrDefault(blog), Is.GreaterThanOrEqualTo(2), "the edited view itself is re-analysed");
    }

    [Test]
    public async Task Editing_a_view_updates_the_open_template_it_renders()
    {
        var (h, analyses, _) = await StartAsync();
        using var _h = h;
        var page = UriOf("shop/templates/shop/page.html");
        var view = UriOf("shop/views.py");
        var post = UriOf("blog/templates/blog/post.html");
        await h.OpenAsync(page, PageTemplate, languageId: "django-html");
        await h.OpenAsync(post, PostTemplate, languageId: "django-html");
        await h.OpenAsync(view, ShopView);
        await Published(h, page, m => Has(m, "DJ229"), "page.html analysed with DJ229");
        await h.Client.WaitForDiagnosticsAsync(post, 1);
        await h.Client.WaitForDiagnosticsAsync(view, 1);
        var postAnalysesBefore = analyses.GetValueOrDefault(post);

        // The view now passes a constant: the template's DJ229 must go away although the template was not edited.
        await h.ChangeAsync(view, 2, new JObject { ["text"] = ShopView.Replace("request.GET.get(\"q\", \"\")", "\"fixed\"") });
        var after = await Published(h, page, m => !Has(m, "DJ229"), "page.html re-analysed without DJ229");
        Assert.That((int?)after["params"]!["version"], Is.EqualTo(1), "page.html was not edited");
        await Task.Delay(300);
        Assert.That(analyses.GetValueOrDefault(post), Is.EqualTo(postAnalysesBefore), "post.html is rendered by another view");

        // And back: the finding returns.
        await h.ChangeAsync(view, 3, new JObject { ["text"] = ShopView });
        await Published(h, page, m => Has(m, "DJ229"), "page.html re-analysed with DJ229 again");
    }

    [Test]
    public async Task Editing_settings_updates_template_findings()
    {
        // Without APP_DIRS no template directory is known, so the view → template link (and DJ229) does not exist.
        Write("proj/settings.py", Settings.Replace("\"APP_DIRS\": True", "\"APP_DIRS\": False"));
        var (h, _, computed) = await StartAsync();
        using var _h = h;
        var page = UriOf("shop/templates/shop/page.html");
        var settings = UriOf("proj/settings.py");
        var settingsText = Settings.Replace("\"APP_DIRS\": True", "\"APP_DIRS\": False");
        await h.OpenAsync(page, PageTemplate, languageId: "django-html");
        await h.OpenAsync(settings, settingsText);
        var before = await h.Client.WaitForDiagnosticsAsync(page, 1);
        Assert.That(Has(before, "DJ229"), Is.False);
        await h.Client.WaitForDiagnosticsAsync(settings, 1);

        await h.ChangeAsync(settings, 2, new JObject { ["text"] = Settings });
        await Published(h, page, m => Has(m, "DJ229"), "page.html re-analysed with DJ229 after APP_DIRS = True");
        await WaitForDependents(computed, Path.Combine(_root, "proj/settings.py"));
        Assert.That(computed.First(c => c.Item1 == Path.Combine(_root, "proj/settings.py")).Item2.All, Is.True, "a settings module affects everything");
    }
}

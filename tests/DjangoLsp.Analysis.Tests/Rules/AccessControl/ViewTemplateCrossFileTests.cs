using DjangoLsp.Analysis.Rules.CrossFile;
using DjangoLsp.Analysis.Tests.Project;

namespace DjangoLsp.Analysis.Tests.Rules.AccessControl;

/// <summary>DJ229/DJ230: findings in a template computed from the views that render it (in-memory mini projects).</summary>
public class ViewTemplateCrossFileTests
{
    private static MemoryWorkspace Project(string viewBody, string template)
    {
        return new MemoryWorkspace("/mem/" + Guid.NewGuid().ToString("N"))
            .Add("manage.py", "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"proj.settings\")\n")
            .Add("proj/__init__.py", "")
            .Add("proj/settings.py", "INSTALLED_APPS = [\"shop\"]\nROOT_URLCONF = \"proj.urls\"\n" +
                                     "TEMPLATES = [{\"BACKEND\": \"django.template.backends.django.DjangoTemplates\", \"DIRS\": [], \"APP_DIRS\": True}]\n")
            .Add("proj/urls.py", "from django.urls import path\nfrom shop import views\nurlpatterns = [path(\"p/<str:name>/\", views.page)]\n")
            .Add("shop/__init__.py", "")
            .Add("shop/views.py", "import json\nfrom django.shortcuts import render\nfrom django.utils.safestring import mark_safe\n\n" +
                                  "def page(request, name):\n" + viewBody)
            .Add("shop/templates/shop/page.html", template);
    }

    private static List<string> Ids(MemoryWorkspace workspace) =>
        workspace.Analyze(new ViewContextTemplateAnalyzer(), "shop/templates/shop/page.html").Select(f => f.Rule.Id).ToList();

    [TestCase("    return render(request, \"shop/page.html\", {\"q\": request.GET.get(\"q\", \"\")})\n", "<p>{{ q|safe }}</p>", TestName = "DJ229 GET value with |safe")]
    [TestCase("    q = request.POST[\"q\"]\n    return render(request, \"shop/page.html\", {\"q\": q})\n", "{% autoescape off %}<p>{{ q }}</p>{% endautoescape %}", TestName = "DJ229 POST value under autoescape off")]
    [TestCase("    ctx = {\"q\": \"Hi \" + request.GET[\"q\"]}\n    return render(request, \"shop/page.html\", ctx)\n", "<p>{{ q|safe }}</p>", TestName = "DJ229 context dict in a local")]
    public void Request_data_marked_safe_is_reported_in_the_template(string view, string template)
    {
        var workspace = Project(view, template);
        var finding = workspace.Analyze(new ViewContextTemplateAnalyzer(), "shop/templates/shop/page.html").Single();
        Assert.That(finding.Rule.Id, Is.EqualTo("DJ229"));
        Assert.That(finding.Related.Select(r => r.Path), Does.Contain(workspace.PathOf("shop/views.py")));
        Assert.That(finding.Message, Does.Contain("'q'").And.Contain("page"));
    }

    [TestCase("    return render(request, \"shop/page.html\", {\"q\": request.GET.get(\"q\", \"\")})\n", "<p>{{ q }}</p>", TestName = "DJ229 safe escaped output")]
    [TestCase("    return render(request, \"shop/page.html\", {\"q\": \"<b>fixed</b>\"})\n", "<p>{{ q|safe }}</p>", TestName = "DJ229 safe constant value")]
    [TestCase("    return render(request, \"shop/page.html\", {\"q\": request.GET.get(\"q\", \"\")})\n", "<p>{{ other|safe }}</p>", TestName = "DJ229 safe different key")]
    [TestCase("    return render(request, \"shop/other.html\", {\"q\": request.GET.get(\"q\", \"\")})\n", "<p>{{ q|safe }}</p>", TestName = "DJ229 safe view renders another template")]
    public void Safe_look_alikes_are_not_reported(string view, string template) => Assert.That(Ids(Project(view, template)), Is.Empty);

    [Test]
    public void Mark_safe_value_in_script_is_reported()
    {
        var workspace = Project("    data = mark_safe(json.dumps({\"n\": name}))\n    return render(request, \"shop/page.html\", {\"cfg\": data})\n",
            "<script>var cfg = {{ cfg }};</script>");
        Assert.That(Ids(workspace), Is.EqualTo(new[] { "DJ230" }));
    }

    [Test]
    public void Mark_safe_value_in_html_text_and_plain_value_in_script_are_not_DJ230()
    {
        Assert.That(Ids(Project("    return render(request, \"shop/page.html\", {\"cfg\": mark_safe(\"<b>x</b>\")})\n", "<p>{{ cfg }}</p>")), Does.Not.Contain("DJ230"));
        Assert.That(Ids(Project("    return render(request, \"shop/page.html\", {\"cfg\": json.dumps({})})\n", "<script>var cfg = \"{{ cfg }}\";</script>")), Does.Not.Contain("DJ230"));
    }

    [Test]
    public void Editing_the_view_updates_the_template_findings()
    {
        var workspace = Project("    return render(request, \"shop/page.html\", {\"q\": request.GET.get(\"q\", \"\")})\n", "<p>{{ q|safe }}</p>");
        Assert.That(Ids(workspace), Is.EqualTo(new[] { "DJ229" }));
        workspace.Add("shop/views.py", "from django.shortcuts import render\n\ndef page(request, name):\n    return render(request, \"shop/page.html\", {\"q\": \"fixed\"})\n");
        Assert.That(Ids(workspace), Is.Empty);
    }
}

public class VulnerableShopCrossFileTests
{
    [Test]
    public void Shop_templates_get_exactly_the_mark_safe_in_script_finding()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir != null && !Directory.Exists(Path.Combine(dir.FullName, "examples", "vulnerable-shop"))) dir = dir.Parent;
        var shop = Path.Combine(dir!.FullName, "examples", "vulnerable-shop");
        var analyzer = new ViewContextTemplateAnalyzer();
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(shop, "*.html", SearchOption.AllDirectories))
        {
            var text = Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(file));
            var document = new DjangoLsp.Analysis.Engine.AnalysisDocument(file, text);
            foreach (var finding in analyzer.Analyze(document, new DjangoLsp.Analysis.Engine.AnalysisContext(DjangoLsp.Analysis.Engine.AnalysisOptions.Default, workspaceRoot: shop), CancellationToken.None))
            {
                found.Add($"{Path.GetRelativePath(shop, file).Replace('\\', '/')}:{text.Lines.GetLineFromPosition(finding.Span.Start).LineNumber + 1} {finding.Rule.Id}");
                TestContext.Out.WriteLine($"{Path.GetRelativePath(shop, file)}:{text.Lines.GetLineFromPosition(finding.Span.Start).LineNumber + 1} {finding.Rule.Id} {finding.Message}");
            }
        }
        // VS071: gallery_json is mark_safe(json.dumps(...)) in catalog.views.product_detail and printed as JS code.
        // order_detail.html:40 prints tracking_json|safe, but the view builds it from the order, not the request: no DJ229.
        Assert.That(found, Is.EqualTo(new[] { "catalog/templates/catalog/product_detail.html:63 DJ230" }));
    }
}

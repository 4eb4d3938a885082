using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Project;

namespace DjangoLsp.Analysis.Tests.Project;

/// <summary>Which open documents an edit affects (issue 8's incremental dependents), on in-memory projects.</summary>
public class ProjectDependenciesTests
{
    private static MemoryWorkspace Project() =>
        new MemoryWorkspace("/mem/" + Guid.NewGuid().ToString("N"))
            .Add("manage.py", "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"proj.settings\")\n")
            .Add("proj/__init__.py", "")
            .Add("proj/settings.py", "INSTALLED_APPS = [\"shop\", \"blog\"]\nROOT_URLCONF = \"proj.urls\"\n" +
                                     "TEMPLATES = [{\"BACKEND\": \"django.template.backends.django.DjangoTemplates\", \"DIRS\": [], \"APP_DIRS\": True}]\n")
            .Add("proj/urls.py", "from django.urls import path\nfrom shop import views\nfrom blog.views import post\n" +
                                 "urlpatterns = [path(\"p/\", views.page), path(\"b/\", post)]\n")
            .Add("shop/__init__.py", "")
            .Add("shop/helpers.py", "def clean(value):\n    return value\n")
            .Add("shop/views.py", "from django.shortcuts import render\nfrom .helpers import clean\n\ndef page(request):\n" +
                                  "    return render(request, \"shop/page.html\", {\"q\": clean(request.GET[\"q\"])})\n")
            .Add("shop/templates/shop/page.html", "{% extends \"base.html\" %}<p>{{ q }}</p>")
            .Add("shop/templates/base.html", "<html>{% block body %}{% endblock %}</html>")
            .Add("blog/__init__.py", "")
            .Add("blog/views.py", "from django.shortcuts import render\nimport shop.helpers\n\ndef post(request):\n    return render(request, \"blog/post.html\", {})\n")
            .Add("blog/other.py", "from shop import helpers\n")
            .Add("blog/unrelated.py", "import json\n")
            .Add("blog/templates/blog/post.html", "<h1>post</h1>");

    private static AffectedDocuments Dependents(MemoryWorkspace workspace, string changed, params string[] open)
    {
        var project = DjangoProjectModel.Build(workspace.Root, workspace);
        // Files not in this workspace (requirements.txt in some tests) are simply not open.
        var documents = open.Select(o => workspace.TryGetDocument(workspace.PathOf(o))).OfType<AnalysisDocument>().ToList();
        return ProjectDependencies.DependentsOf(workspace.TryGetDocument(workspace.PathOf(changed))!, new[] { project }, documents);
    }

    private static readonly string[] AllOpen =
    {
        "shop/views.py", "shop/templates/shop/page.html", "shop/templates/base.html", "blog/views.py", "blog/other.py",
        "blog/unrelated.py", "blog/templates/blog/post.html", "requirements.txt",
    };

    [Test]
    public void A_helper_module_affects_its_importers_only()
    {
        var workspace = Project().Add("requirements.txt", "Django==4.2.16\n");
        var affected = Dependents(workspace, "shop/helpers.py", AllOpen);
        Assert.That(affected.All, Is.False, affected.Reason);
        Assert.That(affected.Paths, Is.EquivalentTo(new[]
        {
            workspace.PathOf("shop/views.py"),      // from .helpers import clean
            workspace.PathOf("blog/views.py"),      // import shop.helpers
            workspace.PathOf("blog/other.py"),      // from shop import helpers
            workspace.PathOf("requirements.txt"),   // vulnerable-API calls may change the pin's finding
        }));
    }

    [Test]
    public void A_view_affects_the_templates_it_renders_and_not_others()
    {
        var workspace = Project();
        var affected = Dependents(workspace, "shop/views.py", AllOpen.Where(o => o != "requirements.txt").ToArray());
        Assert.That(affected.All, Is.False);
        Assert.That(affected.Paths, Is.EquivalentTo(new[] { workspace.PathOf("shop/templates/shop/page.html") }));
    }

    [Test]
    public void A_template_affects_its_views_and_the_templates_extending_it()
    {
        var workspace = Project();
        var page = Dependents(workspace, "shop/templates/shop/page.html", AllOpen);
        Assert.That(page.Paths, Is.EquivalentTo(new[] { workspace.PathOf("shop/views.py") }));
        var baseTemplate = Dependents(workspace, "shop/templates/base.html", AllOpen);
        Assert.That(baseTemplate.Paths, Is.EquivalentTo(new[] { workspace.PathOf("shop/templates/shop/page.html") }));
    }

    [TestCase("proj/settings.py", TestName = "Dependents settings module affects everything")]
    [TestCase("proj/urls.py", TestName = "Dependents URLconf affects everything")]
    public void Settings_and_urlconfs_affect_everything(string changed) =>
        Assert.That(Dependents(Project(), changed, AllOpen.Where(o => o != "requirements.txt").ToArray()).All, Is.True);

    [Test]
    public void A_file_outside_any_project_affects_everything()
    {
        var workspace = new MemoryWorkspace("/mem/" + Guid.NewGuid().ToString("N")).Add("lib/a.py", "x = 1\n").Add("lib/b.py", "y = 2\n");
        var affected = ProjectDependencies.DependentsOf(workspace.TryGetDocument(workspace.PathOf("lib/a.py"))!, Array.Empty<DjangoProject?>(),
            new[] { workspace.TryGetDocument(workspace.PathOf("lib/b.py"))! });
        Assert.That(affected.All, Is.True);
        Assert.That(affected.Contains(workspace.PathOf("lib/b.py")), Is.True);
    }
}

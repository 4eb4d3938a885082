using DjangoLsp.Analysis.Project;

namespace DjangoLsp.Analysis.Tests.Project;

/// <summary>Broken and hostile inputs: include cycles, syntax errors, missing settings, unresolvable views.</summary>
public class ProjectModelRobustnessTests
{
    [Test]
    public void Include_cycles_and_syntax_errors_do_not_crash_and_keep_what_can_be_read()
    {
        var workspace = new MemoryWorkspace("/mem/broken")
            .Add("manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'proj.settings')\n")
            .Add("proj/__init__.py", "")
            .Add("proj/settings.py", "ROOT_URLCONF = 'proj.urls'\nTEMPLATES = [{'DIRS': [undefined_name / 'x', 42], 'APP_DIRS': True}]\nINSTALLED_APPS = ['missing.app']\n")
            .Add("proj/urls.py", "from django.urls import include, path\nfrom . import views\nurlpatterns = [\n    path('a/', include('proj.other')),\n    path('ok/', views.ok),\n    path(,\n]\n")
            .Add("proj/other.py", "from django.urls import include, path\nurlpatterns = [path('b/', include('proj.urls')), path('gone/', nowhere.view)]\n")
            .Add("proj/views.py", "def ok(request):\n    pass\n");
        var project = DjangoProjectModel.Build(workspace.Root, workspace);
        Assert.That(project.Routes.Select(r => r.Pattern), Is.EquivalentTo(new[] { "a/gone/", "ok/" }));
        Assert.That(project.Routes.Single(r => r.Pattern == "ok/").View!.Name, Is.EqualTo("ok"));
        Assert.That(project.Routes.Single(r => r.Pattern == "a/gone/").View, Is.Null);
        Assert.That(project.TemplateDirectories, Is.Empty);
    }

    [Test]
    public void Missing_settings_module_gives_an_empty_model()
    {
        var workspace = new MemoryWorkspace("/mem/nosettings")
            .Add("manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'nowhere.settings')\n");
        var project = DjangoProjectModel.Build(workspace.Root, workspace);
        Assert.That(project.SettingsPath, Is.Null);
        Assert.That(project.Routes, Is.Empty);
        Assert.That(project.InstalledApps, Is.Empty);
    }
}

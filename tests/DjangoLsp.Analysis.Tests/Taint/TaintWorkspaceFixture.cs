using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Tests.Project;
using DjangoLsp.Analysis.Tests.Rules.Python;

namespace DjangoLsp.Analysis.Tests.Taint;

/// <summary>
/// A small in-memory Django project for the workspace-aware taint tests: manage.py, settings with ROOT_URLCONF, an
/// app "shop" whose urls.py routes the views given by the test, plus any extra modules.
/// </summary>
internal static class TaintWorkspaceFixture
{
    public static MemoryWorkspace Project(string urls, string views, params (string Path, string Text)[] modules)
    {
        var workspace = new MemoryWorkspace("/mem/taint-" + Guid.NewGuid().ToString("N"))
            .Add("manage.py", "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"proj.settings\")\n")
            .Add("proj/__init__.py", "")
            .Add("proj/settings.py", "INSTALLED_APPS = [\"shop\"]\nROOT_URLCONF = \"proj.urls\"\n")
            .Add("proj/urls.py", "from django.urls import include, path\nurlpatterns = [path(\"shop/\", include(\"shop.urls\"))]\n")
            .Add("shop/__init__.py", "")
            .Add("shop/urls.py", urls)
            .Add("shop/views.py", views);
        foreach (var (path, text) in modules) workspace.Add(path, text);
        return workspace;
    }

    /// <summary>The findings of the built-in engine on one file of the workspace, as "id:line:severity" (syntax findings excluded).</summary>
    public static List<string> Findings(MemoryWorkspace workspace, string relative = "shop/views.py", string? only = null) =>
        Analyze(workspace, relative, only).Select(f => $"{f.Rule.Id}:{f.Line(workspace.TryGetDocument(workspace.PathOf(relative))!.Text)}:{f.Severity}").ToList();

    public static List<Finding> Analyze(MemoryWorkspace workspace, string relative = "shop/views.py", string? only = null)
    {
        var document = workspace.TryGetDocument(workspace.PathOf(relative))!;
        return RuleTestHelper.Engine.Analyze(document, new AnalysisContext(AnalysisOptions.Default, workspace, workspace.Root))
            .Where(f => f.Rule.Id != "syntax" && (only == null || f.Rule.Id.StartsWith(only, StringComparison.Ordinal)))
            .ToList();
    }
}

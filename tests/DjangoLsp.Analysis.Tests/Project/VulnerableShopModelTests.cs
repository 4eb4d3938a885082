using System.Diagnostics;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Project;

namespace DjangoLsp.Analysis.Tests.Project;

/// <summary>The project model of examples/vulnerable-shop, checked value by value.</summary>
public class VulnerableShopModelTests
{
    private static readonly string Shop = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../../examples/vulnerable-shop"));

    private static DjangoProject Model() => DjangoProjectModel.Build(Shop, DiskFiles.Instance);

    [Test]
    public void Discovers_the_project_and_its_settings_chain()
    {
        var projects = DjangoProjectModel.Discover(Shop, DiskFiles.Instance);
        Assert.That(projects.Select(p => p.Root), Is.EqualTo(new[] { Shop }));
        var model = projects[0];
        Assert.That(model.SettingsModule, Is.EqualTo("shop.settings.local"));
        Assert.That(model.SettingsPath, Is.EqualTo(Path.Combine(Shop, "shop/settings/local.py")));
        Assert.That(model.Settings!.Files.Select(f => Path.GetRelativePath(Shop, f)), Does.Contain("shop/settings/base.py"));
        Assert.That(model.RootUrlConf, Is.EqualTo("shop.urls"));
        Assert.That(model.InstalledApps, Does.Contain("catalog").And.Contain("orders").And.Contain("accounts").And.Contain("rest_framework"));
        Assert.That(model.Middleware.Take(2), Is.EqualTo(new[] { "django.middleware.security.SecurityMiddleware", "django.contrib.sessions.middleware.SessionMiddleware" }));
    }

    [Test]
    public void Template_directories_are_DIRS_then_app_folders()
    {
        var model = Model();
        Assert.That(model.AppDirs, Is.True);
        Assert.That(model.TemplateDirectories.Select(d => Path.GetRelativePath(Shop, d)),
            Is.EqualTo(new[] { "templates", "catalog/templates", "orders/templates", "accounts/templates" }));
        var resolver = new ProjectTemplateResolver(model, DiskFiles.Instance);
        Assert.That(resolver.Resolve("orders/cart.html")!.Path, Is.EqualTo(Path.Combine(Shop, "orders/templates/orders/cart.html")));
        Assert.That(resolver.Resolve("base.html")!.Path, Is.EqualTo(Path.Combine(Shop, "templates/base.html")));
        Assert.That(resolver.Resolve("../manage.py"), Is.Null);
    }

    [Test]
    public void Routes_map_to_views_with_converters_and_namespaces()
    {
        var model = Model();
        var detail = model.Routes.Single(r => r.Name == "order_detail");
        Assert.That(detail.Pattern, Is.EqualTo("orders/<int:pk>/"));
        Assert.That(detail.Namespace, Is.EqualTo("orders"));
        Assert.That(detail.Parameters, Is.EqualTo(new[] { new UrlParameter("pk", "int") }));
        Assert.That(detail.ViewQualifiedName, Is.EqualTo("orders.views.order_detail"));
        Assert.That(detail.View!.Path, Is.EqualTo(Path.Combine(Shop, "orders/views.py")));
        Assert.That(detail.View.IsClass, Is.False);

        var media = model.Routes.Single(r => r.Pattern == "media/(?P<path>.*)");
        Assert.That(media.Parameters, Is.EqualTo(new[] { new UrlParameter("path", "regex") { Pattern = ".*" } }));
        Assert.That(media.Parameters[0].IsNonTextual, Is.False);
        Assert.That(media.ViewQualifiedName, Is.EqualTo("django.views.static.serve"));
        Assert.That(media.View, Is.Null);

        Assert.That(model.Routes.Single(r => r.IsAdmin).Pattern, Is.EqualTo("admin/"));
        var router = model.Routes.Where(r => r.ViewQualifiedName == "orders.api.OrderViewSet").Select(r => r.Pattern);
        Assert.That(router, Is.EqualTo(new[] { "api/v1/orders/", "api/v1/orders/<pk>/" }));
        Assert.That(model.Routes.Single(r => r.Name == "warehouse_delivery").View!.Name, Is.EqualTo("warehouse_delivery"));
        // Every routed view in the shop is defined in the workspace.
        Assert.That(model.Routes.Where(r => !r.IsAdmin && r.ViewQualifiedName!.StartsWith("django.", StringComparison.Ordinal) == false && r.View == null), Is.Empty);
    }

    [Test]
    public void Models_with_owner_fields_and_template_links()
    {
        var model = Model();
        Assert.That(model.Models["Order"].OwnerFields, Does.Contain("user"));
        Assert.That(model.Models["Product"].OwnerFields, Is.Empty);
        Assert.That(model.TemplateViews["orders/order_detail.html"].Select(v => v.Name), Is.EqualTo(new[] { "order_detail" }));
        Assert.That(model.TemplateViews.ContainsKey("catalog/update_stock.html"), Is.True);
    }

    [Test]
    public void Cached_model_is_reused_until_a_file_changes()
    {
        var first = Model();
        Assert.That(Model(), Is.SameAs(first));
    }

    [Test]
    public void Django_source_tree_builds_without_crashing_and_prints_times()
    {
        var watch = Stopwatch.StartNew();
        DjangoProjectModel.Build(Shop + "/", new UncachedFiles());
        TestContext.Out.WriteLine($"vulnerable-shop model build: {watch.Elapsed.TotalMilliseconds:F0} ms");
        const string django = "/usr/lib/python3/dist-packages/django";
        if (!Directory.Exists(django)) Assert.Ignore("Django's source is not installed (apt install python3-django).");
        watch.Restart();
        var projects = DjangoProjectModel.Discover(django, DiskFiles.Instance);
        // conf/project_template has manage.py-tpl only; nothing there is a project, but every file is walked.
        foreach (var file in Directory.EnumerateFiles(django, "*.py", SearchOption.AllDirectories).Take(400))
            DjangoProjectModel.ForFile(file, new AnalysisContext(AnalysisOptions.Default, DiskFiles.Instance, django));
        TestContext.Out.WriteLine($"Django tree discovery + 400 ForFile lookups: {watch.Elapsed.TotalMilliseconds:F0} ms, {projects.Count} projects");
        Assert.That(projects, Is.Not.Null);
    }

    private sealed class UncachedFiles : IWorkspaceFiles
    {
        public AnalysisDocument? TryGetDocument(string path) => DiskFiles.Instance.TryGetDocument(path);
    }
}

public class ProjectModelParameterTests
{
    [Test]
    public void Converter_info_for_the_taint_engine_and_namespaced_includes()
    {
        var workspace = new MemoryWorkspace("/mem/params")
            .Add("manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'proj.settings')\n")
            .Add("proj/__init__.py", "")
            .Add("proj/settings.py", "ROOT_URLCONF = 'proj.urls'\nINSTALLED_APPS = ['blog.apps.BlogConfig']\n")
            .Add("proj/urls.py", "from django.urls import include, path, re_path\nurlpatterns = [\n    path('blog/<slug:section>/', include('blog.urls', namespace='b')),\n    re_path(r'^old/(?P<year>[0-9]{4})/$', include([path('x/<path:rest>', 'ignored')])),\n]\n")
            .Add("blog/__init__.py", "")
            .Add("blog/urls.py", "from django.urls import path\nfrom .views import Detail, show\napp_name = 'blog'\nurlpatterns = [\n    path('<int:pk>/', show, name='show'),\n    path('<str:pk>/v/', Detail.as_view(template_name='blog/d.html'), name='detail'),\n]\n")
            .Add("blog/views.py", "def show(request, section, pk):\n    pass\n\nclass Detail:\n    pass\n");
        var project = DjangoProjectModel.Build(workspace.Root, workspace);
        var show = project.Routes.Single(r => r.Name == "show");
        Assert.That(show.Pattern, Is.EqualTo("blog/<slug:section>/<int:pk>/"));
        Assert.That(show.Namespace, Is.EqualTo("b"));
        Assert.That(show.Parameters, Is.EqualTo(new[] { new UrlParameter("section", "slug"), new UrlParameter("pk", "int") }));
        var parameters = project.ParametersOf(workspace.PathOf("blog/views.py"), "show");
        Assert.That(parameters["pk"].IsNonTextual, Is.True);
        Assert.That(parameters["section"].IsNonTextual, Is.False);
        var detail = project.Routes.Single(r => r.Name == "detail");
        Assert.That(detail.View!.IsClass, Is.True);
        Assert.That(detail.AsViewArguments["template_name"], Is.EqualTo("blog/d.html"));
        Assert.That(project.TemplateViews["blog/d.html"].Single().Name, Is.EqualTo("Detail"));
        Assert.That(project.Routes.Single(r => r.Pattern.StartsWith("old/", StringComparison.Ordinal)).Parameters.Select(p => p.Converter),
            Is.EqualTo(new[] { "regex", "path" }));
    }
}

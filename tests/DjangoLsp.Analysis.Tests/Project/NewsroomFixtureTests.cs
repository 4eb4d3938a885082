using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Project;
using DjangoLsp.Analysis.Rules.AccessControl;
using DjangoLsp.Analysis.Rules.CrossFile;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Project;

/// <summary>
/// tests/fixtures/projects/newsroom: split settings (dev star-imports base and adds LoginRequiredMiddleware), an app
/// named by its AppConfig, include() with app_name, with a (module, app_name) tuple plus namespace= and with
/// namespace=, a DRF router, re_path groups, class-based and function views. The model is checked exactly.
/// </summary>
public class NewsroomFixtureTests
{
    private static readonly string Root = FindFixture();

    private static string FindFixture()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir != null && !Directory.Exists(Path.Combine(dir.FullName, "tests", "fixtures", "projects", "newsroom"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("tests/fixtures/projects/newsroom"), "tests", "fixtures", "projects", "newsroom");
    }

    private static DjangoProject Model() => DjangoProjectModel.Build(Root, DiskFiles.Instance);

    private static string Rel(string? path) => path == null ? "-" : Path.GetRelativePath(Root, path).Replace('\\', '/');

    [Test]
    public void Settings_apps_middleware_and_template_dirs()
    {
        var model = Model();
        Assert.That(model.SettingsModule, Is.EqualTo("config.settings.dev"));
        Assert.That(model.Settings!.Files.Select(Rel), Is.EqualTo(new[] { "config/settings/dev.py", "config/settings/base.py" }));
        Assert.That(model.InstalledApps, Is.EqualTo(new[] { "django.contrib.auth", "django.contrib.contenttypes", "rest_framework", "articles.apps.ArticlesConfig", "accounts", "api" }));
        Assert.That(model.Middleware, Is.EqualTo(new[]
        {
            "django.middleware.security.SecurityMiddleware", "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware", "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.auth.middleware.LoginRequiredMiddleware",
        }));
        Assert.That(model.RootUrlConf, Is.EqualTo("config.urls"));
        Assert.That(model.TemplateDirectories.Select(Rel), Is.EqualTo(new[] { "templates", "articles/templates" }));
        Assert.That(model.DefaultPermissionClasses, Is.EqualTo(new[] { "rest_framework.permissions.IsAuthenticated" }));
        Assert.That(model.DefaultThrottleClasses, Is.Null);
        Assert.That(model.Models.Keys.OrderBy(k => k), Is.EqualTo(new[] { "Article", "Tag" }));
        Assert.That(model.Models["Article"].OwnerFields, Is.EqualTo(new[] { "author" }));
    }

    [Test]
    public void Url_map_exactly()
    {
        var routes = Model().Routes.Select(r =>
            $"{r.Pattern} | {r.Namespace ?? "-"}:{r.Name ?? "-"} | {string.Join(",", r.Parameters.Select(p => p.Name + ":" + p.Converter))} | {r.ViewQualifiedName} | {Rel(r.View?.Path)}{(r.View?.IsClass == true ? " class" : "")}");
        Assert.That(routes, Is.EqualTo(new[]
        {
            " | -:home |  | articles.views.HomeView | articles/views.py class",
            "articles/<slug:slug>/ | articles:detail | slug:slug | articles.views.detail | articles/views.py",
            "articles/<int:pk>/edit/ | articles:edit | pk:int | articles.views.ArticleUpdate | articles/views.py class",
            "articles/files/<path:name> | articles:download | name:path | articles.views.download | articles/views.py",
            "accounts/login/ | acct:login |  | django.contrib.auth.views.LoginView | -",
            "api/v1/articles/ | api:- |  | api.views.ArticleViewSet | api/views.py class",
            "api/v1/articles/<pk>/ | api:- | pk:str | api.views.ArticleViewSet | api/views.py class",
            "archive/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/ | -:archive | year:regex,month:regex | articles.views.archive | articles/views.py",
        }));
        Assert.That(Model().Routes[0].AsViewArguments["template_name"], Is.EqualTo("home.html"));
    }

    [Test]
    public void View_to_template_links_exactly()
    {
        var links = Model().TemplateViews.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + " <- " + string.Join(",", p.Value.Select(v => v.Name)));
        Assert.That(links, Is.EqualTo(new[]
        {
            "articles/archive.html <- archive",
            "articles/detail.html <- detail,download",
            "articles/edit.html <- ArticleUpdate",
            "home.html <- HomeView",
        }));
        var resolver = new ProjectTemplateResolver(Model(), DiskFiles.Instance);
        Assert.That(Rel(resolver.Resolve("home.html")!.Path), Is.EqualTo("templates/home.html"));
        Assert.That(Rel(resolver.Resolve("articles/edit.html")!.Path), Is.EqualTo("articles/templates/articles/edit.html"));
    }

    [Test]
    public void Rules_on_the_fixture()
    {
        var context = new AnalysisContext(AnalysisOptions.Default, DiskFiles.Instance, Root);
        string Run(IDocumentAnalyzer analyzer, string relative)
        {
            var path = Path.Combine(Root, relative);
            var text = SourceText.From(File.ReadAllText(path));
            return string.Join(";", analyzer.Analyze(new AnalysisDocument(path, text), context, CancellationToken.None)
                .Select(f => $"{f.Rule.Id}@{text.Lines.GetLineFromPosition(f.Span.Start).LineNumber + 1}"));
        }
        // LoginRequiredMiddleware protects the update view; DRF defaults protect the viewset, whose queryset is unfiltered.
        Assert.That(Run(new AccessControlAnalyzer(), "articles/views.py"), Is.Empty);
        Assert.That(Run(new AccessControlAnalyzer(), "api/views.py"), Is.EqualTo("DJ702@7"));
        Assert.That(Run(new ViewContextTemplateAnalyzer(), "articles/templates/articles/detail.html"), Is.EqualTo("DJ229@2"));
        Assert.That(Run(new ViewContextTemplateAnalyzer(), "articles/templates/articles/archive.html"), Is.Empty);
    }
}

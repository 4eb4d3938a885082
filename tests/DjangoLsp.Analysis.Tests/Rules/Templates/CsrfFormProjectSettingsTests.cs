using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Tests.Settings;
using NUnit.Framework;

namespace DjangoLsp.Analysis.Tests.Rules.Templates;

/// <summary>
/// DJ320 follows the project's settings: with CsrfViewMiddleware in MIDDLEWARE a POST form without {% csrf_token %} is
/// a warning; without it the settings are the root cause (DJ319), and the form is reported as information that says
/// protection is off project-wide, pointing at the MIDDLEWARE line. Everything is in memory (editor buffers).
/// </summary>
public class CsrfFormProjectSettingsTests
{
    private const string Manage = "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"mysite.settings\")\n";
    private const string Template = "<form method=\"post\">\n  <input name=\"email\">\n</form>\n";
    private const string TemplatePath = "shop/templates/shop/email.html";

    private static string Settings(string middleware) => $$"""
        from pathlib import Path
        BASE_DIR = Path(__file__).resolve().parent.parent
        INSTALLED_APPS = ["shop"]
        MIDDLEWARE = [
        {{middleware}}]
        TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [], "APP_DIRS": True}]
        """;

    private const string WithCsrf = "    \"django.middleware.security.SecurityMiddleware\",\n    \"django.middleware.csrf.CsrfViewMiddleware\",\n";
    private const string WithoutCsrf = "    \"django.middleware.security.SecurityMiddleware\",\n";

    private static MemoryFiles Project(string settings) => new(
        ("manage.py", Manage),
        ("mysite/__init__.py", ""),
        ("mysite/settings.py", settings),
        ("shop/__init__.py", ""),
        (TemplatePath, Template));

    private static Finding Dj320(MemoryFiles files)
    {
        var engine = BuiltInAnalyzers.CreateEngine();
        var findings = engine.Analyze(files.Get(TemplatePath), new AnalysisContext(AnalysisOptions.Default, files, MemoryFiles.Root));
        return findings.Single(f => f.Rule.Id == "DJ320");
    }

    [Test]
    public void WithTheMiddlewareTheFormIsAWarning()
    {
        var finding = Dj320(Project(Settings(WithCsrf)));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
        Assert.That(finding.Message, Does.StartWith("This <form method=\"post\"> has no {% csrf_token %}"));
        Assert.That(finding.Related, Is.Empty);
    }

    [Test]
    public void WithoutTheMiddlewareTheSettingsAreTheRootCause()
    {
        var files = Project(Settings(WithoutCsrf));
        var finding = Dj320(files);
        Assert.That(finding.Severity, Is.EqualTo(Severity.Information));
        Assert.That(finding.Message, Does.StartWith("CSRF protection is off project-wide"));
        var related = finding.Related.Single();
        Assert.That(related.Path, Is.EqualTo(MemoryFiles.P("mysite/settings.py")));
        Assert.That(files.Get("mysite/settings.py").Text.ToString(related.Span), Is.EqualTo("MIDDLEWARE = ["));
        Assert.That(finding.Fixes.Single().Title, Is.EqualTo("Add {% csrf_token %}"), "the token is still needed once the middleware is added");
    }

    [Test]
    public void AddingTheMiddlewareToTheSettingsBufferChangesTheTemplateFinding()
    {
        var files = Project(Settings(WithoutCsrf));
        Assert.That(Dj320(files).Severity, Is.EqualTo(Severity.Information));
        files.Set("mysite/settings.py", Settings(WithCsrf));
        Assert.That(Dj320(files).Severity, Is.EqualTo(Severity.Warning));
        files.Set("mysite/settings.py", Settings(WithoutCsrf));
        Assert.That(Dj320(files).Severity, Is.EqualTo(Severity.Information));
    }

    [Test]
    public void UnknownMiddlewareKeepsTheWarning()
    {
        // A computed entry might be the CSRF middleware: not "off".
        var finding = Dj320(Project(Settings(WithoutCsrf + "    os.environ[\"EXTRA_MIDDLEWARE\"],\n")));
        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
    }

    [Test]
    public void TemplateOutsideAnyProjectKeepsTheWarning()
    {
        var files = new MemoryFiles(("loose/templates/email.html", Template));
        var engine = BuiltInAnalyzers.CreateEngine();
        var finding = engine.Analyze(files.Get("loose/templates/email.html"), new AnalysisContext(AnalysisOptions.Default, files, MemoryFiles.Root))
            .Single(f => f.Rule.Id == "DJ320");
        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
    }
}

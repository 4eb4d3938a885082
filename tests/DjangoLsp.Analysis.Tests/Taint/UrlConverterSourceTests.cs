namespace DjangoLsp.Analysis.Tests.Taint;

/// <summary>
/// View parameters captured by str/slug/path converters and re_path groups are request data (errors at sinks);
/// int/uuid converters and digit-only groups are clean; without a URL map parameters stay unknown (warnings).
/// </summary>
public class UrlConverterSourceTests
{
    private const string Urls = """
        from django.urls import path, re_path
        from . import views

        urlpatterns = [
            path("p/<str:name>/", views.by_name),
            path("s/<slug:slug>/", views.by_slug),
            path("h/<slug:slug>/", views.slug_html),
            path("f/<path:rest>/", views.download),
            path("i/<int:pk>/", views.by_pk),
            path("u/<uuid:token>/", views.by_token),
            re_path(r"^y/(?P<year>[0-9]{4})/(?P<month>\d{2})/$", views.by_year),
            re_path(r"^t/(?P<tag>[\w-]+)/$", views.by_tag),
            path("c/<str:code>/", views.CodeView.as_view()),
            path("k/<str:code>/<int:num>/", views.KwargsView.as_view()),
            path("n/<name>/", views.plain),
            path("m/<int:value>/", views.mixed),
            path("m2/<str:value>/", views.mixed),
        ]
        """;

    private const string Views = """
        import os
        from django.db import connection
        from django.http import FileResponse, HttpResponse
        from django.views import View


        def by_name(request, name):
            with connection.cursor() as c:
                c.execute(f"SELECT * FROM p WHERE name = '{name}'")


        def by_slug(request, slug):
            with connection.cursor() as c:
                c.execute(f"SELECT * FROM p WHERE slug = '{slug}'")


        def slug_html(request, slug):
            return HttpResponse("<p>" + slug + "</p>")


        def download(request, rest):
            return FileResponse(open(os.path.join("/srv/files", rest), "rb"))


        def by_pk(request, pk):
            with connection.cursor() as c:
                c.execute(f"SELECT * FROM p WHERE id = {pk}")


        def by_token(request, token):
            with connection.cursor() as c:
                c.execute(f"SELECT * FROM p WHERE token = '{token}'")


        def by_year(request, year, month):
            with connection.cursor() as c:
                c.execute(f"SELECT * FROM p WHERE year = {year} AND month = {month}")


        def by_tag(request, tag):
            with connection.cursor() as c:
                c.execute(f"SELECT * FROM p WHERE tag = '{tag}'")


        class CodeView(View):
            def get(self, request, code):
                return HttpResponse("<p>" + code + "</p>")

            def helper(self, code):
                return HttpResponse("<p>" + code + "</p>")


        class KwargsView(View):
            def get(self, request, *args, **kwargs):
                os.system("lookup " + self.kwargs["code"])
                os.system("lookup " + str(self.kwargs.get("num")))


        def plain(request, name):
            return HttpResponse(name)


        def mixed(request, value):
            with connection.cursor() as c:
                c.execute(f"SELECT * FROM p WHERE v = '{value}'")


        def unrouted(request, name):
            with connection.cursor() as c:
                c.execute(f"SELECT * FROM p WHERE name = '{name}'")
        """;

    private static List<string> Findings() => TaintWorkspaceFixture.Findings(TaintWorkspaceFixture.Project(Urls, Views));

    [Test]
    public void Textual_converters_are_request_data()
    {
        var findings = Findings();
        Assert.That(findings, Does.Contain("DJ101:9:Error"), "str converter into SQL");
        Assert.That(findings, Does.Contain("DJ101:14:Error"), "slug converter into SQL");
        Assert.That(findings, Does.Contain("DJ160:22:Error"), "path converter into open()");
        Assert.That(findings, Does.Contain("DJ101:42:Error"), "re_path word group into SQL");
        Assert.That(findings, Does.Contain("DJ204:47:Error"), "class-based view handler parameter");
        Assert.That(findings, Does.Contain("DJ120:55:Error"), "self.kwargs[\"code\"] of a routed class");
        Assert.That(findings, Does.Contain("DJ204:60:Error"), "<name> without converter is str");
        Assert.That(findings, Does.Contain("DJ101:65:Error"), "str on one route, int on another: request data");
    }

    [Test]
    public void Non_textual_converters_and_digit_groups_are_clean()
    {
        var findings = Findings();
        Assert.That(findings.Where(f => f.StartsWith("DJ101:27:") || f.StartsWith("DJ101:32:") || f.StartsWith("DJ101:37:")), Is.Empty,
            "int, uuid and [0-9]{4}/\\d{2} groups cannot carry SQL");
        Assert.That(findings.Where(f => f.StartsWith("DJ204:18:")), Is.Empty, "a slug cannot carry markup");
        Assert.That(findings.Where(f => f.StartsWith("DJ120:56:")), Is.Empty, "self.kwargs.get(\"num\") is an int");
        Assert.That(findings.Where(f => f.StartsWith("DJ204:50:")), Is.Empty, "a non-handler method's parameter is not a URL parameter");
    }

    [Test]
    public void Unrouted_view_parameters_stay_unknown()
    {
        Assert.That(Findings(), Does.Contain("DJ101:70:Warning"));
    }

    [Test]
    public void Without_a_url_map_parameters_stay_unknown_data()
    {
        // The same views without urls.py routing them: today's behaviour (warnings for unknown data, no errors).
        var findings = TaintWorkspaceFixture.Findings(TaintWorkspaceFixture.Project("urlpatterns = []\n", Views));
        Assert.That(findings, Does.Contain("DJ101:9:Warning"));
        Assert.That(findings, Does.Contain("DJ101:27:Warning"), "an unrouted int-looking parameter is still unknown");
        Assert.That(findings.Where(f => f.EndsWith(":Error")), Is.Empty);
    }

    [Test]
    public void The_trace_starts_at_the_url_parameter()
    {
        var finding = TaintWorkspaceFixture.Analyze(TaintWorkspaceFixture.Project(Urls, Views), only: "DJ101").First(f => f.Severity == DjangoLsp.Analysis.Engine.Severity.Error);
        Assert.That(finding.Related[0].Message, Does.Contain("URL parameter `name` captured by `<str:name>`"));
        Assert.That(finding.Message, Does.Contain("request data (URL parameter `name`"));
    }
}

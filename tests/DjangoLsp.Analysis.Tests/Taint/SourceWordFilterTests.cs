namespace DjangoLsp.Analysis.Tests.Taint;

/// <summary>
/// <c>RequestDataReach</c> looks for sources only in modules whose text has a source word (<c>request</c>,
/// <c>Request</c>, <c>kwargs</c>, or <c>form</c> with <c>data</c>). Each helper module below has exactly one of them,
/// and the views reach its request data only through its return value: a word the filter missed would lose the finding.
/// </summary>
public class SourceWordFilterTests
{
    private const string Sink = """
        from django.db import connection as conn


        def search(term):
            with conn.cursor() as c:
                c.execute("SELECT * FROM p WHERE name = '%s'" % term)
        """;

    private const string Views = """
        from .sink import search
        from .annotated import read_q
        from .forms import read_form
        from .plain import read_nothing


        def v1(request):
            search(read_q(request))


        def v2(request, form):
            search(read_form(form))


        def v3(request, thing):
            search(read_nothing(thing))
        """;

    private static readonly (string, string)[] Modules =
    {
        ("shop/sink.py", Sink),
        // "Request" only in the annotation of a parameter with another name.
        ("shop/annotated.py", "from django.http import HttpRequest\n\n\ndef read_q(r: HttpRequest):\n    return r.GET[\"q\"]\n"),
        // "form" and "data" only.
        ("shop/forms.py", "def read_form(form):\n    return form.data[\"q\"]\n"),
        // None of the words: GET of something that is not a request.
        ("shop/plain.py", "def read_nothing(thing):\n    return thing.GET[\"q\"]\n"),
    };

    [Test]
    public void Request_data_returned_by_helpers_with_one_source_word_each_is_reported()
    {
        var workspace = TaintWorkspaceFixture.Project("urlpatterns = []\n", Views, Modules);
        Assert.That(TaintWorkspaceFixture.Findings(workspace, only: "DJ101"), Is.EqualTo(new[] { "DJ101:8:Error", "DJ101:12:Error" }),
            "v3's helper has no source (thing is not a request), so only v1 and v2 are reported");
    }

    [Test]
    public void Url_kwargs_read_by_a_method_of_a_routed_view_whose_module_says_only_kwargs_are_reported()
    {
        var urls = """
            from django.urls import path
            from . import views

            urlpatterns = [path("d/<str:slug>/", views.Detail.as_view())]
            """;
        var views = """
            from django.views import View
            from .sink import search


            class Detail(View):
                def get(self, req, *a, **kw):
                    search(self.term())

                def term(self):
                    return self.kwargs["slug"]
            """;
        var workspace = TaintWorkspaceFixture.Project(urls, views, ("shop/sink.py", Sink));
        Assert.That(TaintWorkspaceFixture.Findings(workspace, only: "DJ101"), Is.EqualTo(new[] { "DJ101:7:Error" }));
    }
}

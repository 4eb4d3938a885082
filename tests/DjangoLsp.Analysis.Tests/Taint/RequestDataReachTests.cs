namespace DjangoLsp.Analysis.Tests.Taint;

/// <summary>
/// The request-data pre-filter (<c>RequestDataReach</c>) skips the data flow of functions where no request data can be.
/// Each vulnerable case here has no request source in the function that holds the sink or the sinking call: the data
/// comes only through a path the filter must follow (a same-module or imported helper's return value, a chain of
/// helpers, a routed URL parameter, <c>self.kwargs</c>, a method of the class, an annotated request parameter,
/// <c>form.data</c>). A filter that misses one of them loses the finding. The safe twins have no request data at all.
/// </summary>
public class RequestDataReachTests
{
    private const string Urls = """
        from django.urls import path
        from . import views

        urlpatterns = [
            path("a3/<str:slug>/", views.a3),
            path("a4/<str:slug>/", views.A4.as_view()),
            path("b3/<int:pk>/", views.b3),
        ]
        """;

    private const string Utils = """
        from django.db import connection


        def search_products(term):
            with connection.cursor() as c:
                c.execute("SELECT * FROM p WHERE name = '%s'" % term)


        def get_term(request):
            return request.GET["q"]


        def fixed_term():
            return "shoes"
        """;

    private const string Views = """
        import os
        from django.db import connection as c
        from django.http import HttpRequest
        from django.views import View
        from .utils import search_products, get_term, fixed_term


        def term_of(request):
            return request.GET["q"]


        def outer(request):
            return inner(request)


        def inner(request):
            return request.GET["f"]


        def a1(request):
            search_products(term_of(request))  # a1


        def a2(request):
            search_products(get_term(request))  # a2


        def a3(request, slug):
            search_products(slug)  # a3


        class A4(View):
            def get(self, request, *args, **kwargs):
                search_products(self.kwargs["slug"])  # a4


        def a5(r: HttpRequest):
            search_products(r.POST["q"])  # a5


        def a6(request):
            return open(os.path.join("/srv", outer(request)))  # a6


        def a7(request):
            c.cursor().execute(f"SELECT * FROM p WHERE name = '{term_of(request)}'")  # a7


        class A8(View):
            def get(self, request):
                search_products(self.term())  # a8

            def term(self):
                return self.request.GET["q"]


        def a9(form):
            search_products(form.data["q"])  # a9


        def c1(request):
            parts = []
            for value in request.GET.getlist("v"):
                parts.append(value)
            search_products(",".join(parts))  # c1


        def c2(request):
            (q := request.GET["q"])
            search_products(q)  # c2


        def c3(request):
            first, second = request.GET["a"], "x"
            search_products(first)  # c3


        class C4(View):
            def get(self, request):
                self.term = request.GET["q"]
                search_products(self.term)  # c4


        def c5(request):
            match request.GET.get("kind"):
                case str(kind):
                    search_products(kind)  # c5


        def c6(request):
            with request.GET.get("f") as name:
                search_products(name)  # c6


        def c7(request):
            filters = {}
            filters["name"] = request.GET["q"]
            search_products(filters)  # c7


        def c8(request):
            total = ""
            total += request.GET["q"]
            search_products(total)  # c8


        def c9(request):
            words = [w for w in request.GET.getlist("w")]
            search_products(words[0])  # c9


        def b4(request):
            term = request.GET["q"]
            other = "shoes"
            search_products(other)  # b4


        def b1(request):
            search_products(fixed_term())  # b1


        def b2(request):
            return open(os.path.join("/srv", ping(3)))  # b2


        def b3(request, pk):
            search_products(pk)  # b3


        def ping(n):
            return pong(n - 1) if n else "x"


        def pong(n):
            return ping(n)
        """;

    private static Dictionary<string, string> FindingsByMarker()
    {
        var workspace = TaintWorkspaceFixture.Project(Urls, Views, ("shop/utils.py", Utils));
        var lines = Views.Split('\n');
        var byLine = TaintWorkspaceFixture.Findings(workspace).GroupBy(f => int.Parse(f.Split(':')[1]))
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(f => f.Split(':')[0] + ":" + f.Split(':')[2]).Order()));
        var result = new Dictionary<string, string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = lines[i].IndexOf("  # ", StringComparison.Ordinal);
            if (marker >= 0 && byLine.TryGetValue(i + 1, out var found)) result[lines[i][(marker + 4)..].Trim()] = found;
        }
        return result;
    }

    [TestCase("a1", "DJ101:Error", TestName = "Request data only from a same-module helper's return value reaches a sinking helper")]
    [TestCase("a2", "DJ101:Error", TestName = "Request data only from an imported helper's return value reaches a sinking helper")]
    [TestCase("a3", "DJ101:Error", TestName = "A routed str URL parameter is the only request data of the view")]
    [TestCase("a4", "DJ101:Error", TestName = "self.kwargs of a routed class-based view is the only request data")]
    [TestCase("a5", "DJ101:Error", TestName = "A parameter annotated HttpRequest under another name")]
    [TestCase("a6", "DJ160:Error", TestName = "A request-only rule (path traversal) fed through a chain of two helpers")]
    [TestCase("a7", "DJ101:Error", TestName = "Aliased connection import, SQL built from a helper's request data")]
    [TestCase("a8", "DJ101:Error", TestName = "A method of the class that reads self.request")]
    [TestCase("a9", "DJ101:Error", TestName = "form.data is request data")]
    [TestCase("c1", "DJ101:Error", TestName = "A loop variable appended to a list that is joined")]
    [TestCase("c2", "DJ101:Error", TestName = "A walrus target")]
    [TestCase("c3", "DJ101:Error", TestName = "A tuple-unpacking target")]
    [TestCase("c4", "DJ101:Error", TestName = "An attribute of self assigned from request data")]
    [TestCase("c5", "DJ101:Error", TestName = "A match capture of request data")]
    [TestCase("c6", "DJ101:Error", TestName = "A with target bound to request data")]
    [TestCase("c7", "DJ101:Error", TestName = "A dict item assignment")]
    [TestCase("c8", "DJ101:Error", TestName = "An augmented assignment")]
    [TestCase("c9", "DJ101:Error", TestName = "A comprehension over request data")]
    public void Request_data_found_only_through_the_paths_the_filter_follows_is_reported(string marker, string expected)
    {
        Assert.That(FindingsByMarker().GetValueOrDefault(marker), Is.EqualTo(expected));
    }

    [TestCase("b1", TestName = "A helper returning a constant is not request data")]
    [TestCase("b4", TestName = "A constant variable next to request data in the same view")]
    [TestCase("b2", TestName = "Mutually recursive helpers without a source are not request data")]
    [TestCase("b3", TestName = "A routed int URL parameter is not request data")]
    public void Calls_without_request_data_are_not_reported(string marker)
    {
        Assert.That(FindingsByMarker().GetValueOrDefault(marker), Is.Null);
    }
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Taint;

namespace DjangoLsp.Analysis.Rules.Python;

/// <summary>DJ150: an outgoing HTTP request to a URL taken from the incoming request.</summary>
public sealed class SsrfRule : TaintSinkRule
{
    public static readonly RuleDescriptor Descriptor = new(
        "DJ150", "ssrf-request-url", Severity.Error, RuleCategory.Ssrf,
        new[] { "A10:2021" }, new[] { "A01:2025" }, new[] { 918 },
        "requests/httpx/urllib fetch a URL that comes from the request (server-side request forgery).",
        RuleDocs.Build(
            "Finds `requests.get/post/...`, `httpx`, `urllib.request.urlopen/Request` and `urllib3` calls whose URL comes from request data.",
            "The server fetches whatever the user names: internal services (`http://localhost:8000/admin`), cloud metadata (`http://169.254.169.254/`) and files (`file://`), from inside your network.",
            """
            resp = requests.get(request.POST["image_url"], timeout=10)
            """,
            """
            url = request.POST["image_url"]
            if urlparse(url).hostname not in ALLOWED_IMAGE_HOSTS:
                raise PermissionDenied
            resp = requests.get(url, timeout=10, allow_redirects=False)
            """,
            RuleDocs.OwaspCheatSheetSsrf,
            "[CWE-918](https://cwe.mitre.org/data/definitions/918.html)"),
        "https://docs.djangoproject.com/en/stable/topics/security/");

    public SsrfRule() : base(Descriptor)
    {
    }

    protected override IReadOnlyDictionary<string, (int Position, string? Keyword)> Sinks { get; } = new Dictionary<string, (int, string?)>
    {
        ["requests.get"] = (0, "url"), ["requests.post"] = (0, "url"), ["requests.put"] = (0, "url"),
        ["requests.patch"] = (0, "url"), ["requests.delete"] = (0, "url"), ["requests.head"] = (0, "url"),
        ["requests.options"] = (0, "url"), ["requests.request"] = (1, "url"),
        ["requests.Session().get"] = (0, "url"), ["requests.Session().post"] = (0, "url"),
        ["requests.session().get"] = (0, "url"), ["requests.session().post"] = (0, "url"),
        ["httpx.get"] = (0, "url"), ["httpx.post"] = (0, "url"), ["httpx.put"] = (0, "url"), ["httpx.patch"] = (0, "url"),
        ["httpx.delete"] = (0, "url"), ["httpx.head"] = (0, "url"), ["httpx.request"] = (1, "url"), ["httpx.stream"] = (1, "url"),
        ["httpx.Client().get"] = (0, "url"), ["httpx.Client().post"] = (0, "url"),
        ["httpx.AsyncClient().get"] = (0, "url"), ["httpx.AsyncClient().post"] = (0, "url"),
        ["urllib.request.urlopen"] = (0, "url"), ["urllib.request.Request"] = (0, "url"), ["urllib.request.urlretrieve"] = (0, "url"),
        ["urllib3.PoolManager().request"] = (1, "url"), ["urllib3.request"] = (1, "url"),
        ["aiohttp.ClientSession().get"] = (0, "url"), ["aiohttp.ClientSession().post"] = (0, "url"),
    };

    protected override SinkKind Kind => SinkKind.Ssrf;
    protected override string[] Keywords => new[] { "requests", "httpx", "urllib", "aiohttp" };

    protected override string Message(string api, TaintValue taint) =>
        $"{api} fetches a URL taken from {Describe(taint, SinkKind.Ssrf)} (SSRF); allow only known hosts and schemes.";
}

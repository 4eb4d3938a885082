using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Analysis.Tests.Settings;
using NUnit.Framework;

namespace DjangoLsp.Analysis.Tests.Rules.Settings;

/// <summary>DJ310/DJ311 (csrf_exempt) and DJ330 (xframe_options_exempt) on views.</summary>
public class ViewDecoratorRuleTests
{
    private const string Imports = """
        from django.http import HttpResponse
        from django.shortcuts import render, redirect
        from django.utils.decorators import method_decorator
        from django.views import View
        from django.views.decorators.csrf import csrf_exempt
        from django.views.decorators.clickjacking import xframe_options_exempt
        from django.views.decorators.http import require_POST, require_GET

        """;

    public static readonly Dictionary<string, (string[] Vulnerable, string[] Safe)> Cases = new()
    {
        ["DJ310"] = (
            new[]
            {
                "@csrf_exempt\ndef change_email(request):\n    if request.method == \"POST\":\n        request.user.email = request.POST[\"email\"]\n        request.user.save()\n    return redirect(\"/\")\n",
                "from django.views.decorators.csrf import csrf_exempt as no_csrf\n\n@no_csrf\ndef delete_item(request, pk):\n    Item.objects.filter(pk=pk).delete()\n    return redirect(\"/\")\n",
                "from django.views.decorators import csrf\n\n@csrf.csrf_exempt\ndef upload(request):\n    handle(request.FILES[\"f\"])\n    return HttpResponse(\"ok\")\n",
                "@method_decorator(csrf_exempt, name=\"dispatch\")\nclass Webhook(View):\n    def post(self, request):\n        return HttpResponse(\"ok\")\n",
                "def webhook(request):\n    Order.objects.create(ref=request.body)\n    return HttpResponse(\"ok\")\n\nurlpatterns = [path(\"hook/\", csrf_exempt(webhook))]\n",
                "@csrf_exempt\n@require_POST\ndef ping(request):\n    return HttpResponse(\"ok\")\n",
            },
            new[]
            {
                "def csrf_exempt(f):\n    return f\n\n@csrf_exempt\ndef change(request):\n    request.user.save()\n",
                "from django.views.decorators.csrf import csrf_protect\n\n@csrf_protect\ndef change(request):\n    if request.method == \"POST\":\n        request.user.save()\n",
                "def change(request):\n    if request.method == \"POST\":\n        request.user.save()\n    return redirect(\"/\")\n",
                "@csrf_exempt\ndef feed(request):\n    return render(request, \"feed.xml\", {\"items\": Item.objects.all()})\n",
                "@require_GET\n@csrf_exempt\ndef status(request):\n    return HttpResponse(\"ok\")\n",
            }),
        ["DJ311"] = (
            new[]
            {
                "@csrf_exempt\ndef feed(request):\n    return render(request, \"feed.xml\", {\"items\": Item.objects.all()})\n",
                "@method_decorator(csrf_exempt, name=\"dispatch\")\nclass Status(View):\n    def get(self, request):\n        return HttpResponse(\"ok\")\n",
                "from api.views import Thing\nurlpatterns = [path(\"t/\", csrf_exempt(Thing.as_view()))]\n",
                "from django.views.decorators.http import require_safe\n\n@csrf_exempt\n@require_safe\ndef health(request):\n    return HttpResponse(\"ok\")\n",
                "from django.views.decorators.csrf import csrf_exempt as ce\n\n@ce\ndef search(request):\n    q = request.GET.get(\"q\", \"\")\n    return render(request, \"s.html\", {\"q\": q})\n",
            },
            new[]
            {
                "@csrf_exempt\ndef change(request):\n    request.user.save()\n",
                "def feed(request):\n    return HttpResponse(\"ok\")\n",
                "def csrf_exempt(f):\n    return f\n\n@csrf_exempt\ndef feed(request):\n    return HttpResponse(\"ok\")\n",
                "# csrf_exempt is not used here\ndef feed(request):\n    return HttpResponse(\"csrf_exempt\")\n",
                "from django.views.decorators.csrf import ensure_csrf_cookie\n\n@ensure_csrf_cookie\ndef page(request):\n    return render(request, \"p.html\")\n",
            }),
        ["DJ330"] = (
            new[]
            {
                "@xframe_options_exempt\ndef checkout(request):\n    return render(request, \"checkout.html\")\n",
                "from django.views.decorators.clickjacking import xframe_options_exempt as frameable\n\n@frameable\ndef widget(request):\n    return render(request, \"w.html\")\n",
                "from django.views.decorators import clickjacking\n\n@clickjacking.xframe_options_exempt\ndef widget(request):\n    return render(request, \"w.html\")\n",
                "@method_decorator(xframe_options_exempt, name=\"dispatch\")\nclass Embed(View):\n    def get(self, request):\n        return HttpResponse(\"ok\")\n",
                "def embed(request):\n    return HttpResponse(\"ok\")\n\nurlpatterns = [path(\"e/\", xframe_options_exempt(embed))]\n",
            },
            new[]
            {
                "from django.views.decorators.clickjacking import xframe_options_sameorigin\n\n@xframe_options_sameorigin\ndef widget(request):\n    return render(request, \"w.html\")\n",
                "from django.views.decorators.clickjacking import xframe_options_deny\n\n@xframe_options_deny\ndef widget(request):\n    return render(request, \"w.html\")\n",
                "def xframe_options_exempt(f):\n    return f\n\n@xframe_options_exempt\ndef widget(request):\n    return render(request, \"w.html\")\n",
                "def widget(request):\n    return render(request, \"w.html\")\n",
                "def widget(request):\n    return HttpResponse(\"xframe_options_exempt\")\n",
            }),
    };

    public static IEnumerable<TestCaseData> Vulnerable() =>
        Cases.SelectMany(c => c.Value.Vulnerable.Select((s, i) => new TestCaseData(c.Key, s).SetName($"{c.Key} vulnerable view #{i + 1}")));

    public static IEnumerable<TestCaseData> Safe() =>
        Cases.SelectMany(c => c.Value.Safe.Select((s, i) => new TestCaseData(c.Key, s).SetName($"{c.Key} safe view #{i + 1}")));

    private static (MemoryFiles, IReadOnlyList<Finding>) Run(string code)
    {
        var files = new MemoryFiles(("proj/shop/views.py", Imports + code));
        return (files, SettingsTestSupport.Analyze(files, "proj/shop/views.py").Where(f => f.Rule.Id != "syntax").ToList());
    }

    [TestCaseSource(nameof(Vulnerable))]
    public void VulnerableViewIsReported(string rule, string code)
    {
        var (_, findings) = Run(code);
        Assert.That(findings.Select(f => f.Rule.Id), Does.Contain(rule), string.Join("\n", findings.Select(f => f.Rule.Id + " " + f.Message)));
    }

    [TestCaseSource(nameof(Safe))]
    public void SafeViewIsNotReported(string rule, string code)
    {
        var (_, findings) = Run(code);
        Assert.That(findings.Select(f => f.Rule.Id), Does.Not.Contain(rule));
    }

    [TestCaseSource(nameof(Vulnerable))]
    public void RemovingTheDecoratorRemovesTheFinding(string rule, string code)
    {
        var (files, findings) = Run(code);
        var finding = findings.First(f => f.Rule.Id == rule);
        if (finding.Fixes.Count == 0) Assert.Pass("no fix for this form (method_decorator or call)");
        var fixedText = SettingsTestSupport.Apply(files, "proj/shop/views.py", finding.Fixes[0]);
        var after = new MemoryFiles(("proj/shop/views.py", fixedText));
        Assert.That(after.Get("proj/shop/views.py").GetPythonSyntax().HasErrors, Is.False, fixedText);
        var findingsAfter = SettingsTestSupport.Analyze(after, "proj/shop/views.py").Where(f => f.Rule.Id != "syntax").ToList();
        Assert.That(findingsAfter.Count(f => f.Rule.Id == rule), Is.LessThan(findings.Count(f => f.Rule.Id == rule)));
        Assert.That(findingsAfter.Select(f => f.Rule.Id).Except(findings.Select(f => f.Rule.Id)), Is.Empty);
    }

    [Test]
    public void FindingIsOnTheDecoratorLine()
    {
        var (files, findings) = Run("@csrf_exempt\ndef change(request):\n    request.user.save()\n");
        var text = files.Get("proj/shop/views.py").Text;
        var finding = findings.Single(f => f.Rule.Id == "DJ310");
        Assert.That(text.ToString(finding.Span), Is.EqualTo("@csrf_exempt"));
        Assert.That(finding.Message, Does.Contain("change").And.Contain(".save()"));
    }
}

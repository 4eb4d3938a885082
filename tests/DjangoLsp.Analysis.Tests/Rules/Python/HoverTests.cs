using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Rules.Python;

public class HoverTests
{
    private static HoverContent? HoverAt(string code, string marker)
    {
        var document = new AnalysisDocument("/p/app/views.py", SourceText.From(code));
        var position = code.IndexOf(marker, StringComparison.Ordinal) + 1;
        return RuleTestHelper.Engine.Hover(document, position, Array.Empty<Finding>(), new AnalysisContext(new AnalysisOptions()));
    }

    [TestCase("from django.utils.safestring import mark_safe as ms\nx = ms('<br>')\n", "ms(", "mark_safe")]
    [TestCase("from .models import P\nq = P.objects.raw('SELECT 1')\n", "raw(", "Manager.raw")]
    [TestCase("from .models import P\nq = P.objects.extra(where=['1=1'])\n", "extra(", "QuerySet.extra")]
    [TestCase("from django.views.decorators.csrf import csrf_exempt\n@csrf_exempt\ndef v(request):\n    pass\n", "csrf_exempt\ndef", "csrf_exempt")]
    [TestCase("from django.db.models.expressions import RawSQL\nx = RawSQL('SELECT 1', ())\n", "RawSQL(", "RawSQL")]
    [TestCase("from django.shortcuts import redirect\ndef v(request):\n    return redirect('/')\n", "redirect('", "url_has_allowed_host_and_scheme")]
    public void Hover_explains_the_api_contract_without_a_finding(string code, string marker, string expected)
    {
        var hover = HoverAt(code, marker);
        Assert.That(hover, Is.Not.Null);
        Assert.That(hover!.Markdown, Does.Contain(expected));
    }

    [TestCase("def mark_safe(x):\n    return x\ny = mark_safe('a')\n", "mark_safe('")]
    [TestCase("class Q:\n    def raw(self):\n        pass\nQ().raw()\n", "raw()")]
    [TestCase("x = 1\n", "x =")]
    public void No_hover_for_look_alikes(string code, string marker) => Assert.That(HoverAt(code, marker), Is.Null);
}

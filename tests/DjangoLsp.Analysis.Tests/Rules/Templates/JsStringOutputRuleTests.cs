using NUnit.Framework;
using static DjangoLsp.Analysis.Tests.Rules.Templates.TemplateRuleTestUtil;

namespace DjangoLsp.Analysis.Tests.Rules.Templates;

public class JsStringOutputRuleTests
{
    [TestCase("<script>var next = \"{{ next }}\";</script>")]
    [TestCase("<script>var next = '{{ next }}';</script>")]
    [TestCase("<script>var t = `Hello {{ name }}`;</script>")]
    [TestCase("<script>var t = `Hello {{ name|escapejs }}`;</script>")]
    [TestCase("<script>var s = \"{{ bio|safe }}\";</script>")]
    [TestCase("<script>\n  var data = \"</script><script>alert('xss')//\";\n</script><script>var q = '{{ request.GET.q }}';</script>")]
    [TestCase("{% autoescape off %}<script>var s = '{{ s }}';</script>{% endautoescape %}")]
    [TestCase("<script type=\"module\">const n = \"{{ user.first_name|upper }}\";</script>")]
    [TestCase("<SCRIPT>var n = \"{{ n|escape }}\";</SCRIPT>")]
    public void Reports(string template)
    {
        var findings = Security(template);
        Assert.That(Ids(findings), Is.EqualTo("DJ220"), string.Join("\n", findings.Select(f => f.Message)));
    }

    [TestCase("<script>var mystr = \"{{ value|escapejs }}\";</script>")]
    [TestCase("<script>var json = JSON.parse('{{ data|escapejs }}');</script>")]
    [TestCase("<script>var s = '{{ value|safe|escapejs }}';</script>")]
    [TestCase("<script>var u = \"{% url 'shop:cart' %}\";</script>")]
    [TestCase("<script>var u = \"{% url 'shop:item' item.slug %}\";</script>")]
    [TestCase("<script>var s = \"{% static 'js/app.js' %}\";</script>")]
    [TestCase("<script>var q = \"{{ q|urlencode }}\";</script>")]
    [TestCase("<script>var token = '{{ csrf_token }}';</script>")]
    [TestCase("<script>var id = \"{{ product.pk }}\"; var n = \"{{ items|length }}\";</script>")]
    [TestCase("<script>var t = `${\"{{ name|escapejs }}\"}`;</script>")]
    [TestCase("<script>var lit = \"{{ 'fixed' }}\"; var tr = \"{% translate 'Hello' %}\";</script>")]
    [TestCase("<p>\"{{ name }}\"</p>")]
    public void DoesNotReportSafeLookAlikes(string template)
    {
        Assert.That(Ids(Security(template)), Is.Empty);
    }

    [Test]
    public void MessageSaysTheContextInPlainWords()
    {
        var finding = Security("<script>var next = \"{{ next }}\";</script>").Single();
        Assert.That(finding.Message, Does.StartWith("`{{ next }}` is inside a double-quoted JavaScript string in <script>"));
        Assert.That(finding.Message, Does.Contain("HTML autoescaping does not make it safe there"));
        Assert.That(finding.Message, Does.EndWith("Add |escapejs."));
        Assert.That(finding.Rule.Owasp2021, Is.EqualTo(new[] { "A03:2021" }));
        Assert.That(finding.Rule.Owasp2025, Is.EqualTo(new[] { "A05:2025" }));
        Assert.That(finding.Rule.Cwe, Does.Contain(79));
    }

    [TestCase("<script>var next = \"{{ next }}\";</script>", "<script>var next = \"{{ next|escapejs }}\";</script>")]
    [TestCase("<script>var s = '{{ bio|safe }}';</script>", "<script>var s = '{{ bio|safe|escapejs }}';</script>")]
    [TestCase("<script>var s = '{{ bio|default:\"x\" }}';</script>", "<script>var s = '{{ bio|default:\"x\"|escapejs }}';</script>")]
    [TestCase("<script>var s = '{{bio}}';</script>", "<script>var s = '{{bio|escapejs}}';</script>")]
    [TestCase("<script>var t = `Hi {{ name }}!`;</script>", "<script>var t = `Hi ${\"{{ name|escapejs }}\"}!`;</script>")]
    [TestCase("<script>var t = `Hi {{ name|escapejs }}!`;</script>", "<script>var t = `Hi ${\"{{ name|escapejs }}\"}!`;</script>")]
    public void FixAddsEscapejs(string template, string expected)
    {
        Assert.That(AssertFixCleans(template, "DJ220"), Is.EqualTo(expected));
    }

    [Test]
    public void JsonScriptInsideAStringIsReportedWithoutAFix()
    {
        var finding = Security("<script>var s = \"{{ data|json_script:'d' }}\";</script>").Single();
        Assert.That(finding.Rule.Id, Is.EqualTo("DJ220"));
        Assert.That(finding.Fixes, Is.Empty);
    }
}

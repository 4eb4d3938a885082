using DjangoLsp.Analysis.Engine;
using NUnit.Framework;
using static DjangoLsp.Analysis.Tests.Rules.Templates.TemplateRuleTestUtil;

namespace DjangoLsp.Analysis.Tests.Rules.Templates;

public class TemplateHoverAndDialectTests
{
    private static HoverContent? HoverAt(string text, string marker, int offset = 1)
    {
        var document = Document(text);
        int position = text.IndexOf(marker, StringComparison.Ordinal) + offset;
        var context = new AnalysisContext(AnalysisOptions.Default);
        return TemplateRuleTestUtil.Engine.Hover(document, position, Array.Empty<Finding>(), context);
    }

    [TestCase("<p>{{ x|safe }}</p>", "safe", "autoescaping is skipped")]
    [TestCase("<p>{{ x|safeseq|join:\",\" }}</p>", "safeseq", "every item")]
    [TestCase("<script>var s = \"{{ x|escapejs }}\";</script>", "escapejs", "JavaScript string")]
    [TestCase("{{ x|json_script:\"d\" }}", "json_script", "JSON.parse")]
    [TestCase("{% autoescape off %}{{ x }}{% endautoescape %}", "autoescape", "turns HTML escaping off")]
    [TestCase("<form method=\"post\">{% csrf_token %}</form>", "csrf_token", "CsrfViewMiddleware")]
    public void ExplainsTheSecurityContractWithoutAFinding(string template, string marker, string expected)
    {
        var hover = HoverAt(template, marker);
        Assert.That(hover, Is.Not.Null);
        Assert.That(hover!.Markdown, Does.Contain(expected));
    }

    [Test]
    public void FilterHoverSpanIsTheFilterName()
    {
        string text = "<p>{{ x|safe }}</p>";
        var hover = HoverAt(text, "safe");
        Assert.That(text.Substring(hover!.Span.Start, hover.Span.Length), Is.EqualTo("safe"));
    }

    [TestCase("<p>{{ x|upper }}</p>", "upper")]
    [TestCase("<p>{{ x }}</p>", "x")]
    [TestCase("{% autoescape on %}{{ x }}{% endautoescape %}", "autoescape")]
    [TestCase("<p>plain safe text</p>", "safe")]
    public void NoHoverElsewhere(string template, string marker)
    {
        Assert.That(HoverAt(template, marker), Is.Null);
    }

    [Test]
    public void FindingHoverComesFromTheEngine()
    {
        string text = "<script>var next = \"{{ next }}\";</script>";
        var document = Document(text);
        var context = new AnalysisContext(AnalysisOptions.Default);
        var findings = TemplateRuleTestUtil.Engine.Analyze(document, context);
        var hover = TemplateRuleTestUtil.Engine.Hover(document, text.IndexOf("next }}", StringComparison.Ordinal), findings, context);
        Assert.That(hover!.Markdown, Does.Contain("DJ220"));
        Assert.That(hover.Markdown, Does.Contain("`|escapejs` replaces every character"));
    }

    [TestCase("/project/app/jinja2/app/page.html")]
    [TestCase("/project/app/templates/app/page.jinja")]
    public void Jinja2TemplatesGetNoFindings(string path)
    {
        string text = "<script>var x = {{ data|safe }}; var s = \"{{ s }}\";</script><a href=\"{{ u }}\" onclick=\"f({{ v }})\">x</a><form method=\"post\"></form>";
        Assert.That(Ids(Security(text, path)), Is.Empty);
        Assert.That(Ids(Security(text)), Is.Not.Empty, "the same text as a Django template is reported");
    }

    [Test]
    public void Jinja2RecognisedByContentGetsNoFindings()
    {
        string text = "{% set x = 1 %}<script>var x = {{ data|safe }};</script><form method=\"post\"></form>";
        Assert.That(Ids(Security(text)), Is.Empty);
    }

    [TestCase("/project/app/templates/registration/password_reset_subject.txt")]
    [TestCase("/project/app/templates/app/feed.xml")]
    [TestCase("/project/app/templates/app/widget.js")]
    public void NonHtmlTemplatesGetNoXssFindings(string path)
    {
        Assert.That(Ids(Security("{% autoescape off %}{{ site_name|safe }} <a href=\"{{ u }}\">{% endautoescape %}", path)), Is.Empty);
    }

    [Test]
    public void OneFindingPerOutputTheMostSpecificRuleWins()
    {
        string text = "<a href={{ u }} onclick={{ v }} style={{ s }}>x</a><script>var a = '{{ w|safe }}';</script>";
        var findings = Security(text);
        Assert.That(Ids(findings), Is.EqualTo("DJ225,DJ222,DJ223,DJ220"));
        Assert.That(findings.Select(f => f.Span).Distinct().Count(), Is.EqualTo(4));
    }

    [Test]
    public void BrokenAndBinaryLikeInputDoesNotCrash()
    {
        foreach (var text in new[] { "<script>var x = {{ ", "{% if %}<form method=post", "<a href=\"{{ x|safe", "\0\0<script>{{ x }}", "<form method=\"post\"\n", "{{ }}<script>`${{{ a }}}`</script>", "<" })
        {
            Assert.DoesNotThrow(() => Analyze(text), text);
        }
    }
}

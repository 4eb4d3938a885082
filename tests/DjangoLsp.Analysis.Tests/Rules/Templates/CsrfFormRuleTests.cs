using NUnit.Framework;
using static DjangoLsp.Analysis.Tests.Rules.Templates.TemplateRuleTestUtil;

namespace DjangoLsp.Analysis.Tests.Rules.Templates;

public class CsrfFormRuleTests
{
    [TestCase("<form method=\"post\">\n  <input name=\"email\">\n</form>")]
    [TestCase("<form METHOD=POST action=\"/orders/\"><button>Go</button></form>")]
    [TestCase("<form method='Post' action=\"{% url 'orders:cancel' order.pk %}\">\n</form>")]
    [TestCase("<form\n    class=\"x\"\n    method=\"post\">\n  {{ form.as_p }}\n</form>")]
    [TestCase("<form action=\"\" method=\"get\"><button formmethod=\"post\">Delete</button></form>")]
    [TestCase("{% if a %}<form method=\"post\">{% endif %}<input></form><form method=\"post\">{% csrf_token %}</form>")]
    public void Reports(string template)
    {
        var findings = Security(template);
        Assert.That(Ids(findings), Is.EqualTo("DJ320"));
        Assert.That(template.Substring(findings[0].Span.Start, 5), Is.EqualTo("<form"));
    }

    [TestCase("<form method=\"post\">{% csrf_token %}<input></form>")]
    [TestCase("<form method=\"get\" action=\"/search\"><input name=\"q\"></form>")]
    [TestCase("<form action=\"/search\"><input name=\"q\"></form>")]
    [TestCase("<form method=\"post\" action=\"https://payments.example.com/pay\"><input></form>")]
    [TestCase("<form method=\"post\" action=\"//other.example/x\"><input></form>")]
    [TestCase("<form method=\"post\" action=\"{{ gateway_url }}\"><input></form>")]
    [TestCase("<form method=\"{{ method }}\"><input></form>")]
    [TestCase("<form method=\"post\">{% include \"partials/csrf.html\" %}</form>")]
    [TestCase("<form method=\"post\">{% load crispy_forms_tags %}{% crispy form %}</form>")]
    [TestCase("<!-- <form method=\"post\"></form> --><script>var f = '<form method=\"post\">';</script>")]
    [TestCase("{% comment %}<form method=\"post\"></form>{% endcomment %}")]
    [TestCase("<form method=\"post\">\n  {% if x %}{% csrf_token %}{% endif %}\n</form>")]
    public void DoesNotReportSafeLookAlikes(string template)
    {
        Assert.That(Ids(Security(template).Where(f => f.Rule.Id == "DJ320")), Is.Empty);
    }

    [TestCase("<form method=\"post\">\n  <input name=\"email\">\n</form>", "<form method=\"post\">\n  {% csrf_token %}\n  <input name=\"email\">\n</form>")]
    [TestCase("  <form method=\"post\">\n      <input>\n  </form>", "  <form method=\"post\">\n      {% csrf_token %}\n      <input>\n  </form>")]
    [TestCase("<form method=\"post\"><input></form>", "<form method=\"post\">{% csrf_token %}<input></form>")]
    [TestCase("\t<form method=\"post\">\r\n\t</form>\r\n", "\t<form method=\"post\">\r\n\t\t{% csrf_token %}\r\n\t</form>\r\n")]
    [TestCase("<form method=\"post\"\n      action=\"{% url 'x' %}\">\n  {{ form }}\n</form>", "<form method=\"post\"\n      action=\"{% url 'x' %}\">\n  {% csrf_token %}\n  {{ form }}\n</form>")]
    public void FixInsertsTheTokenWithTheNextLinesIndentation(string template, string expected)
    {
        Assert.That(AssertFixCleans(template, "DJ320"), Is.EqualTo(expected));
    }

    [Test]
    public void RuleMetadata()
    {
        var rule = Security("<form method=\"post\"></form>").Single().Rule;
        Assert.That(rule.Category, Is.EqualTo("csrf"));
        Assert.That(rule.Owasp2021, Is.EqualTo(new[] { "A01:2021" }));
        Assert.That(rule.Owasp2025, Is.EqualTo(new[] { "A01:2025" }));
        Assert.That(rule.Cwe, Is.EqualTo(new[] { 352 }));
        Assert.That(rule.Documentation, Does.Contain("https://docs.djangoproject.com/en/stable/ref/csrf/"));
    }
}

public class CsrfTokenInExternalFormRuleTests
{
    [Test]
    public void TokenInAFormPostingToAnotherSiteIsReportedAndRemoved()
    {
        string template = "<form method=\"post\" action=\"https://pay.example.com/\">\n  {% csrf_token %}\n  <input name=\"a\">\n</form>\n";
        var finding = Security(template).Single();
        Assert.That(finding.Rule.Id, Is.EqualTo("DJ321"));
        Assert.That(template.Substring(finding.Span.Start, finding.Span.Length), Is.EqualTo("{% csrf_token %}"));
        Assert.That(AssertFixCleans(template, "DJ321"), Is.EqualTo("<form method=\"post\" action=\"https://pay.example.com/\">\n  <input name=\"a\">\n</form>\n"));
    }

    [Test]
    public void RemovingTheTokenFromAnExternalFormDoesNotTriggerTheMissingTokenRule()
    {
        Assert.That(Ids(Security("<form method=\"post\" action=\"https://pay.example.com/\"><input></form>")), Is.Empty);
    }

    // The rule skips templates whose text does not contain "csrf_token"; a tag written without spaces still does.
    [Test]
    public void TokenWrittenWithoutSpacesIsStillFound()
    {
        string template = "<form method=\"post\" action=\"//pay.example.com/\">{%csrf_token%}</form>\n";
        var finding = Security(template).Single(f => f.Rule.Id == "DJ321");
        Assert.That(template.Substring(finding.Span.Start, finding.Span.Length), Is.EqualTo("{%csrf_token%}"));
    }
}

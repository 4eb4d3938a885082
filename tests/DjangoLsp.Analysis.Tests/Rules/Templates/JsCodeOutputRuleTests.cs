using NUnit.Framework;
using static DjangoLsp.Analysis.Tests.Rules.Templates.TemplateRuleTestUtil;

namespace DjangoLsp.Analysis.Tests.Rules.Templates;

public class JsCodeOutputRuleTests
{
    [TestCase("<script>var x = {{ data|safe }};</script>")]
    [TestCase("<script>var x = {{ data }};</script>")]
    [TestCase("<script>var x = {{ data|escapejs }};</script>")]
    [TestCase("<script>init({{ config|safe }});</script>")]
    [TestCase("<script>var re = /{{ pattern }}/;</script>")]
    [TestCase("<script>// user: {{ user.username }}\nrun();</script>")]
    [TestCase("<script>\nvar a = 1;\n{{ extra_js|safe }}\n</script>")]
    public void Reports(string template)
    {
        Assert.That(Ids(Security(template)), Is.EqualTo("DJ221"));
    }

    [TestCase("<script>var n = {{ items|length }};</script>")]
    [TestCase("<script>var id = {{ object.pk }}; var u = {{ request.user.id }};</script>")]
    [TestCase("<script>var c = {{ forloop.counter }};</script>")]
    [TestCase("<script>var f = {{ price|floatformat:2 }}; var s = {{ 42 }}; var b = {{ True }};</script>")]
    [TestCase("<script>var p = {{ page|add:1 }};</script>")]
    [TestCase("{{ data|json_script:\"data-data\" }}<script>var d = JSON.parse(document.getElementById('data-data').textContent);</script>")]
    [TestCase("<script>var staff = {{ user.is_staff|yesno:\"true,false\" }};</script>")]
    [TestCase("{% extends \"base.html\" %}{% block js %}<script>{{ block.super }} init();</script>{% endblock %}")]
    public void DoesNotReportSafeLookAlikes(string template)
    {
        Assert.That(Ids(Security(template)), Is.Empty);
    }

    [Test]
    public void JsonScriptFixRewritesTheOutputAndAddsTheElementBeforeTheScript()
    {
        string template = "<div>\n    <script>\n      var x = {{ data|safe }};\n    </script>\n</div>\n";
        string fixedText = AssertFixCleans(template, "DJ221");
        Assert.That(fixedText, Is.EqualTo(
            "<div>\n    {{ data|json_script:\"data-data\" }}\n    <script>\n      var x = JSON.parse(document.getElementById(\"data-data\").textContent);\n    </script>\n</div>\n"));
        var fix = Security(template).Single().Fixes.Single();
        Assert.That(fix.SafeForFixAll, Is.False, "|safe suggests the view passes JSON text: the user must look");
    }

    [Test]
    public void JsonScriptFixWithoutSafeIsSafeForFixAllAndKeepsOtherFilters()
    {
        string template = "<script>var cfg = {{ user.settings|default:\"{}\" }};</script>";
        string fixedText = AssertFixCleans(template, "DJ221");
        Assert.That(fixedText, Is.EqualTo("{{ user.settings|default:\"{}\"|json_script:\"user-settings-data\" }}\n<script>var cfg = JSON.parse(document.getElementById(\"user-settings-data\").textContent);</script>"));
        Assert.That(Security(template).Single().Fixes.Single().SafeForFixAll, Is.True);
    }

    [Test]
    public void JsonScriptFixPicksAnUnusedId()
    {
        string template = "<div id=\"data-data\"></div><script>var a = {{ data }}; var b = {{ data }};</script>";
        var findings = Security(template);
        Assert.That(Ids(findings), Is.EqualTo("DJ221,DJ221"));
        var titles = findings.Select(f => f.Fixes.Single().Title).ToList();
        Assert.That(titles[0], Does.Contain("\"data-data-2\""));
        Assert.That(titles[1], Does.Contain("\"data-data-3\""));
    }

    [Test]
    public void JsonScriptFixAcrossAnIfBranchIsNotSafeForFixAll()
    {
        string template = "<script>\n{% if user.is_authenticated %}var cart = {{ cart }};{% endif %}\n</script>";
        var fix = Security(template).Single().Fixes.Single();
        Assert.That(fix.SafeForFixAll, Is.False);
        AssertFixCleans(template, "DJ221");
    }

    [TestCase("{% for row in rows %}<script>var r = {{ row }};</script>{% endfor %}")]
    [TestCase("<script>{% for row in rows %}draw({{ row }});{% endfor %}</script>")]
    [TestCase("<script>{% with d=data %}var x = {{ d }};{% endwith %}</script>")]
    [TestCase("<script>var x = obj.{{ key }};</script>")]
    [TestCase("<script>var {{ name }}_x = 1;</script>")]
    [TestCase("<script>var {{ module }} = new MapWidget(options);</script>")]
    [TestCase("<script>var w = new {{ widget_class }}(el);</script>")]
    [TestCase("<script>var o = { {{ key }}: 1 };</script>")]
    public void NoJsonScriptFixWhereHoistingChangesMeaning(string template)
    {
        var finding = Security(template).Single();
        Assert.That(finding.Rule.Id, Is.EqualTo("DJ221"));
        Assert.That(finding.Fixes, Is.Empty);
    }

    [Test]
    public void MessageExplainsEscapejsOutsideQuotes()
    {
        var finding = Security("<script>var x = {{ data|escapejs }};</script>").Single();
        Assert.That(finding.Message, Does.Contain("|escapejs only works inside a quoted string"));
    }
}

using DjangoLsp.Analysis.Engine;
using NUnit.Framework;
using static DjangoLsp.Analysis.Tests.Rules.Templates.TemplateRuleTestUtil;

namespace DjangoLsp.Analysis.Tests.Rules.Templates;

/// <summary>DJ226 (|safe, |safeseq, autoescape off) and DJ227 (hand-written JSON script blocks).</summary>
public class MarkedSafeAndScriptDataRuleTests
{
    [TestCase("<div>{{ order.gift_message|safe }}</div>", "DJ226")]
    [TestCase("<section>{% autoescape off %}{{ profile.bio }}{% endautoescape %}</section>", "DJ226")]
    [TestCase("<ul>{{ items|safeseq|join:\", \" }}</ul>", "DJ226")]
    [TestCase("<p title=\"{{ t|safe }}\">", "DJ226")]
    [TestCase("<title>{{ page_title|safe }}</title>", "DJ226")]
    [TestCase("<!-- debug: {{ dump|safe }} -->", "DJ226")]
    [TestCase("<p>{{ comment.body|safe|escape }}</p>", "DJ226")]
    [TestCase("{% autoescape off %}<p>{{ text|linebreaks }}</p>{% endautoescape %}", "DJ226")]
    [TestCase("<script type=\"text/template\"><li>{{ name|safe }}</li></script>", "DJ226")]
    [TestCase("<script type=\"application/json\">{{ data|safe }}</script>", "DJ227")]
    [TestCase("<script type=\"application/ld+json\">{\"name\": \"{{ product.name }}\"}</script>", "DJ227")]
    [TestCase("<script id=\"cfg\" type='application/json'>{{ cfg }}</script>", "DJ227")]
    [TestCase("<script type=\"importmap\">{% autoescape off %}{{ map }}{% endautoescape %}</script>", "DJ227")]
    public void Reports(string template, string ruleId)
    {
        var findings = Security(template);
        Assert.That(Ids(findings), Is.EqualTo(ruleId), string.Join("\n", findings.Select(f => f.Message)));
    }

    [TestCase("<p>{{ comment.body }}</p><p>{{ text|linebreaks }}</p><p>{{ text|urlize }}</p>")]
    [TestCase("<p>{{ '<b>fixed</b>'|safe }}</p><p>{{ 42|safe }}</p>")]
    [TestCase("<p>{{ comment.body|safe|force_escape }}</p>")]
    [TestCase("<p>{{ count|length|safe }}</p>")]
    [TestCase("{% autoescape off %}<p>{{ n|floatformat }}</p>{% endautoescape %}")]
    [TestCase("<p class=\"help\">{{ field.help_text|safe }}</p>")]
    [TestCase("{% autoescape off %}\nHello {{ user.get_username }},\nvisit {{ protocol }}://{{ domain }}/reset/\n{% endautoescape %}")]
    [TestCase("<script type=\"text/template\"><li>{{ name }}</li></script>")]
    [TestCase("{{ data|json_script:\"data\" }}")]
    [TestCase("<script type=\"application/json\">{\"v\": {{ version|floatformat:0 }}}</script>")]
    public void DoesNotReportSafeLookAlikes(string template)
    {
        Assert.That(Ids(Security(template)), Is.Empty);
    }

    [Test]
    public void RemoveSafeFix()
    {
        Assert.That(AssertFixCleans("<div>{{ order.gift_message|safe }}</div>", "DJ226"), Is.EqualTo("<div>{{ order.gift_message }}</div>"));
        Assert.That(Security("<div>{{ m|safe }}</div>").Single().Fixes.Single().SafeForFixAll, Is.False);
    }

    [Test]
    public void AutoescapeOffFixForcesEscaping()
    {
        Assert.That(AssertFixCleans("<p>{% autoescape off %}{{ profile.bio }}{% endautoescape %}</p>", "DJ226"),
            Is.EqualTo("<p>{% autoescape off %}{{ profile.bio|force_escape }}{% endautoescape %}</p>"));
    }

    [Test]
    public void EscapedJsonBlockIsOnlyInformation()
    {
        var finding = Security("<script id=\"cfg\" type=\"application/json\">{{ cfg }}</script>").Single();
        Assert.That(finding.Severity, Is.EqualTo(Severity.Information));
        var unsafeFinding = Security("<script type=\"application/json\">{{ cfg|safe }}</script>").Single();
        Assert.That(unsafeFinding.Severity, Is.EqualTo(Severity.Error));
    }

    [Test]
    public void JsonBlockFixBecomesJsonScript()
    {
        Assert.That(AssertFixCleans("<div>\n<script id=\"cart-data\" type=\"application/json\">\n  {{ cart_json|safe }}\n</script>\n</div>", "DJ227"),
            Is.EqualTo("<div>\n{{ cart_json|json_script:\"cart-data\" }}\n</div>"));
    }

    [Test]
    public void JsonBlockWithOtherAttributesHasNoFix()
    {
        Assert.That(Security("<script id=\"c\" nonce=\"{{ nonce }}\" type=\"application/json\">{{ c|safe }}</script>").Single().Fixes, Is.Empty);
    }
}

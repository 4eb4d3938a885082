namespace DjangoLsp.Templates.Syntax.Tests;

/// <summary>escaped_for_context: autoescape, the filter chain and the context together.</summary>
public class EscapingTests
{
    [TestCase("<p>{{ x }}</p>", true)]
    [TestCase("<p>{{ x|safe }}</p>", false)]
    [TestCase("<p>{{ x|safe|upper }}</p>", true)]
    [TestCase("<p>{{ x|safe|lower }}</p>", false)]
    [TestCase("<p>{{ x|escape|safe }}</p>", true)]
    [TestCase("<p>{{ x|force_escape }}</p>", true)]
    [TestCase("{% autoescape off %}<p>{{ x }}</p>{% endautoescape %}", false)]
    [TestCase("{% autoescape off %}<p>{{ x|escape }}</p>{% endautoescape %}", true)]
    [TestCase("{% autoescape off %}{% autoescape on %}<p>{{ x }}</p>{% endautoescape %}{% endautoescape %}", true)]
    [TestCase("{% autoescape off %}{% filter force_escape %}<p>{{ x }}</p>{% endfilter %}{% endautoescape %}", true)]
    [TestCase("{% autoescape off %}{% filter escape %}<p>{{ x }}</p>{% endfilter %}{% endautoescape %}", false)]
    [TestCase("<p>{{ x|linebreaks }}</p>", true)]
    [TestCase("{% autoescape off %}{{ x|linebreaksbr }}{% endautoescape %}", false)]
    [TestCase("<p>{{ x|urlize }}</p>", true)]
    [TestCase("<p>{{ x|striptags|safe }}</p>", false)]
    [TestCase("<p>{{ x|truncatechars_html:20 }}</p>", true)]
    [TestCase("<p>{{ x|json_script:'data' }}</p>", true)]
    [TestCase("<script>var d = {{ x|json_script:'data' }};</script>", false)]
    [TestCase("<p>{{ \"<b>literal</b>\" }}</p>", true)]
    [TestCase("<p>{{ _(\"Hello\") }}</p>", true)]
    [TestCase("<p>{{ 42 }}</p>", true)]
    [TestCase("<title>{{ x }}</title>", true)]
    [TestCase("<!-- {{ x }} -->", true)]
    [TestCase("<div class=\"{{ c }}\">", true)]
    [TestCase("<div class='{{ c }}'>", true)]
    [TestCase("<div class={{ c }}>", false)]
    [TestCase("<div class={{ c|urlencode }}>", true)]
    [TestCase("<div class={{ items|length }}>", true)]
    [TestCase("<div {{ attrs }}>", false)]
    [TestCase("<a href=\"{{ u }}\">", false)]
    [TestCase("<a href=\"{{ u|urlencode }}\">", true)]
    [TestCase("<a href=\"{{ u|iriencode }}\">", false)]
    [TestCase("<a href=\"/x/{{ u }}\">", true)]
    [TestCase("<a href=/x/{{ u }}>", false)]
    [TestCase("<a href=\"{% url 'home' %}\">", true)]
    [TestCase("<a href=\"{{ page|add:1 }}\">", true)]
    [TestCase("<a href=\"javascript:go('{{ u|escapejs }}')\">", false)]
    [TestCase("<a onclick=\"f({{ v }})\">", false)]
    [TestCase("<a onclick=\"f('{{ v }}')\">", false)]
    [TestCase("<a onclick='f(\"{{ v|escapejs }}\")'>", true)]
    [TestCase("<a onclick=f('{{ v|escapejs }}')>", false)]
    [TestCase("<p style=\"color: {{ c }}\">", false)]
    [TestCase("<p style=\"width: {{ w|floatformat }}px\">", true)]
    [TestCase("<script>var x = {{ data|safe }};</script>", false)]
    [TestCase("<script>var x = {{ data }};</script>", false)]
    [TestCase("<script>var x = {{ data|escapejs }};</script>", false)]
    [TestCase("<script>var n = {{ items|length }};</script>", true)]
    [TestCase("<script>var mystr = \"{{ value|escapejs }}\";</script>", true)]
    [TestCase("<script>var json = JSON.parse('{{ data|escapejs }}');</script>", true)]
    [TestCase("<script>var s = '{{ v }}';</script>", false)]
    [TestCase("<script>var s = '{{ v|addslashes }}';</script>", false)]
    [TestCase("<script>var s = `{{ v|escapejs }}`;</script>", false)]
    [TestCase("<script>var s = '{{ v|escapejs|safe }}';</script>", true)]
    [TestCase("{% autoescape off %}<script>var s = '{{ v|escapejs }}';</script>{% endautoescape %}", true)]
    [TestCase("<script>{% filter escapejs %}var s = '{{ v }}';{% endfilter %}</script>", true)]
    [TestCase("<script type=\"application/json\">{{ v }}</script>", true)]
    [TestCase("<script type=\"application/json\">{{ v|safe }}</script>", false)]
    [TestCase("<style>p { color: {{ c }} }</style>", false)]
    [TestCase("<iframe srcdoc=\"{{ d }}\">", false)]
    [TestCase("<iframe srcdoc=\"{{ d|force_escape }}\">", false)]
    [TestCase("<iframe srcdoc=\"{{ d|force_escape|force_escape }}\">", true)]
    [TestCase("<meta http-equiv=\"refresh\" content=\"0; url={{ u }}\">", false)]
    [TestCase("<meta http-equiv=\"refresh\" content=\"0; url={{ u|urlencode }}\">", true)]
    [TestCase("<p>{{ x|unknownfilter }}</p>", true)]
    [TestCase("<p>{% autoescape off %}{{ x|unknownfilter }}{% endautoescape %}</p>", false)]
    [TestCase("<p>{{ flag|yesno:'a,b' }}</p>", true)]
    [TestCase("{% autoescape off %}<p>{{ flag|yesno:choices }}</p>{% endautoescape %}", false)]
    [TestCase("{% autoescape off %}<p>{{ d|date:'Y-m-d' }}</p>{% endautoescape %}", true)]
    [TestCase("{% autoescape off %}<p>{{ x|default:'none' }}</p>{% endautoescape %}", false)]
    [TestCase("{% autoescape off %}<p>{% firstof a b %}</p>{% endautoescape %}", false)]
    [TestCase("<p>{% firstof a|safe 'x' %}</p>", false)]
    [TestCase("<p>{% firstof 'a' 'b' %}</p>", true)]
    [TestCase("<script>var s = '{% trans \"Hello\" %}';</script>", true)]
    [TestCase("{% autoescape off %}<p>{% blocktrans %}Hi {{ name }}{% endblocktrans %}</p>{% endautoescape %}", false)]
    [TestCase("<p>{% blocktrans with n=name|safe %}Hi {{ n }}{% endblocktrans %}</p>", false)]
    [TestCase("<p>{% blocktrans with n=name %}Hi {{ n }}{% endblocktrans %}</p>", true)]
    public void EscapedForContext(string template, bool expected)
    {
        var output = TestUtil.Single(template);
        Assert.That(output.EscapedForContext, Is.EqualTo(expected), $"{output.Context.Name}: {output.Reason}");
    }

    [Test]
    public void FiltersAndAutoescapeAreReported()
    {
        var output = TestUtil.Single("{% autoescape off %}{% filter lower|force_escape %}{{ x|default:'a'|safe }}{% endfilter %}{% endautoescape %}");
        Assert.That(output.Autoescape, Is.False);
        Assert.That(output.Filters, Is.EqualTo(new[] { "default", "safe", "lower", "force_escape" }));
        Assert.That(output.Escaping.Encoding, Is.EqualTo(OutputEncoding.Html));
    }

    [Test]
    public void FilterCatalogClassifiesTheBriefsFilters()
    {
        Assert.That(FilterCatalog.Get("safe")!.Effect, Is.EqualTo(FilterEffect.MarksSafe));
        Assert.That(FilterCatalog.Get("safeseq")!.Effect, Is.EqualTo(FilterEffect.MarksSafe));
        Assert.That(FilterCatalog.Get("escape")!.Effect, Is.EqualTo(FilterEffect.EscapesHtml));
        Assert.That(FilterCatalog.Get("force_escape")!.Effect, Is.EqualTo(FilterEffect.EscapesHtml));
        Assert.That(FilterCatalog.Get("escapejs")!.Effect, Is.EqualTo(FilterEffect.EscapesJs));
        Assert.That(FilterCatalog.Get("json_script")!.Effect, Is.EqualTo(FilterEffect.JsonScript));
        Assert.That(FilterCatalog.Get("urlencode")!.Effect, Is.EqualTo(FilterEffect.EscapesUrl));
        Assert.That(FilterCatalog.Get("iriencode")!.Effect, Is.EqualTo(FilterEffect.Neutral));
        Assert.That(FilterCatalog.Get("linebreaks")!.Effect, Is.EqualTo(FilterEffect.EscapesHtmlWhenAutoescaping));
        Assert.That(FilterCatalog.Get("urlizetrunc")!.Effect, Is.EqualTo(FilterEffect.EscapesHtmlWhenAutoescaping));
        Assert.That(FilterCatalog.Get("filesizeformat")!.Effect, Is.EqualTo(FilterEffect.ProducesInertValue));
        Assert.That(FilterCatalog.Get("addslashes")!.Effect, Is.EqualTo(FilterEffect.Neutral));
        Assert.That(FilterCatalog.Get("no_such_filter"), Is.Null);
    }
}

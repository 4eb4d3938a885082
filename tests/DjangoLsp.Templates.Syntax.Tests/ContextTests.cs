namespace DjangoLsp.Templates.Syntax.Tests;

/// <summary>Where an output lands: one case per context, positives and negatives, and browser corner cases.</summary>
public class ContextTests
{
    [TestCase("<p>{{ x }}</p>", "html-text")]
    [TestCase("{{ x }}", "html-text")]
    [TestCase("a < {{ x }}", "html-text")]
    [TestCase("<title>{{ x }}</title>{{ y }}", "rcdata,html-text")]
    [TestCase("<TEXTAREA name=a>{{ x }}</textarea >{{ y }}", "rcdata,html-text")]
    [TestCase("<!-- {{ x }} --> {{ y }}", "html-comment,html-text")]
    [TestCase("<!-- <script> {{ x }} </script> --> {{ y }}", "html-comment,html-text")]
    [TestCase("<!DOCTYPE {{ x }}>{{ y }}", "html-comment,html-text")]
    [TestCase("<div {{ attrs }}>{{ y }}", "attr-name,html-text")]
    [TestCase("<{{ tag }}>", "attr-name")]
    [TestCase("<input type=\"text\"{{ attrs }}>", "attr-name")]
    [TestCase("<div class=\"{{ c }}\" id='{{ i }}' title={{ t }}>", "attr-double,attr-single,attr-unquoted")]
    [TestCase("<div title=a{{ t }}>{{ y }}", "attr-unquoted,html-text")]
    [TestCase("<div title={{ t }}>{{ y }}", "attr-unquoted,html-text")]
    [TestCase("<div title = \"{{ t }}\" >", "attr-double")]
    [TestCase("<DIV CLASS=\"{{ c }}\">", "attr-double")]
    [TestCase("<a href=\"{{ u }}\">", "url-start")]
    [TestCase("<a href=\"  {{ u }}\">", "url-start")]
    [TestCase("<a href=\"/x/{{ u }}\">", "url-rest")]
    [TestCase("<a href=\"{{ a }}{{ b }}\">", "url-start,url-rest")]
    [TestCase("<a href={{ u }}>", "url-start-unquoted")]
    [TestCase("<a href=/x/{{ u }}>", "url-rest-unquoted")]
    [TestCase("<A HREF='{{ u }}'>", "url-start")]
    [TestCase("<img src=\"{{ u }}\"><form action=\"{{ a }}\"><button formaction=\"{{ b }}\">", "url-start,url-start,url-start")]
    [TestCase("<video poster=\"{{ p }}\"><object data=\"{{ d }}\"><blockquote cite=\"{{ c }}\">", "url-start,url-start,url-start")]
    [TestCase("<svg><a xlink:href=\"{{ u }}\"></a></svg><html manifest=\"{{ m }}\"><a ping=\"{{ p }}\">", "url-start,url-start,url-start")]
    [TestCase("<img data-src=\"{{ u }}\" data-x=\"{{ v }}\">", "url-start,attr-double")]
    [TestCase("<img srcset=\"{{ a }} 1x, {{ b }} 2x\">", "url-start,url-start")]
    [TestCase("<a onclick=\"{{ v }}\">", "event-handler")]
    [TestCase("<a ONCLICK=f({{ v }})>", "event-handler-unquoted")]
    [TestCase("<a onmouseover='go()' title=\"{{ t }}\">", "attr-double")]
    [TestCase("<p style=\"color: {{ c }}\">", "style-attr")]
    [TestCase("<p style={{ c }}>", "style-attr-unquoted")]
    [TestCase("<script>var x = {{ data|safe }};</script>{{ y }}", "js-code,html-text")]
    [TestCase("<script>var mystr = \"{{ value|escapejs }}\";</script>", "js-string-double")]
    [TestCase("<script>var json = JSON.parse('{{ data|escapejs }}');</script>", "js-string-single")]
    [TestCase("<script>var t = `a ${ {{ x }} } {{ y }}`;</script>", "js-code,js-template-literal")]
    [TestCase("<script>var t = `a ${ {a: 1}[k] } {{ y }}`; {{ z }}</script>", "js-template-literal,js-code")]
    [TestCase("<script>var r = /a{{ x }}/; var d = a / {{ y }};</script>", "js-regex,js-code")]
    [TestCase("<script>x = (a) / {{ y }} / 2;</script>", "js-code")]
    [TestCase("<script>return /{{ y }}/.test(s);</script>", "js-regex")]
    [TestCase("<script>var s = 'it\\'s {{ x }}';</script>", "js-string-single")]
    [TestCase("<script>// {{ x }}\n/* {{ y }} */ {{ z }}</script>", "js-comment,js-comment,js-code")]
    [TestCase("<script>var s = \"</script>{{ x }}\";</script>", "html-text")]
    [TestCase("<script>var s = '</SCRIPT >{{ x }}';</script>", "html-text")]
    [TestCase("<script>var s = \"</scripty>{{ x }}\";</script>", "js-string-double")]
    [TestCase("<script type=\"application/json\">{{ x }}</script>{{ y }}", "script-other,html-text")]
    [TestCase("<script type=\"text/template\"><a href=\"{{ x }}\"></a></script>", "script-other")]
    [TestCase("<script type=\"text/javascript\">{{ x }}</script>", "js-code")]
    [TestCase("<script type=module>{{ x }}</script>", "js-code")]
    [TestCase("<SCRIPT TYPE=\"TEXT/JAVASCRIPT\">f('{{ x }}')</SCRIPT>", "js-string-single")]
    [TestCase("<script type=\"{{ t }}\">{{ x }}</script>", "attr-double,js-code")]
    [TestCase("<style>a { color: {{ c }} }</style>{{ y }}", "css,html-text")]
    [TestCase("<iframe srcdoc=\"{{ d }}\"></iframe>", "srcdoc")]
    [TestCase("<div srcdoc=\"{{ d }}\"></div>", "attr-double")]
    [TestCase("<meta http-equiv=\"refresh\" content=\"0; url={{ u }}\">", "meta-refresh")]
    [TestCase("<meta name=\"description\" content=\"{{ d }}\">", "attr-double")]
    [TestCase("<a href=\"javascript:{{ x }}\">", "url-rest")]
    [TestCase("<script>{% if a %}var x = '{% else %}var y = \"{% endif %}{{ v }}\";</script>", "js-string-single")]
    [TestCase("<script>{% if a %}</script>{% endif %}{{ v }}", "html-text")]
    [TestCase("{% comment %}<script>{% endcomment %}{{ v }}", "html-text")]
    [TestCase("{# <script> #}{{ v }}", "html-text")]
    [TestCase("{% verbatim %}<script>{% endverbatim %}{{ v }}", "js-code")]
    [TestCase("<a title=\"{% trans 'x' %}\" href=\"{% url 'home' %}\">{% firstof a b %}</a>", "attr-double,url-start,html-text")]
    [TestCase("<script>var u = \"{% url 'api' %}\"; var s = '{% static 'x.js' %}';</script>", "js-string-double,js-string-single")]
    [TestCase("<p>{% now 'Y' %} {% cycle 'a' 'b' %} {% csrf_token %}</p>", "html-text,html-text,html-text")]
    [TestCase("{% url 'home' as u %}{% trans 'x' as t %}{% cycle 'a' 'b' as c silent %}", "")]
    [TestCase("<p>{% blocktranslate with n=user.name %}Hi {{ n }}{% endblocktranslate %}</p>", "html-text")]
    [TestCase("<a title=\"{% blocktrans count counter=n %}{{ counter }} item{% plural %}{{ counter }} items{% endblocktrans %}\">", "attr-double,attr-double")]
    [TestCase("{% blocktrans asvar t %}Hi {{ n }}{% endblocktrans %}{{ t }}", "html-text")]
    public void OutputContexts(string template, string expected)
    {
        Assert.That(string.Join(",", TestUtil.Contexts(template)), Is.EqualTo(expected));
    }

    [Test]
    public void EventHandlerKnowsTheJavaScriptPosition()
    {
        var output = TestUtil.Single("<a onclick='f(\"{{ v|escapejs }}\")'>x</a>");
        Assert.That(output.Context.Name, Is.EqualTo("event-handler"));
        Assert.That(output.Context.JsState, Is.EqualTo(OutputContextKind.JsStringDouble));
        Assert.That(output.Context.AttributeName, Is.EqualTo("onclick"));
        Assert.That(output.EscapedForContext, Is.True);
    }

    [Test]
    public void EntityEncodedQuotesInEventHandlersAreQuotesToJavaScript()
    {
        var output = TestUtil.Single("<a onclick=\"f(&quot;{{ v }}&quot;)\">x</a>");
        Assert.That(output.Context.JsState, Is.EqualTo(OutputContextKind.JsStringDouble));
        var code = TestUtil.Single("<a onclick=\"f(&quot;a&quot;, {{ v }})\">x</a>");
        Assert.That(code.Context.JsState, Is.EqualTo(OutputContextKind.JsCode));
    }

    [Test]
    public void ScriptPayloadInsideAStringStillEndsTheScript()
    {
        // data="</script><script>alert('xss')//": whatever the JS state, "</script" closes the element, so what
        // follows is HTML and the next <script> starts fresh JS code.
        var contexts = TestUtil.Contexts("<script>var data = \"</script><script>alert('{{ x }}')//{{ y }}\";</script>{{ z }}");
        Assert.That(contexts, Is.EqualTo(new[] { "js-string-single", "js-comment", "html-text" }));
    }

    [Test]
    public void ContextRecordsElementAndAttribute()
    {
        var output = TestUtil.Single("<IMG SRC=\"{{ u }}\">");
        Assert.That(output.Context.ElementName, Is.EqualTo("img"));
        Assert.That(output.Context.AttributeName, Is.EqualTo("src"));
        Assert.That(output.Context.Quote, Is.EqualTo(AttributeQuote.Double));
    }

    [Test]
    public void JavascriptUrlIsFlagged()
    {
        Assert.That(TestUtil.Single("<a href=\" JavaScript:go({{ x }})\">").Context.IsJavascriptUrl, Is.True);
        Assert.That(TestUtil.Single("<a href=\"/js/javascript:{{ x }}\">").Context.IsJavascriptUrl, Is.False);
        Assert.That(TestUtil.Single("<a href=\"https://x/{{ x }}\">").Context.IsJavascriptUrl, Is.False);
    }

    [Test]
    public void ChildTemplateBlocksStartInHtmlTextWithoutTheParent()
    {
        var contexts = TestUtil.Contexts("{% extends 'base.html' %}<script>{% block a %}{{ x }}{% endblock %}{{ ignored }}{% block b %}<b title=\"{{ y }}\">{% endblock %}");
        Assert.That(contexts, Is.EqualTo(new[] { "html-text", "attr-double" }));
    }
}

using NUnit.Framework;
using static DjangoLsp.Analysis.Tests.Rules.Templates.TemplateRuleTestUtil;

namespace DjangoLsp.Analysis.Tests.Rules.Templates;

/// <summary>DJ222 (JavaScript in attributes), DJ223 (CSS), DJ224 (unquoted / tag interior), DJ225 (URL start), DJ228 (srcdoc).</summary>
public class AttributeRuleTests
{
    [TestCase("<a onclick=\"f('{{ v }}')\">x</a>", "DJ222")]
    [TestCase("<a href=\"#\" onclick=\"shareProduct('{{ product.name }}'); return false;\">Share</a>", "DJ222")]
    [TestCase("<button onclick=\"select({{ choice }})\">x</button>", "DJ222")]
    [TestCase("<img src=x onerror=\"log(&quot;{{ msg }}&quot;)\">", "DJ222")]
    [TestCase("<body onload=init({{ cfg }})>", "DJ222")]
    [TestCase("<a href=\"javascript:go('{{ target|urlencode }}')\">go</a>", "DJ222")]
    [TestCase("<a onclick=\"f('{{ v|safe }}')\">x</a>", "DJ222")]
    [TestCase("<div style=\"background-color: {{ profile.theme_color }}\">", "DJ223")]
    [TestCase("<style>.banner { color: {{ color }}; }</style>", "DJ223")]
    [TestCase("<style>{{ custom_css|safe }}</style>", "DJ223")]
    [TestCase("<p style='width: {{ w }}px'>", "DJ223")]
    [TestCase("<span style=color:{{ c }}>", "DJ223")]
    [TestCase("<input type=\"search\" name=\"q\" value={{ q }}>", "DJ224")]
    [TestCase("<td class={{ css_class }}>", "DJ224")]
    [TestCase("<a href=/search/{{ term }}>", "DJ224")]
    [TestCase("<div {{ extra }}>", "DJ224")]
    [TestCase("<input value={{ q|default:\"\" }} />", "DJ224")]
    [TestCase("<input{% for name, value in request.GET.items %} {{ name }}=\"{{ value }}\"{% endfor %}>", "DJ224")]
    [TestCase("<a href=\"{{ profile.website }}\">site</a>", "DJ225")]
    [TestCase("<a href=\"{{ request.GET.next }}\">back</a>", "DJ225")]
    [TestCase("<form action=\"{{ next_url }}\" method=\"get\"></form>", "DJ225")]
    [TestCase("<iframe src=\"{{ embed }}\"></iframe>", "DJ225")]
    [TestCase("<meta http-equiv=\"refresh\" content=\"0;url={{ u }}\">", "DJ225")]
    [TestCase("<a href={{ link.url }}>x</a>", "DJ225")]
    [TestCase("<script src=\"{{ cdn }}/app.js\"></script>", "DJ225")]
    [TestCase("<iframe srcdoc=\"{{ preview_html }}\"></iframe>", "DJ228")]
    [TestCase("<iframe sandbox srcdoc=\"<p>{{ body|escape }}</p>\"></iframe>", "DJ228")]
    public void Reports(string template, string ruleId)
    {
        var findings = Security(template);
        Assert.That(Ids(findings), Is.EqualTo(ruleId), string.Join("\n", findings.Select(f => f.Message)));
    }

    [TestCase("<a onclick=\"f('{{ v|escapejs }}')\">x</a>")]
    [TestCase("<a onclick='f(\"{{ v|escapejs }}\")'>x</a>")]
    [TestCase("<button onclick=\"remove({{ item.pk }})\">x</button>")]
    [TestCase("<a onclick=\"toggle('v{{ frame.id }}')\">x</a>")]
    [TestCase("<div data-name=\"{{ name }}\" class=\"{{ css }}\" title='{{ t }}'>")]
    [TestCase("<div style=\"width: {{ progress|floatformat:0 }}%\">")]
    [TestCase("<style>.c { width: {{ n|add:2 }}px }</style>")]
    [TestCase("<input value=\"{{ q }}\"><input value='{{ q }}'>")]
    // Django's forms/widgets/attrs.html: keys of the widget's attrs dict (built in Python) are attribute names by design.
    [TestCase("<input{% for name, value in widget.attrs.items %}{% if value is not False %} {{ name }}{% if value is not True %}=\"{{ value|stringformat:'s' }}\"{% endif %}{% endif %}{% endfor %}>")]
    [TestCase("<input value={{ count|length }}><a href={% url 'home' %}>h</a>")]
    [TestCase("<a href=\"/x/{{ u }}\">x</a><a href=\"?q={{ q|urlencode }}\">y</a>")]
    [TestCase("<a href=\"{% url 'accounts:profile' user.pk %}\">p</a>")]
    [TestCase("<link rel=\"stylesheet\" href=\"{% static 'css/site.css' %}\">")]
    [TestCase("<a href=\"{{ object.get_absolute_url }}\">o</a>")]
    [TestCase("<img src=\"{{ product.image.url }}\" alt=\"{{ product.name }}\">")]
    [TestCase("<img src=\"{{ user.avatar_url }}\"><video poster=\"{{ poster }}\"></video>")]
    [TestCase("<a href=\"{{ url|urlencode }}\">x</a>")]
    [TestCase("<script src=\"{{ STATIC_URL }}js/app.js\"></script>")]
    [TestCase("<a href=\"{{ 'https://example.com' }}\">x</a>")]
    [TestCase("<meta http-equiv=\"refresh\" content=\"5\"><meta name=\"description\" content=\"{{ d }}\">")]
    [TestCase("<iframe srcdoc=\"{{ html|force_escape|force_escape }}\"></iframe>")]
    [TestCase("<th scope=\"col\"{{ header.class_attrib }}>")]
    [TestCase("<a href=\"{{ request.path }}?page=2\">n</a><link rel=\"canonical\" href=\"{{ request.build_absolute_uri }}\">")]
    public void DoesNotReportSafeLookAlikes(string template)
    {
        Assert.That(Ids(Security(template)), Is.Empty);
    }

    [Test]
    public void EventHandlerStringFixAddsEscapejs()
    {
        Assert.That(AssertFixCleans("<a onclick=\"f('{{ v }}')\">x</a>", "DJ222"), Is.EqualTo("<a onclick=\"f('{{ v|escapejs }}')\">x</a>"));
    }

    [Test]
    public void EventHandlerCodeHasNoFix()
    {
        Assert.That(Security("<button onclick=\"select({{ choice }})\">x</button>").Single().Fixes, Is.Empty);
    }

    [TestCase("<input type=\"search\" name=\"q\" value={{ q }}>", "<input type=\"search\" name=\"q\" value=\"{{ q }}\">")]
    [TestCase("<input value={{ q }}/>", "<input value=\"{{ q }}/\">")]
    [TestCase("<td class=row-{{ kind }} id=x>", "<td class=\"row-{{ kind }}\" id=x>")]
    [TestCase("<input value= {{ q|default:\"none\" }}>", "<input value= '{{ q|default:\"none\" }}'>")]
    [TestCase("<a href=/search/{{ term }}>s</a>", "<a href=\"/search/{{ term }}\">s</a>")]
    public void UnquotedFixAddsQuotes(string template, string expected)
    {
        Assert.That(AssertFixCleans(template, "DJ224"), Is.EqualTo(expected));
    }

    [Test]
    public void SrcdocFixEscapesTwice()
    {
        Assert.That(AssertFixCleans("<iframe srcdoc=\"{{ preview_html }}\"></iframe>", "DJ228"),
            Is.EqualTo("<iframe srcdoc=\"{{ preview_html|force_escape|force_escape }}\"></iframe>"));
    }

    [Test]
    public void UrlStartMessageMentionsJavascriptUrlAndIsAWarning()
    {
        var finding = Security("<a href=\"{{ profile.website }}\">site</a>").Single();
        Assert.That(finding.Severity, Is.EqualTo(DjangoLsp.Analysis.Engine.Severity.Warning));
        Assert.That(finding.Message, Does.Contain("javascript: URL"));
        Assert.That(finding.Message, Does.StartWith("`{{ profile.website }}` starts the href URL"));
    }

    [Test]
    public void UnquotedUrlStartGetsOneFindingFromTheMoreSpecificRule()
    {
        var findings = Security("<a href={{ profile.website }}>x</a>");
        Assert.That(Ids(findings), Is.EqualTo("DJ225"));
        Assert.That(findings[0].Message, Does.Contain("unquoted"));
    }
}

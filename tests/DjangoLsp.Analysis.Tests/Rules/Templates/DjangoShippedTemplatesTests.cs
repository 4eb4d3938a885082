using DjangoLsp.Analysis.Engine;
using NUnit.Framework;

namespace DjangoLsp.Analysis.Tests.Rules.Templates;

/// <summary>All template rules over every template shipped with Django: no crash, and exactly the reviewed findings.</summary>
public class DjangoShippedTemplatesTests
{
    /// <summary>
    /// Reviewed by hand (Django 4.2 as packaged by Debian). All are in the GeoDjango OpenLayers widget templates, which
    /// print widget values (field name, JS module name, SRID, map size) into JavaScript and CSS without context escaping:
    /// true positives for the template (copies of it in a project should use escapejs/json_script), though the values
    /// Django itself passes are developer-controlled. Everything else Django ships is clean; the false positives the
    /// first run found (admin URLs, help_text|safe, plain-text e-mails, .txt/.js/.kml/.xml templates, a constant
    /// {% url %} in a javascript: bookmarklet, the widget attrs keys of forms/widgets/attrs.html once it is seen inside
    /// the &lt;input&gt; tag that includes it) are negative tests in the rule test classes. docs/django-templates-scan.md
    /// lists every finding with its verdict.
    /// </summary>
    private static readonly string[] Reviewed =
    {
        "DJ223 contrib/gis/templates/gis/admin/openlayers.html:4",
        "DJ223 contrib/gis/templates/gis/admin/openlayers.html:4",
        "DJ222 contrib/gis/templates/gis/admin/openlayers.html:26",
        "DJ221 contrib/gis/templates/gis/admin/openlayers.html:30",
        // openlayers-osm.html overrides {% block options %}, which openlayers.html opens inside <script>: found through
        // the template graph (the single-file view starts the block in HTML text).
        "DJ221 contrib/gis/templates/gis/openlayers-osm.html:5",
        "DJ221 contrib/gis/templates/gis/openlayers-osm.html:6",
        "DJ221 contrib/gis/templates/gis/openlayers-osm.html:7",
        "DJ223 contrib/gis/templates/gis/openlayers.html:3",
        "DJ223 contrib/gis/templates/gis/openlayers.html:3",
        "DJ222 contrib/gis/templates/gis/openlayers.html:12",
        "DJ220 contrib/gis/templates/gis/openlayers.html:30",
        "DJ221 contrib/gis/templates/gis/openlayers.html:34",
        "DJ220 contrib/gis/templates/gis/openlayers.html:35",
        "DJ221 contrib/gis/templates/gis/openlayers.html:38",
    };

    [Test]
    public void EveryDjangoTemplateIsAnalysedWithoutCrashingAndGivesOnlyTheReviewedFindings()
    {
        var files = TemplateRuleTestUtil.DjangoTemplateFiles();
        if (files.Count == 0)
        {
            Assert.Ignore("python3-django is not installed");
        }

        var found = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long bytes = 0;
        foreach (var path in files)
        {
            string text = File.ReadAllText(path);
            bytes += text.Length;
            foreach (var finding in TemplateRuleTestUtil.Security(text, path))
            {
                string relative = Path.GetRelativePath(TemplateRuleTestUtil.DjangoRoot, path).Replace('\\', '/');
                string line = $"{finding.Rule.Id} {relative}:{TemplateRuleTestUtil.Line(text, finding)}";
                found.Add(line);
                TestContext.Out.WriteLine($"{line} {finding.Severity.ToName()}: {finding.Message}");
            }
        }

        // A number for the report, not a speed assertion: parse + context walk + every analyzer, cold, per file.
        TestContext.Out.WriteLine($"files: {files.Count} ({bytes / 1024} KiB), findings: {found.Count}, analysed in {clock.ElapsedMilliseconds} ms (cold, includes JIT)");
        Assert.That(files.Count, Is.GreaterThan(90));
        Assert.That(found, Is.EquivalentTo(Reviewed));
    }

    [Test]
    public void TruncatedAndSplicedDjangoTemplatesNeverCrashTheRules()
    {
        var files = TemplateRuleTestUtil.DjangoTemplateFiles();
        if (files.Count == 0)
        {
            Assert.Ignore("python3-django is not installed");
        }

        // Cut every template at a few points (mid-tag, mid-attribute, mid-script) and splice a script/form opener in.
        int runs = 0;
        foreach (var path in files)
        {
            string text = File.ReadAllText(path);
            for (int cut = 1; cut < text.Length; cut += Math.Max(1, text.Length / 7))
            {
                TemplateRuleTestUtil.Analyze(text.Substring(0, cut), path);
                TemplateRuleTestUtil.Analyze("<script>var x = " + text.Substring(cut), path);
                TemplateRuleTestUtil.Analyze(text.Substring(0, cut) + "<form method=post action=\"" + text.Substring(cut), path);
                runs += 3;
            }
        }

        Assert.That(runs, Is.GreaterThan(500));
    }

    [Test]
    public void DjangoJinja2TemplatesGetNoFindings()
    {
        string root = Path.Combine(TemplateRuleTestUtil.DjangoRoot, "forms", "jinja2");
        if (!Directory.Exists(root))
        {
            Assert.Ignore("python3-django is not installed");
        }

        var files = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories).ToList();
        Assert.That(files, Is.Not.Empty);
        foreach (var path in files)
        {
            Assert.That(TemplateRuleTestUtil.Security(File.ReadAllText(path), path), Is.Empty, path);
        }
    }

    [TestCase("<a href=\"{{ app.app_url }}\">{{ app.name }}</a><a href=\"{{ model.admin_url }}\">m</a><a href=\"{{ model.add_url }}\">+</a>")]
    [TestCase("<form action=\"{{ app_path }}\" method=\"post\">{% csrf_token %}</form><form action=\"{{ form_url }}\" method=\"post\">{% csrf_token %}</form>")]
    [TestCase("<a href=\"{{ site_url }}\">site</a><a href=\"{{ docsroot }}\">docs</a><a href=\"{{ cl.clear_all_filters_qs }}\">clear</a>")]
    [TestCase("<a href=\"{{ header.url_primary }}\">h</a><a href=\"{{ choice.query_string|iriencode }}\">c</a><a href=\"{{ back.link }}\">b</a>")]
    [TestCase("<a href=\"{{ entry.get_admin_url }}\">e</a><a href=\"{{ widget.value.url }}\">f</a><a href=\"{{ widget.href }}\">u</a>")]
    [TestCase("<a href=\"javascript:(function(){location.href='{% url 'django-admindocs-views-index' %}';})()\">bookmarklet</a>")]
    [TestCase("<div class=\"description\">{{ fieldset.description|safe }}</div><div class=\"help\">{{ field.field.help_text|safe }}</div>")]
    public void DjangoAdminPatternsThatWereFalsePositivesAreNotReported(string template)
    {
        Assert.That(TemplateRuleTestUtil.Ids(TemplateRuleTestUtil.Security(template)), Is.Empty);
    }
}

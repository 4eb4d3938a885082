using DjangoLsp.Templates.Syntax;

namespace DjangoLsp.Templates.Syntax.Tests;

/// <summary>Every template shipped with Django parses cleanly, round-trips and has classified outputs.</summary>
public class CorpusTests
{
    [Test]
    public void EveryDjangoTemplateParsesWithoutErrorsAndRoundTrips()
    {
        int outputs = 0;
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in TestUtil.DjangoTemplates())
        {
            string text = File.ReadAllText(path);
            var tree = TemplateSyntaxTree.Parse(text, path);
            Assert.That(tree.ToFullString(), Is.EqualTo(text), path);
            Assert.That(tree.Diagnostics, Is.Empty, path);
            Assert.That(tree.Dialect.IsJinja2, Is.False, path);
            foreach (var output in TemplateAnalysis.Analyze(tree).Outputs)
            {
                outputs++;
                counts[output.Context.Name] = counts.GetValueOrDefault(output.Context.Name) + 1;
            }
        }

        TestContext.Out.WriteLine($"outputs: {outputs}");
        foreach (var (name, count) in counts)
        {
            TestContext.Out.WriteLine($"{name}: {count}");
        }

        Assert.That(outputs, Is.GreaterThan(800));
        Assert.That(counts.Keys, Is.SubsetOf(AllContextNames()));
    }

    [Test]
    public void DjangoJinja2TemplatesAreRecognisedAsJinja2()
    {
        var files = TestUtil.DjangoJinja2Templates();
        if (files.Count == 0)
        {
            Assert.Ignore("python3-django is not installed");
        }

        foreach (var path in files)
        {
            var analysis = TemplateAnalysis.Analyze(File.ReadAllText(path), path);
            Assert.That(analysis.IsJinja2, Is.True, path);
            Assert.That(analysis.Outputs, Is.Empty, path);
        }
    }

    [Test]
    public void DjangoJinja2TemplatesAreRecognisedByContentWhenThePathSaysNothing()
    {
        var files = TestUtil.DjangoJinja2Templates();
        if (files.Count == 0)
        {
            Assert.Ignore("python3-django is not installed");
        }

        // Files using Jinja-only syntax ({% set %}, call syntax, whitespace control) are recognised even without the jinja2/ directory hint;
        // the others ({% include "x" %} only) are valid Django templates too.
        int jinjaOnly = 0;
        foreach (var path in files)
        {
            string text = File.ReadAllText(path);
            bool usesJinjaOnlySyntax = text.Contains("{% set ", StringComparison.Ordinal) || text.Contains("()", StringComparison.Ordinal) || text.Contains("-%}", StringComparison.Ordinal);
            var tree = TemplateSyntaxTree.Parse(text, "templates/x.html");
            Assert.That(tree.Dialect.IsJinja2, Is.EqualTo(usesJinjaOnlySyntax), path);
            jinjaOnly += usesJinjaOnlySyntax ? 1 : 0;
        }

        Assert.That(jinjaOnly, Is.GreaterThanOrEqualTo(2));
    }

    /// <summary>Hand-checked classifications in Django's own templates (Django 4.2 as packaged by Debian).</summary>
    [TestCase("contrib/admin/templates/admin/base.html", "{% static \"admin/css/base.css\" %}", "url-start", true)]
    [TestCase("contrib/admin/templates/admin/base.html", "{{ LANGUAGE_CODE|default:\"en-us\" }}", "attr-double", true)]
    [TestCase("contrib/admin/templates/admin/base.html", "{% block title %}", null, null)]
    [TestCase("contrib/admin/templates/admin/login.html", "{{ app_path }}", "url-start", false)]
    [TestCase("contrib/admin/templates/admin/login.html", "{% csrf_token %}", "html-text", true)]
    [TestCase("contrib/admin/templates/admin/login.html", "{{ username }}", "html-text", true)]
    [TestCase("contrib/admin/templates/admin/includes/fieldset.html", "{{ fieldset.description|safe }}", "html-text", false)]
    [TestCase("contrib/admin/templates/admin/includes/fieldset.html", "{{ field.field.help_text|safe }}", "html-text", false)]
    [TestCase("contrib/admin/templates/admin/change_list_results.html", "{{ header.class_attrib }}", "attr-name", false)]
    [TestCase("contrib/admin/templates/admin/change_list_results.html", "{{ header.url_primary }}", "url-start", false)]
    [TestCase("contrib/admin/templates/admin/auth/user/change_password.html", "{{ form.password1.help_text|safe }}", "html-text", false)]
    [TestCase("contrib/admin/templates/registration/password_reset_email.html", "{{ protocol }}", "html-text", false)]
    [TestCase("contrib/admin/templates/admin/popup_response.html", "{% static \"admin/js/popup_response.js\" %}", "url-start", true)]
    [TestCase("contrib/admin/templates/admin/popup_response.html", "{{ popup_response_data }}", "attr-double", true)]
    [TestCase("contrib/admin/templates/admin/change_form.html", "{{ opts.model_name }}", "html-text", true)]
    [TestCase("contrib/admin/templates/admin/change_form.html", "{{ opts.model_name }}", "attr-double", true, 1)]
    [TestCase("contrib/admin/templates/admin/change_form.html", "{{ form_url }}", "url-start", false)]
    [TestCase("contrib/admin/templates/admin/base.html", "{{ site_url }}", "url-start", false)]
    [TestCase("contrib/gis/templates/gis/openlayers.html", "{{ id }}", "css", false)]
    [TestCase("contrib/gis/templates/gis/openlayers.html", "{{ geom_type }}", "js-string-single", false)]
    [TestCase("contrib/gis/templates/gis/openlayers.html", "{{ map_srid|unlocalize }}", "js-code", false)]
    [TestCase("contrib/gis/templates/gis/openlayers.html", "{{ module }}", "url-rest", false)]
    [TestCase("contrib/gis/templates/gis/openlayers.html", "{{ module }}", "js-code", false, 1)]
    [TestCase("contrib/gis/templates/gis/openlayers.html", "{{ LANGUAGE_BIDI|yesno:\"right,left\" }}", "css", true)]
    [TestCase("contrib/gis/templates/gis/openlayers.html", "{{ serialized }}", "rcdata", true)]
    [TestCase("views/templates/technical_500.html", "{{ frame.id }}", "attr-double", true)]
    [TestCase("views/templates/technical_500.html", "{{ frame.id }}", "event-handler", false, 2)]
    [TestCase("views/templates/technical_500.html", "{{ frame.lineno|add:\"1\" }}", "attr-single", true)]
    [TestCase("views/templates/technical_500.html", "{{ exception_type }}", "rcdata", true)]
    [TestCase("contrib/admin/templates/admin/widgets/clearable_file_input.html", "{{ widget.value.url }}", "url-start", false)]
    [TestCase("forms/templates/django/forms/widgets/input.html", "{{ widget.type }}", "attr-double", true)]
    [TestCase("forms/templates/django/forms/widgets/attrs.html", "{{ name }}", "html-text", true)]
    [TestCase("contrib/admin/templates/admin/prepopulated_fields_js.html", "{{ prepopulated_fields_json }}", "attr-double", true)]
    public void DjangoCorpusSample(string relative, string text, string? context, bool? escaped, int occurrence = 0)
    {
        string path = Path.Combine(TestUtil.DjangoRoot, relative);
        if (!File.Exists(path))
        {
            Assert.Ignore("python3-django is not installed");
        }

        var outputs = TemplateAnalysis.Analyze(File.ReadAllText(path), path).Outputs.Where(o => o.Text == text).ToList();
        if (context == null)
        {
            Assert.That(outputs, Is.Empty, "not an output");
            return;
        }

        Assert.That(outputs, Has.Count.GreaterThan(occurrence), text);
        Assert.That(outputs[occurrence].Context.Name, Is.EqualTo(context), text);
        Assert.That(outputs[occurrence].EscapedForContext, Is.EqualTo(escaped), text);
    }

    internal static string[] AllContextNames()
    {
        var names = Enum.GetValues<OutputContextKind>().Select(TemplateOutputContext.KindName).ToList();
        names.AddRange(new[] { "url-start-unquoted", "url-rest-unquoted", "event-handler-unquoted", "style-attr-unquoted", "srcdoc-unquoted", "meta-refresh-unquoted" });
        return names.ToArray();
    }
}

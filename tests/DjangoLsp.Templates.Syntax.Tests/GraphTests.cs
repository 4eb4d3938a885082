namespace DjangoLsp.Templates.Syntax.Tests;

/// <summary>extends / block / include across files, with the context carried over.</summary>
public class GraphTests
{
    private static TemplateGraph Graph(params (string Name, string Text)[] templates) =>
        new(new InMemoryTemplateResolver(templates.ToDictionary(t => t.Name, t => t.Text)));

    [Test]
    public void IncludeInsideScriptStartsInJavaScript()
    {
        var graph = Graph(("page.html", "<script>var a = {% include 'part.html' %};</script>{% include 'part.html' %}"), ("part.html", "{{ value }}"));
        var result = graph.Analyze("page.html");
        var outputs = result.OutputsIn("part.html").ToArray();
        Assert.That(outputs.Select(o => o.Context.Name), Is.EqualTo(new[] { "js-code", "html-text" }));
        Assert.That(outputs.Select(o => o.EscapedForContext), Is.EqualTo(new[] { false, true }));
        Assert.That(result.Templates, Is.EqualTo(new[] { "page.html", "part.html" }));
    }

    /// <summary>Serves templates with a tree parsed beforehand (as the analysis shares one parse per file and scan).</summary>
    private sealed class SharedTreeResolver(Dictionary<string, TemplateSyntaxTree> trees, Dictionary<string, string> texts) : ITemplateResolver
    {
        public int SharedTreesHandedOut { get; private set; }

        public TemplateSource? Resolve(string name, string? skipPath = null)
        {
            if (name == skipPath || !texts.TryGetValue(name, out var text)) return null;
            var source = SourceText.From(text);
            if (!trees.TryGetValue(name, out var tree)) return new TemplateSource(name, name, source);
            // A tree of the same text object is used; one parsed from other text (a stale buffer) must not be.
            var sameText = tree.Text.ToString() == text ? tree.Text : source;
            return new TemplateSource(name, name, sameText) { SharedTree = () => { SharedTreesHandedOut++; return tree; } };
        }
    }

    [Test]
    public void SharedParentTreeIsUsedInsteadOfParsingAgain()
    {
        const string parent = "<script>var cfg = {% block cfg %}{}{% endblock %};</script>";
        var parentTree = TemplateSyntaxTree.Parse(parent, "base.html");
        var resolver = new SharedTreeResolver(new() { ["base.html"] = parentTree },
            new() { ["base.html"] = parent, ["child.html"] = "{% extends 'base.html' %}{% block cfg %}{{ config }}{% endblock %}" });
        var result = new TemplateGraph(resolver).Analyze("child.html");
        Assert.That(result.Outputs.Select(o => (o.Text, o.Context.Name)), Is.EqualTo(new[] { ("{{ config }}", "js-code") }));
        Assert.That(resolver.SharedTreesHandedOut, Is.EqualTo(1));
    }

    [Test]
    public void SharedTreeOfOtherTextIsIgnored()
    {
        // The shared tree was parsed from an older text whose block was outside <script>: the current text decides.
        var staleTree = TemplateSyntaxTree.Parse("{% block cfg %}{% endblock %}", "base.html");
        var resolver = new SharedTreeResolver(new() { ["base.html"] = staleTree },
            new() { ["base.html"] = "<script>var cfg = {% block cfg %}{}{% endblock %};</script>", ["child.html"] = "{% extends 'base.html' %}{% block cfg %}{{ config }}{% endblock %}" });
        var result = new TemplateGraph(resolver).Analyze("child.html");
        Assert.That(result.Outputs.Single().Context.Name, Is.EqualTo("js-code"));
    }

    [Test]
    public void IncludeCarriesAutoescape()
    {
        var graph = Graph(("page.html", "{% autoescape off %}{% include 'part.html' %}{% endautoescape %}"), ("part.html", "<p>{{ value }}</p>"));
        var output = graph.Analyze("page.html").Outputs.Single();
        Assert.That(output.Autoescape, Is.False);
        Assert.That(output.EscapedForContext, Is.False);
    }

    [Test]
    public void BlockInsideParentScriptKeepsJavaScriptContextInChild()
    {
        var graph = Graph(
            ("base.html", "<html><script>var cfg = {% block cfg %}{}{% endblock %};</script><body class=\"{% block bodyclass %}{% endblock %}\">{% block content %}{% endblock %}</body>"),
            ("child.html", "{% extends 'base.html' %}{% block cfg %}{{ config }}{% endblock %}{% block bodyclass %}{{ cls }}{% endblock %}{% block content %}<p>{{ text }}</p>{% endblock %}"));
        var outputs = graph.Analyze("child.html").Outputs;
        Assert.That(outputs.Select(o => (o.Text, o.Context.Name, o.FilePath)), Is.EqualTo(new[]
        {
            ("{{ config }}", "js-code", "child.html"),
            ("{{ cls }}", "attr-double", "child.html"),
            ("{{ text }}", "html-text", "child.html"),
        }));
    }

    [Test]
    public void BlockSuperAndMultiLevelInheritance()
    {
        var graph = Graph(
            ("base.html", "<script>{% block js %}var a = '{{ a }}';{% endblock %}</script>"),
            ("middle.html", "{% extends 'base.html' %}{% block js %}{{ block.super }} var b = \"{{ b }}\";{% endblock %}"),
            ("leaf.html", "{% extends 'middle.html' %}{% block js %}{{ block.super }} var c = {{ c }};{% endblock %}"));
        var outputs = graph.Analyze("leaf.html").Outputs;
        Assert.That(outputs.Select(o => $"{o.FilePath}:{o.Text}:{o.Context.Name}"), Is.EqualTo(new[]
        {
            "base.html:{{ a }}:js-string-single",
            "middle.html:{{ b }}:js-string-double",
            "leaf.html:{{ c }}:js-code",
        }));
    }

    [Test]
    public void UnresolvedDynamicAndRecursiveReferencesAreProblemsNotCrashes()
    {
        var graph = Graph(
            ("a.html", "{% include 'missing.html' %}{% include name %}{% include 'b.html' %}{{ x }}"),
            ("b.html", "{% include 'a.html' %}{{ y }}"));
        var result = graph.Analyze("a.html");
        Assert.That(result.Problems.Select(p => p.Message), Has.Some.Contains("not found"));
        Assert.That(result.Problems.Select(p => p.Message), Has.Some.Contains("dynamic"));
        Assert.That(result.Problems.Select(p => p.Message), Has.Some.Contains("recursive"));
        Assert.That(result.Outputs.Select(o => o.Text), Is.EqualTo(new[] { "{{ y }}", "{{ x }}" }));
    }

    [Test]
    public void ChildWithMissingParentFallsBackToItsBlocks()
    {
        var graph = Graph(("child.html", "{% extends 'nowhere.html' %}{% block a %}<a href=\"{{ u }}\">{% endblock %}"));
        var result = graph.Analyze("child.html");
        Assert.That(result.Outputs.Single().Context.Name, Is.EqualTo("url-start"));
        Assert.That(result.Problems, Has.Count.EqualTo(1));
    }

    [Test]
    public void DjangoFormsWidgetAttrsLandInsideTheInputTag()
    {
        string dir = Path.Combine(TestUtil.DjangoRoot, "forms/templates");
        if (!Directory.Exists(dir))
        {
            Assert.Ignore("python3-django is not installed");
        }

        var graph = new TemplateGraph(new DirectoryTemplateResolver(new[] { dir }));
        var result = graph.Analyze("django/forms/widgets/input.html");
        var attrs = result.Outputs.Where(o => o.FilePath!.EndsWith("attrs.html", StringComparison.Ordinal)).ToArray();
        Assert.That(attrs.Select(o => o.Context.Name), Is.EqualTo(new[] { "attr-name", "attr-double" }));
        Assert.That(result.Problems, Is.Empty);
    }

    [Test]
    public void DjangoAdminChangeFormBlocksLandInTheBaseTemplateContexts()
    {
        string dir = Path.Combine(TestUtil.DjangoRoot, "contrib/admin/templates");
        if (!Directory.Exists(dir))
        {
            Assert.Ignore("python3-django is not installed");
        }

        var graph = new TemplateGraph(new DirectoryTemplateResolver(new[] { dir }));
        var result = graph.Analyze("admin/change_form.html");
        Assert.That(result.Templates.Select(Path.GetFileName), Is.SupersetOf(new[] { "change_form.html", "base_site.html", "base.html" }));
        // {% block bodyclass %} sits in <body class="..."> in base.html.
        var bodyClass = result.Outputs.First(o => o.Text == "{{ opts.model_name }}" && o.FilePath!.EndsWith("change_form.html", StringComparison.Ordinal));
        Assert.That(bodyClass.Context.Name, Is.EqualTo("attr-double"));
        Assert.That(result.Outputs.Where(o => o.Text == "{{ block.super }}"), Is.Empty);
    }

    [Test]
    public void DirectoryResolverStaysInsideItsDirectories()
    {
        string dir = Path.Combine(Path.GetTempPath(), "djlsp-templates-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "t"));
        try
        {
            File.WriteAllText(Path.Combine(dir, "secret.html"), "x");
            File.WriteAllText(Path.Combine(dir, "t", "a.html"), "{{ a }}");
            var resolver = new DirectoryTemplateResolver(new[] { Path.Combine(dir, "t") });
            Assert.That(resolver.Resolve("a.html")!.Text.ToString(), Is.EqualTo("{{ a }}"));
            Assert.That(resolver.Resolve("../secret.html"), Is.Null);
            Assert.That(resolver.Resolve("b.html"), Is.Null);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}

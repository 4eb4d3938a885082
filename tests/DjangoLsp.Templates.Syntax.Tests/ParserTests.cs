namespace DjangoLsp.Templates.Syntax.Tests;

public class ParserTests
{
    [Test]
    public void LexesLikeDjango()
    {
        var tree = TemplateSyntaxTree.Parse("a{{ x }}b{% if y %}c{# d #}{% endif %}{{ multi\nline }}{{{ z }}}");
        var kinds = tree.Tokens.Select(t => $"{t.Kind}:{t.Text}").ToArray();
        Assert.That(kinds, Is.EqualTo(new[]
        {
            "Text:a", "Variable:{{ x }}", "Text:b", "Tag:{% if y %}", "Text:c", "Comment:{# d #}", "Tag:{% endif %}",
            "Text:{{ multi\nline }}", "Variable:{{{ z }}", "Text:}",
        }));
        Assert.That(tree.Tokens[8].Content, Is.EqualTo("{ z"));
    }

    [Test]
    public void FilterExpressionGrammar()
    {
        var e = FilterExpression.Parse("user.name|default:_(\"Anon\")|truncatechars:20 | lower|date:\"Y-m-d\"|add:-1.5");
        Assert.That(e.Errors, Is.Empty);
        Assert.That(e.Value!.Kind, Is.EqualTo(TemplateValueKind.Variable));
        Assert.That(e.Value.LookupParts, Is.EqualTo(new[] { "user", "name" }));
        Assert.That(e.Filters.Select(f => f.Name), Is.EqualTo(new[] { "default", "truncatechars", "lower", "date", "add" }));
        Assert.That(e.Filters[0].Argument!.Kind, Is.EqualTo(TemplateValueKind.TranslatedString));
        Assert.That(e.Filters[0].Argument!.LiteralValue, Is.EqualTo("Anon"));
        Assert.That(e.Filters[1].Argument!.Kind, Is.EqualTo(TemplateValueKind.Number));
        Assert.That(e.Filters[3].Argument!.LiteralValue, Is.EqualTo("Y-m-d"));
        Assert.That(e.Filters[4].Argument!.Text, Is.EqualTo("-1.5"));
        Assert.That(e.Filters[3].NameSpan, Is.EqualTo(new TextSpan(e.Text.IndexOf("date", StringComparison.Ordinal), 4)));
    }

    [TestCase("\"it\\\"s\"", TemplateValueKind.StringLiteral, "it\"s")]
    [TestCase("'a b'", TemplateValueKind.StringLiteral, "a b")]
    [TestCase("_('x')", TemplateValueKind.TranslatedString, "x")]
    [TestCase("12", TemplateValueKind.Number, "12")]
    [TestCase("-3.5e2", TemplateValueKind.Number, "-3.5e2")]
    [TestCase("True", TemplateValueKind.Variable, null)]
    public void Literals(string text, TemplateValueKind kind, string? literal)
    {
        var e = FilterExpression.Parse(text);
        Assert.That(e.Errors, Is.Empty);
        Assert.That(e.Value!.Kind, Is.EqualTo(kind));
        Assert.That(e.Value.LiteralValue, Is.EqualTo(literal));
        Assert.That(e.Value.IsLiteral, Is.True);
    }

    [TestCase("x|", "Could not parse the remainder")]
    [TestCase("x y", "Could not parse the remainder")]
    [TestCase("", "Empty variable tag")]
    [TestCase("_private", "underscores")]
    [TestCase("f(x)", "Could not parse the remainder")]
    [TestCase("'unterminated", "Could not find variable")]
    public void BrokenExpressionsReportErrors(string text, string message)
    {
        var e = FilterExpression.Parse(text);
        Assert.That(e.Errors, Has.Count.EqualTo(1));
        Assert.That(e.Errors[0].Message, Does.Contain(message));
    }

    [Test]
    public void BuildsBlockStructure()
    {
        var tree = TemplateSyntaxTree.Parse("{% if a %}1{% elif b %}2{% else %}3{% endif %}{% for x in y %}{{ x }}{% empty %}none{% endfor %}");
        Assert.That(tree.Diagnostics, Is.Empty);
        var blocks = tree.Root.Children.OfType<TemplateBlockNode>().ToArray();
        Assert.That(blocks.Select(b => b.Name), Is.EqualTo(new[] { "if", "for" }));
        Assert.That(blocks[0].Branches.Select(b => b.Tag.Name), Is.EqualTo(new[] { "if", "elif", "else" }));
        Assert.That(blocks[1].Branches[1].Tag.Name, Is.EqualTo("empty"));
        Assert.That(blocks[1].EndTag!.Name, Is.EqualTo("endfor"));
        Assert.That(blocks[0].FullSpan.Start, Is.EqualTo(0));
    }

    [Test]
    public void AllBuiltInBlockTagsPair()
    {
        const string template = "{% with a=b %}{% block x %}{% filter lower %}{% autoescape off %}{% spaceless %}{% ifchanged %}{% else %}{% endifchanged %}"
            + "{% cache 500 k %}{% localize on %}{% language 'en' %}{% timezone 'UTC' %}{% blocktranslate trimmed count n=c asvar v %}{{ n }}{% plural %}{{ n }}s{% endblocktranslate %}"
            + "{% blocktrans %}x{% endblocktrans %}{% endtimezone %}{% endlanguage %}{% endlocalize %}{% endcache %}{% endspaceless %}{% endautoescape %}{% endfilter %}{% endblock x %}{% endwith %}";
        var tree = TemplateSyntaxTree.Parse(template);
        Assert.That(tree.Diagnostics, Is.Empty);
        var names = tree.Root.DescendantNodes().OfType<TemplateBlockNode>().Select(b => b.Name).ToArray();
        Assert.That(names, Is.EqualTo(new[] { "with", "block", "filter", "autoescape", "spaceless", "ifchanged", "cache", "localize", "language", "timezone", "blocktranslate", "blocktrans" }));
        Assert.That(tree.Root.DescendantNodes().OfType<TemplateBlockNode>().All(b => b.IsClosed), Is.True);
    }

    [Test]
    public void SingleTagsAreNotBlocks()
    {
        const string template = "{% extends 'base.html' %}{% load i18n static %}{% include 'x.html' with a=1 only %}{% url 'a' b as c %}{% csrf_token %}"
            + "{% static 'x' %}{% cycle 'a' 'b' %}{% firstof a b %}{% now 'Y' %}{% trans 'x' %}{% translate 'y' noop %}{% widthratio a b 100 %}"
            + "{% templatetag openblock %}{% debug %}{% lorem 2 w random %}{% regroup l by k as g %}";
        var tree = TemplateSyntaxTree.Parse(template);
        Assert.That(tree.Diagnostics, Is.Empty);
        Assert.That(tree.Root.Children.All(n => n is TemplateTagNode), Is.True);
        var include = (TemplateTagNode)tree.Root.Children[2];
        Assert.That(include.Syntax.Bits.Select(b => b.Text), Is.EqualTo(new[] { "include", "'x.html'", "with", "a=1", "only" }));
        Assert.That(include.Syntax.Bits[1].Unquoted, Is.EqualTo("x.html"));
        Assert.That(((TemplateTagNode)tree.Root.Children[3]).Syntax.AsVariable, Is.EqualTo("c"));
    }

    [Test]
    public void RawBodiesAreNotParsed()
    {
        var tree = TemplateSyntaxTree.Parse("{% verbatim %}{% if %}{{ {% endverbatim %}{% comment \"why\" %}{% for %}{{ x|{% endcomment %}");
        Assert.That(tree.Diagnostics, Is.Empty);
        var blocks = tree.Root.Children.OfType<TemplateBlockNode>().ToArray();
        Assert.That(blocks.Select(b => (b.Name, b.IsRaw)), Is.EqualTo(new[] { ("verbatim", true), ("comment", true) }));
        Assert.That(blocks[0].Branches[0].Body.Single().Kind, Is.EqualTo(TemplateNodeKind.Text));
        Assert.That(blocks[1].Branches[0].Body.All(n => n.Kind == TemplateNodeKind.Raw), Is.True);
    }

    [Test]
    public void NamedVerbatimEndsOnlyAtItsOwnEnd()
    {
        var tree = TemplateSyntaxTree.Parse("{% verbatim v1 %}{% endverbatim %}{% endverbatim v1 %}{{ x }}");
        Assert.That(tree.Diagnostics, Is.Empty);
        var block = (TemplateBlockNode)tree.Root.Children[0];
        Assert.That(block.EndTag!.Token.Content, Is.EqualTo("endverbatim v1"));
        Assert.That(tree.Root.Children[1], Is.InstanceOf<TemplateVariableNode>());
    }

    [Test]
    public void UnknownTagsPairWithTheirEndTags()
    {
        var tree = TemplateSyntaxTree.Parse("{% load mylib %}{% mytag a %}x{% else %}y{% endmytag %}{% simple b %}");
        Assert.That(tree.Diagnostics, Is.Empty);
        var block = tree.Root.Children.OfType<TemplateBlockNode>().Single();
        Assert.That(block.Name, Is.EqualTo("mytag"));
        Assert.That(block.IsBuiltIn, Is.False);
        Assert.That(block.Branches, Has.Count.EqualTo(2));
        Assert.That(tree.Root.Children.Last(), Is.InstanceOf<TemplateTagNode>());
    }

    [Test]
    public void ErrorsHaveSpansAndTheRestStillParses()
    {
        const string template = "{% for x in y %}{{ x }}\n{% endfor %}{% endfor %}\n{% if a %}{{ unterminated\n{% block b %}{{ ok }}";
        var tree = TemplateSyntaxTree.Parse(template);
        Assert.That(tree.ToFullString(), Is.EqualTo(template));
        var codes = tree.Diagnostics.Select(d => (d.Code, template.Substring(d.Span.Start, d.Span.Length))).ToArray();
        Assert.That(codes, Is.EqualTo(new[]
        {
            (TemplateDiagnosticCodes.UnexpectedEndTag, "{% endfor %}"),
            (TemplateDiagnosticCodes.UnclosedBlock, "{% if a %}"),
            (TemplateDiagnosticCodes.UnterminatedTag, "{{ unterminated"),
            (TemplateDiagnosticCodes.UnclosedBlock, "{% block b %}"),
        }));
        Assert.That(tree.Root.DescendantNodes().OfType<TemplateVariableNode>().Select(v => v.Expression.Text), Is.EqualTo(new[] { "x", "ok" }));
    }

    [Test]
    public void MismatchedEndTagClosesInnerBlocksWithErrors()
    {
        var tree = TemplateSyntaxTree.Parse("{% if a %}{% for x in y %}{% endif %}{{ z }}");
        Assert.That(tree.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { TemplateDiagnosticCodes.UnclosedBlock }));
        var ifBlock = (TemplateBlockNode)tree.Root.Children[0];
        Assert.That(ifBlock.IsClosed, Is.True);
        Assert.That(((TemplateBlockNode)ifBlock.Branches[0].Body[0]).IsClosed, Is.False);
        Assert.That(tree.Root.Children[1], Is.InstanceOf<TemplateVariableNode>());
    }

    [TestCase("{% else %}", TemplateDiagnosticCodes.MisplacedIntermediateTag)]
    [TestCase("{% for x in y %}{% elif %}{% endfor %}", TemplateDiagnosticCodes.MisplacedIntermediateTag)]
    [TestCase("{% %}", TemplateDiagnosticCodes.EmptyTag)]
    [TestCase("{% autoescape maybe %}{% endautoescape %}", TemplateDiagnosticCodes.InvalidTagArguments)]
    [TestCase("{{ x }}{% extends 'a' %}", TemplateDiagnosticCodes.InvalidTagArguments)]
    [TestCase("{{ a|b:c:d }}", TemplateDiagnosticCodes.InvalidFilterExpression)]
    [TestCase("{% blocktrans %}{% if x %}{% endif %}{% endblocktrans %}", TemplateDiagnosticCodes.InvalidTagArguments)]
    public void ReportsErrors(string template, string code)
    {
        var tree = TemplateSyntaxTree.Parse(template);
        Assert.That(tree.Diagnostics.Select(d => d.Code), Does.Contain(code));
        Assert.That(tree.ToFullString(), Is.EqualTo(template));
    }

    [TestCase("templates/jinja2/x.html", "{{ x }}", true)]
    [TestCase("x.j2", "{{ x }}", true)]
    [TestCase("x.jinja", "{{ x }}", true)]
    [TestCase("templates/x.html", "{% set a = 1 %}", true)]
    [TestCase("templates/x.html", "{% macro m(a) %}{% endmacro %}", true)]
    [TestCase("templates/x.html", "{{ x | e }}", true)]
    [TestCase("templates/x.html", "{{ url_for('a') }}", true)]
    [TestCase("templates/x.html", "{{ x|default(1) }}", true)]
    [TestCase("templates/x.html", "{{ x|default:1 }}{% if a and b %}{% endif %}", false)]
    [TestCase("templates/x.html", "{% verbatim %}{% set a = 1 %}{% endverbatim %}", false)]
    public void RecognisesJinja2(string path, string text, bool jinja)
    {
        Assert.That(TemplateSyntaxTree.Parse(text, path).Dialect.IsJinja2, Is.EqualTo(jinja));
    }

    [Test]
    public void SpansOfNestedNodesAreAbsolute()
    {
        const string template = "ab{{ x|lower }}";
        var tree = TemplateSyntaxTree.Parse(template);
        var variable = (TemplateVariableNode)tree.Root.Children[1];
        var nameSpan = variable.ToAbsolute(variable.Expression.Filters[0].NameSpan);
        Assert.That(template.Substring(nameSpan.Start, nameSpan.Length), Is.EqualTo("lower"));
        Assert.That(template.Substring(variable.ContentSpan.Start, variable.ContentSpan.Length), Is.EqualTo("x|lower"));
    }
}

namespace DjangoLsp.Templates.Syntax.Tests;

/// <summary>The compact green layer: tokens are slices of the source, content bounds are computed, tag bits live in
/// shared per-thread chunks. These check the values those representations give back, at their edges.</summary>
public class GreenTokenTests
{
    [TestCase("{%   load  x   %}", 5, "load  x")]
    [TestCase("{%load x%}", 2, "load x")]
    [TestCase("{%  %}", 4, "")]
    [TestCase("{%%}", 2, "")]
    [TestCase("{#\tnote\t#}", 3, "note")]
    [TestCase("{{ a|b }}", 3, "a|b")]
    public void ContentIsTheStrippedInside(string token, int offset, string content)
    {
        string template = "<p>" + token + "</p>";
        var tree = TemplateSyntaxTree.Parse(template);
        var node = (TemplateTokenNode)tree.Root.Children[1];
        Assert.That(node.Token.ContentOffset, Is.EqualTo(offset));
        Assert.That(node.Token.ContentLength, Is.EqualTo(content.Length));
        Assert.That(node.Token.Content, Is.EqualTo(content));
        Assert.That(template.Substring(node.ContentSpan.Start, node.ContentSpan.Length), Is.EqualTo(content));
        Assert.That(node.FullSpan, Is.EqualTo(new TextSpan(3, token.Length)));
    }

    [Test]
    public void TokenTextIsTheSourceSliceAndMadeOnce()
    {
        const string template = "a{{ x }}b{% if y %}c";
        var tree = TemplateSyntaxTree.Parse(template);
        for (int i = 0; i < tree.Tokens.Count; i++)
        {
            var span = tree.GetTokenSpan(i);
            Assert.That(tree.Tokens[i].Text, Is.EqualTo(template.Substring(span.Start, span.Length)));
            Assert.That(tree.Tokens[i].Text, Is.SameAs(tree.Tokens[i].Text));
        }

        // A template that is one text token gives back the source itself.
        var single = TemplateSyntaxTree.Parse("plain text");
        Assert.That(single.Tokens.Single().Text, Is.EqualTo("plain text"));
    }

    [Test]
    public void ManyTagsAcrossBitChunksKeepTheirBits()
    {
        // Thousands of tags fill several per-thread chunks of bit bounds; every tag must still read its own bits.
        var builder = new System.Text.StringBuilder();
        for (int i = 0; i < 3000; i++)
        {
            builder.Append("{% cycle 'a").Append(i).Append("' \"b c\" v").Append(i).Append(" %}\n");
        }

        var tree = TemplateSyntaxTree.Parse(builder.ToString());
        var tags = tree.Tokens.Where(t => t.Kind == TemplateTokenKind.Tag).ToArray();
        Assert.That(tags, Has.Length.EqualTo(3000));
        for (int i = 0; i < tags.Length; i++)
        {
            var bits = tags[i].Tag!.Bits;
            Assert.That(bits.Select(b => b.Text), Is.EqualTo(new[] { "cycle", $"'a{i}'", "\"b c\"", $"v{i}" }), $"tag {i}");
            Assert.That(tags[i].Text.Substring(bits[3].Span.Start, bits[3].Span.Length), Is.EqualTo($"v{i}"));
        }
    }

    [Test]
    public void ATagWithMoreBitsThanAChunkShareGetsItsOwnStorage()
    {
        string words = string.Join(" ", Enumerable.Range(0, 1500).Select(i => "w" + i));
        var tree = TemplateSyntaxTree.Parse("{% lorem " + words + " %}{% if a %}{% endif %}");
        var big = tree.Tokens[0].Tag!;
        Assert.That(big.BitCount, Is.EqualTo(1501));
        Assert.That(big.Bits[^1].Text, Is.EqualTo("w1499"));
        Assert.That(tree.Tokens[1].Tag!.Bits.Select(b => b.Text), Is.EqualTo(new[] { "if", "a" }));
    }

    [Test]
    public void UnclosedQuoteInATagIsAnOrdinaryCharacter()
    {
        var tag = TemplateSyntaxTree.Parse("{% trans \"it's %}").Tokens[0].Tag!;
        Assert.That(tag.Bits.Select(b => b.Text), Is.EqualTo(new[] { "trans", "\"it's" }));
        var quoted = TemplateSyntaxTree.Parse("{% url 'a b'x \"c\\\" d\" %}").Tokens[0].Tag!;
        Assert.That(quoted.Bits.Select(b => b.Text), Is.EqualTo(new[] { "url", "'a b'x", "\"c\\\" d\"" }));
    }

    [Test]
    public void IncrementallyLexedTokensEqualTheNewText()
    {
        const string template = "<p>{{ a }}</p>\n<p>{% if b %}x{% endif %}</p>\n";
        var tree = TemplateSyntaxTree.Parse(template);
        var change = new TextChange(new TextSpan(template.IndexOf("if b", StringComparison.Ordinal) + 3, 1), "bb");
        var newText = tree.Text.WithChanges(change);
        var incremental = tree.WithChanges(newText, new[] { change });
        string expected = newText.ToString();
        for (int i = 0; i < incremental.Tokens.Count; i++)
        {
            var span = incremental.GetTokenSpan(i);
            Assert.That(incremental.Tokens[i].Text, Is.EqualTo(expected.Substring(span.Start, span.Length)));
        }

        Assert.That(incremental.Tokens.First(t => t.Kind == TemplateTokenKind.Tag).Tag!.Bits.Select(b => b.Text), Is.EqualTo(new[] { "if", "bb" }));
    }

    [TestCase("{% endif %}", 3)]
    [TestCase("{%endif%}", 2)]
    [TestCase("{%  endif %}", 4)]
    [TestCase("{% endif    %}", 3)]
    public void OneBitBuiltInTagsGiveTheirOwnSpans(string endTag, int offset)
    {
        // "{% endif %}" tags share one syntax object; every spelling must still give its own bit span.
        foreach (string template in new[] { "{% if a %}x" + endTag, "{% if b %}y" + endTag + "{% if c %}{% endif %}" })
        {
            var tree = TemplateSyntaxTree.Parse(template);
            var block = (TemplateBlockNode)tree.Root.Children[0];
            var end = block.EndTag!;
            Assert.That(end.Syntax.Name, Is.EqualTo("endif"));
            Assert.That(end.Syntax.Bits.Single().Span, Is.EqualTo(new TextSpan(offset, 5)));
            Assert.That(end.ToAbsolute(end.Syntax.Bits[0].Span), Is.EqualTo(new TextSpan(template.IndexOf("endif", StringComparison.Ordinal), 5)));
            Assert.That(tree.Diagnostics, Is.Empty);
        }
    }

    [Test]
    public void SharedOneBitTagsKeepPerTokenFacts()
    {
        // The Jinja whitespace-control form of the same tag is not the shared one, and its hint does not leak.
        Assert.That(TemplateSyntaxTree.Parse("{% if a %}x{%- endif %}").Dialect.IsJinja2, Is.True);
        Assert.That(TemplateSyntaxTree.Parse("{% if a %}x{% endif -%}").Dialect.IsJinja2, Is.True);
        Assert.That(TemplateSyntaxTree.Parse("{% if a %}x{% endif %}").Dialect.IsJinja2, Is.False);
        // An argument problem is reported at each use.
        var tree = TemplateSyntaxTree.Parse("{% for %}{% endfor %}\n{% for %}{% endfor %}");
        Assert.That(tree.Diagnostics.Select(d => d.Span.Start), Is.EqualTo(new[] { 0, 22 }));
    }

    [Test]
    public void ExpressionWithManyFilters()
    {
        string filters = string.Concat(Enumerable.Range(0, 11).Select(i => "|f" + i));
        var expression = FilterExpression.Parse("x" + filters + "|default:'a'");
        Assert.That(expression.Errors, Is.Empty);
        Assert.That(expression.Filters.Select(f => f.Name), Is.EqualTo(Enumerable.Range(0, 11).Select(i => "f" + i).Append("default")));
        Assert.That(expression.Filters[^1].Argument!.Text, Is.EqualTo("'a'"));
        Assert.That(FilterExpression.Parse("x|a|b").Filters.Select(f => f.Name), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void BlockBranchesAreMadeOnDemandAndStable()
    {
        var tree = TemplateSyntaxTree.Parse("{% with a=1 %}x{% endwith %}{% if b %}y{% elif c %}{% else %}z{% endif %}{% for i in l %}w");
        var with = (TemplateBlockNode)tree.Root.Children[0];
        Assert.That(with.Branches, Is.SameAs(with.Branches));
        Assert.That(with.Branches.Single().Tag, Is.SameAs(with.OpenTag));
        Assert.That(with.Branches[0].Body.Single(), Is.InstanceOf<TemplateTextNode>());
        Assert.That(with.Children.Select(c => c.Kind), Is.EqualTo(new[] { TemplateNodeKind.Tag, TemplateNodeKind.Text, TemplateNodeKind.Tag }));

        var ifBlock = (TemplateBlockNode)tree.Root.Children[1];
        Assert.That(ifBlock.Branches.Select(b => b.Tag.Name), Is.EqualTo(new[] { "if", "elif", "else" }));
        Assert.That(ifBlock.Branches.Select(b => b.Body.Count), Is.EqualTo(new[] { 1, 0, 1 }));
        Assert.That(ifBlock.OpenTag, Is.SameAs(ifBlock.Branches[0].Tag));

        // Unclosed: the block ends with its body, and an error names it.
        var forBlock = (TemplateBlockNode)tree.Root.Children[2];
        Assert.That(forBlock.IsClosed, Is.False);
        Assert.That(forBlock.FullSpan.End, Is.EqualTo(tree.Text.Length));
        Assert.That(tree.Diagnostics.Single().Message, Does.Contain("'for'"));
    }

    [Test]
    public void NonAsciiWordsInExpressions()
    {
        // Django's \w is Unicode: letters and digits beyond ASCII belong to names (found one by one after the vectorised ASCII run).
        var e = FilterExpression.Parse("café.名前_2|filtré:ñ|x");
        Assert.That(e.Errors, Is.Empty);
        Assert.That(e.Value!.Text, Is.EqualTo("café.名前_2"));
        Assert.That(e.Filters.Select(f => f.Name), Is.EqualTo(new[] { "filtré", "x" }));
        Assert.That(e.Filters[0].Argument!.Text, Is.EqualTo("ñ"));
        var broken = FilterExpression.Parse("a→b");
        Assert.That(broken.Value!.Text, Is.EqualTo("a"));
        Assert.That(broken.Errors, Has.Count.EqualTo(1));
    }

    [TestCase("{% autoescape maybe %}{% endautoescape %}")]
    [TestCase("{% extends %}")]
    [TestCase("{% include %}")]
    [TestCase("{% block %}{% endblock %}")]
    [TestCase("{% load %}")]
    [TestCase("{% url %}")]
    [TestCase("{% for x %}{% endfor %}")]
    [TestCase("{% if %}{% endif %}")]
    [TestCase("{% if a %}{% elif %}{% endif %}")]
    [TestCase("{% filter %}{% endfilter %}")]
    [TestCase("{% with %}{% endwith %}")]
    public void EveryCheckedTagReportsBadArguments(string template)
    {
        // The parser looks at the arguments only of tags flagged as having rules: each rule must still fire.
        var tree = TemplateSyntaxTree.Parse(template);
        Assert.That(tree.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { TemplateDiagnosticCodes.InvalidTagArguments }));
    }
}

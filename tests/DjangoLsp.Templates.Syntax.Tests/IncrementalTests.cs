namespace DjangoLsp.Templates.Syntax.Tests;

/// <summary>Incremental reparse equals a full parse, and reuses the unaffected green tokens.</summary>
public class IncrementalTests
{
    private static readonly string[] Snippets =
    {
        "{{", "}}", "{%", "%}", "{#", "#}", "\n", "x", " ", "{{ y|safe }}", "{% if a %}", "{% endif %}", "{% verbatim %}", "{% endverbatim %}",
        "<script>", "</script>", "\"", "'", "<a href=\"", "{% comment %}", "{% endcomment %}", "|", ":", "<", ">", "{% for x in y %}", "{% endfor %}",
    };

    [Test]
    public void RandomEditsOnTheDjangoCorpusMatchAFullParse()
    {
        var random = new Random(20251121);
        int edits = 0;
        foreach (var path in TestUtil.DjangoTemplates())
        {
            string text = File.ReadAllText(path);
            var analysis = TemplateAnalysis.Analyze(TemplateSyntaxTree.Parse(SourceText.From(text), path));
            for (int step = 0; step < 12; step++)
            {
                var tree = analysis.Tree;
                var change = RandomChange(random, tree.Text.Length);
                var newText = tree.Text.WithChanges(change);
                analysis = analysis.WithChanges(newText, new[] { change });
                var incremental = analysis.Tree;
                var full = TemplateSyntaxTree.Parse(newText, path);
                Assert.That(incremental.ToFullString(), Is.EqualTo(newText.ToString()), path);
                Assert.That(TestUtil.Fingerprint(incremental), Is.EqualTo(TestUtil.Fingerprint(full)), $"{path} after {change.Span} -> '{change.NewText}'");
                Assert.That(TestUtil.OutputsFingerprint(analysis), Is.EqualTo(TestUtil.OutputsFingerprint(TemplateAnalysis.Analyze(full))),
                    $"incremental analysis of {path} after {change.Span} -> '{change.NewText}'");
                edits++;
            }
        }

        Assert.That(edits, Is.GreaterThan(1000));
    }

    [Test]
    public void MultipleChangesAtOnceMatchAFullParse()
    {
        var random = new Random(7);
        foreach (var path in TestUtil.DjangoTemplates().Take(40))
        {
            var tree = TemplateSyntaxTree.Parse(SourceText.From(File.ReadAllText(path)), path);
            int length = tree.Text.Length;
            if (length < 10)
            {
                continue;
            }

            int a = random.Next(length / 2), b = random.Next(length / 2, length);
            var changes = new[] { new TextChange(new TextSpan(a, 0), "{{ "), new TextChange(new TextSpan(b, Math.Min(2, length - b)), "}}\n") };
            var newText = tree.Text.WithChanges(changes);
            Assert.That(TestUtil.Fingerprint(tree.WithChanges(newText, changes)), Is.EqualTo(TestUtil.Fingerprint(TemplateSyntaxTree.Parse(newText, path))), path);
        }
    }

    [Test]
    public void OneCharacterEditReusesAlmostAllTokens()
    {
        var builder = new System.Text.StringBuilder();
        for (int i = 0; i < 200; i++)
        {
            builder.Append("<div class=\"row\">{{ item.name|lower }}</div>{% if x %}<a href=\"{% url 'a' %}\">y</a>{% endif %}\n");
        }

        var tree = TemplateSyntaxTree.Parse(builder.ToString());
        int position = builder.Length / 2;
        position = builder.ToString().IndexOf("item.name", position, StringComparison.Ordinal) + 4;
        var change = new TextChange(new TextSpan(position, 0), "x");
        var newTree = tree.WithChanges(tree.Text.WithChanges(change), new[] { change });
        int reused = newTree.Tokens.Count(t => tree.Tokens.Contains(t));
        Assert.That(newTree.Tokens, Has.Count.EqualTo(tree.Tokens.Count));
        Assert.That(reused, Is.GreaterThanOrEqualTo(tree.Tokens.Count - 3));
        var changed = newTree.Tokens.Where(t => !tree.Tokens.Contains(t)).Select(t => t.Text).ToArray();
        Assert.That(changed, Does.Contain("{{ itemx.name|lower }}"));

        // The analysis reuses the classification of untouched top-level parts (same escaping objects; only outputs
        // with filters have their own, an unfiltered escaping is one shared instance per combination).
        var analysis = TemplateAnalysis.Analyze(tree);
        var updated = analysis.WithChanges(newTree.Text, new[] { change });
        Assert.That(updated.Outputs, Has.Count.EqualTo(analysis.Outputs.Count));
        var filtered = updated.Outputs.Zip(analysis.Outputs).Where(p => p.Second.Filters.Count > 0).ToArray();
        Assert.That(filtered, Has.Length.EqualTo(200));
        int same = filtered.Count(p => ReferenceEquals(p.First.Escaping, p.Second.Escaping));
        Assert.That(same, Is.GreaterThanOrEqualTo(filtered.Length - 2));
        Assert.That(TestUtil.OutputsFingerprint(updated), Is.EqualTo(TestUtil.OutputsFingerprint(TemplateAnalysis.Analyze(TemplateSyntaxTree.Parse(newTree.Text)))));
    }

    [Test]
    public void EditOpeningVerbatimRelexesTheRest()
    {
        const string text = "{% verbatim %}{{ a }}{% endverbatim %}{{ b }}";
        var tree = TemplateSyntaxTree.Parse(text);
        // Break the opener: everything after becomes ordinary template code.
        var change = new TextChange(new TextSpan(3, 8), "xxxxxxxx");
        var newText = tree.Text.WithChanges(change);
        Assert.That(TestUtil.Fingerprint(tree.WithChanges(newText, new[] { change })), Is.EqualTo(TestUtil.Fingerprint(TemplateSyntaxTree.Parse(newText))));
    }

    [Test]
    public void JoiningLinesCanCompleteATag()
    {
        const string text = "a {{ x\n}} b";
        var tree = TemplateSyntaxTree.Parse(text);
        Assert.That(tree.Tokens.Single().Kind, Is.EqualTo(TemplateTokenKind.Text));
        var change = new TextChange(new TextSpan(6, 1), " ");
        var incremental = tree.WithChanges(tree.Text.WithChanges(change), new[] { change });
        Assert.That(incremental.Tokens.Select(t => t.Kind), Is.EqualTo(new[] { TemplateTokenKind.Text, TemplateTokenKind.Variable, TemplateTokenKind.Text }));
    }

    [Test]
    public void AnalysisWithChangesMatchesFullAnalysis()
    {
        var analysis = TemplateAnalysis.Analyze("<script>var s = '{{ a }}';</script><p>{{ b }}</p>");
        var change = new TextChange(new TextSpan(16, 1), "\"");
        var updated = analysis.WithChanges(analysis.Tree.Text.WithChanges(change), new[] { change });
        Assert.That(updated.Outputs.Select(o => o.Context.Name), Is.EqualTo(new[] { "js-string-double", "html-text" }));
    }

    private static TextChange RandomChange(Random random, int length)
    {
        int start = random.Next(length + 1);
        int removed = random.Next(3) == 0 ? 0 : Math.Min(length - start, random.Next(6));
        string inserted = random.Next(4) switch
        {
            0 => string.Empty,
            1 => ((char)random.Next(32, 127)).ToString(),
            _ => Snippets[random.Next(Snippets.Length)],
        };
        if (removed == 0 && inserted.Length == 0)
        {
            inserted = "x";
        }

        return new TextChange(new TextSpan(start, removed), inserted);
    }
}

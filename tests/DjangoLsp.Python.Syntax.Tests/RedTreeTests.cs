using DjangoLsp.Python.Syntax.Parsing;

namespace DjangoLsp.Python.Syntax.Tests;

/// <summary>
/// The red tree's child cache (a single child held without an array, upgraded to one entry per slot when a second
/// slot is asked for), the bulk walk <see cref="SyntaxNode.GetDescendantNodeArray"/>, and names read from green tokens:
/// every way of reaching a child must give the same red node at the same position, also across threads.
/// </summary>
public class RedTreeTests
{
    private static IEnumerable<string> DjangoSample() =>
        Corpus.Files(Corpus.DjangoDirectory).Where((_, i) => i % 7 == 0);

    [Test]
    public void Bulk_walk_equals_the_lazy_walk_on_a_fresh_tree()
    {
        var files = DjangoSample().ToList();
        if (files.Count == 0) Assert.Ignore("Django's source is not installed");
        foreach (var path in files)
        {
            var text = File.ReadAllText(path);
            var bulkTree = PythonSyntaxTree.Parse(text, path);
            var bulk = bulkTree.Root.GetDescendantNodeArray(out _);
            var lazy = PythonSyntaxTree.Parse(text, path).Root.DescendantNodes().ToList();
            Assert.That(bulk.Select(n => (n.Kind, n.FullSpan)), Is.EqualTo(lazy.Select(n => (n.Kind, n.FullSpan))), path);
            // The walk fills the same cache the typed API reads: walking again hands out the same instances.
            var again = bulkTree.Root.DescendantNodes().ToList();
            Assert.That(again.Zip(bulk).All(p => ReferenceEquals(p.First, p.Second)), Is.True, path);
        }
    }

    [Test]
    public void Node_array_with_kinds_equals_the_lazy_walk_also_on_a_partly_realised_tree()
    {
        var files = DjangoSample().ToList();
        if (files.Count == 0) Assert.Ignore("Django's source is not installed");
        foreach (var path in files)
        {
            var text = File.ReadAllText(path);
            var lazy = PythonSyntaxTree.Parse(text, path).Root.DescendantNodes().ToList();

            var fresh = PythonSyntaxTree.Parse(text, path);
            var nodes = fresh.Root.GetDescendantNodeArray(out var kinds);
            Assert.That(nodes.Select(n => (n.Kind, n.FullSpan)), Is.EqualTo(lazy.Select(n => (n.Kind, n.FullSpan))), path);
            Assert.That(kinds, Is.EqualTo(nodes.Select(n => n.Kind)), path);
            Assert.That(fresh.Root.DescendantNodes().Zip(nodes).All(p => ReferenceEquals(p.First, p.Second)), Is.True, path);

            // Some children asked for first (tokens, typed accessors, single children): the walk must hand out those.
            var partly = PythonSyntaxTree.Parse(text, path);
            var asked = new List<SyntaxNode>();
            foreach (var call in partly.Root.DescendantNodes(n => n is not FunctionDefinitionSyntax).OfType<CallExpressionSyntax>())
            {
                asked.Add(call.Expression);
                _ = call.ArgumentList.OpenParenToken;
            }
            foreach (var token in partly.Root.DescendantTokens().Where((_, i) => i % 5 == 0)) _ = token.Parent;
            var after = partly.Root.GetDescendantNodeArray(out var afterKinds);
            Assert.That(after.Select(n => (n.Kind, n.FullSpan)), Is.EqualTo(lazy.Select(n => (n.Kind, n.FullSpan))), path);
            Assert.That(afterKinds, Is.EqualTo(after.Select(n => n.Kind)), path);
            Assert.That(asked.All(a => after.Contains(a)), Is.True, path);
            Assert.That(partly.Root.DescendantNodes().Zip(after).All(p => ReferenceEquals(p.First, p.Second)), Is.True, path);
        }
    }

    [Test]
    public void Node_array_of_a_leaf_or_a_token_only_node_is_empty()
    {
        var tree = PythonSyntaxTree.Parse("x\n");
        var name = tree.Root.DescendantNodes().OfType<NameExpressionSyntax>().Single();
        Assert.That(name.GetDescendantNodeArray(out var kinds), Is.Empty);
        Assert.That(kinds, Is.Empty);
        Assert.That(PythonSyntaxTree.Parse("").Root.GetDescendantNodeArray(out _), Is.Empty);
    }

    [Test]
    public void Bulk_walk_can_start_below_the_root()
    {
        var tree = PythonSyntaxTree.Parse("def f(a):\n    return g(a.b, [x for x in a])\n");
        var function = tree.Root.Statements.OfType<FunctionDefinitionSyntax>().Single();
        var nodes = function.Body.GetDescendantNodeArray(out var kinds);
        Assert.That(nodes, Is.EqualTo(function.Body.DescendantNodes()));
        Assert.That(kinds, Is.EqualTo(nodes.Select(n => n.Kind)));
        Assert.That(nodes.OfType<CallExpressionSyntax>().Single().Expression.ToString(), Is.EqualTo("g"));
    }

    [Test]
    public void A_single_child_keeps_its_identity_when_tokens_are_asked_for_later()
    {
        var tree = PythonSyntaxTree.Parse("obj.attr(x)\n");
        var call = tree.Root.DescendantNodes().OfType<CallExpressionSyntax>().Single();
        var attribute = (AttributeExpressionSyntax)call.Expression;
        var receiver = attribute.Expression;                 // the attribute's only node slot: held without an array
        var argumentList = call.ArgumentList;
        var argument = argumentList.Arguments.Single();       // ArgumentList's only node slot is its list
        Assert.That(attribute.NameToken.Text, Is.EqualTo("attr")); // a token slot: moves to one entry per slot
        Assert.That(argumentList.OpenParenToken.Text, Is.EqualTo("("));
        Assert.That(attribute.Expression, Is.SameAs(receiver));
        Assert.That(argumentList.Arguments.Single(), Is.SameAs(argument));
        Assert.That(attribute.NameToken, Is.SameAs(attribute.NameToken));
        Assert.That(attribute.NameToken.Parent, Is.SameAs(attribute));
        Assert.That(attribute.NameToken.Span.Start, Is.EqualTo(4));
        Assert.That(argumentList.CloseParenToken.Span.Start, Is.EqualTo(10));
        // A node whose only slot is a token holds that token directly.
        var name = (NameExpressionSyntax)receiver;
        Assert.That(name.Identifier, Is.SameAs(name.Identifier));
        Assert.That(name.Identifier.Span, Is.EqualTo(name.Span));
        Assert.That(tree.Root.FindToken(1), Is.SameAs(name.Identifier));
    }

    [Test]
    public void Tokens_asked_for_first_then_the_single_node_child()
    {
        var tree = PythonSyntaxTree.Parse("value = obj.attr\n");
        var attribute = tree.Root.DescendantNodes(n => n is not AttributeExpressionSyntax).OfType<AttributeExpressionSyntax>().Single();
        var dot = attribute.DotToken;
        var receiver = attribute.Expression;
        Assert.That(dot.Span.Start, Is.EqualTo(11));
        Assert.That(receiver.Span.Start, Is.EqualTo(8));
        Assert.That(attribute.DotToken, Is.SameAs(dot));
        Assert.That(attribute.Expression, Is.SameAs(receiver));
        Assert.That(attribute.DescendantNodes().Single(), Is.SameAs(receiver));
    }

    [Test]
    public void Threads_racing_on_a_fresh_tree_see_one_red_node_per_slot()
    {
        var path = DjangoSample().FirstOrDefault(p => new FileInfo(p).Length > 20_000);
        if (path is null) Assert.Ignore("Django's source is not installed");
        var text = File.ReadAllText(path);
        for (var round = 0; round < 5; round++)
        {
            var tree = PythonSyntaxTree.Parse(text, path);
            const int threads = 5;
            var results = new List<SyntaxNode>[threads];
            using var start = new Barrier(threads);
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                start.SignalAndWait();
                var seen = new List<SyntaxNode>();
                // Different orders and entry points: tokens first, typed accessors, the bulk walk, the lazy walk.
                if (t == 0)
                {
                    // The bulk walk entered below the root first, then over the whole tree.
                    foreach (var statement in tree.Root.Statements) _ = statement.GetDescendantNodeArray(out _);
                    seen.AddRange(tree.Root.GetDescendantNodeArray(out _));
                }
                else if (t == 1)
                {
                    foreach (var token in tree.Root.DescendantTokens()) _ = token.Parent;
                    seen.AddRange(tree.Root.DescendantNodes());
                }
                else if (t == 2)
                {
                    foreach (var attribute in tree.Root.DescendantNodes().OfType<AttributeExpressionSyntax>()) _ = attribute.NameToken;
                    seen.AddRange(tree.Root.DescendantNodes());
                }
                else if (t == 3) seen.AddRange(tree.Root.GetDescendantNodeArray(out _));
                else seen.AddRange(tree.Root.DescendantNodes());
                results[t] = seen;
            });
            for (var t = 1; t < threads; t++)
            {
                Assert.That(results[t], Has.Count.EqualTo(results[0].Count));
                Assert.That(results[t].Zip(results[0]).All(p => ReferenceEquals(p.First, p.Second)), Is.True, $"round {round}, thread {t}");
            }
            var tokens = tree.Root.DescendantTokens().ToList();
            Assert.That(tree.Root.DescendantTokens().Zip(tokens).All(p => ReferenceEquals(p.First, p.Second)), Is.True);
            Assert.That(string.Concat(tokens.Select(k => k.ToFullString())), Is.EqualTo(text));
        }
    }

    [TestCase("import os.path as p\n", "os.path")]
    [TestCase("import a . b .c\n", "a.b.c")]
    [TestCase("from .models import x\n", "models")]
    [TestCase("import\n", "")]
    [TestCase("import os.\n", "os.")] // the missing identifier after the dot is an empty token
    public void Dotted_names_are_the_identifier_tokens_joined(string code, string expected)
    {
        var tree = PythonSyntaxTree.Parse(code);
        var dotted = tree.Root.DescendantNodes().OfType<DottedNameSyntax>().FirstOrDefault();
        var name = dotted?.Name ?? "";
        Assert.That(name, Is.EqualTo(expected));
        if (dotted is not null)
            Assert.That(name, Is.EqualTo(string.Join('.', dotted.Identifiers.Select(t => t.Text))));
    }

    [TestCase("x.\n")]
    [TestCase("def (a): pass\n")]
    [TestCase("class :\n    pass\n")]
    [TestCase("foo = bar.baz\n")]
    public void Names_read_from_green_tokens_equal_the_token_texts(string code)
    {
        var tree = PythonSyntaxTree.Parse(code);
        foreach (var node in tree.Root.DescendantNodes())
        {
            switch (node)
            {
                case NameExpressionSyntax name:
                    Assert.That(name.Name, Is.EqualTo(name.Identifier.Text));
                    break;
                case AttributeExpressionSyntax attribute:
                    Assert.That(attribute.Name, Is.EqualTo(attribute.NameToken.Text));
                    break;
                case FunctionDefinitionSyntax function:
                    Assert.That(function.Name, Is.EqualTo(function.NameToken.Text));
                    break;
                case ClassDefinitionSyntax @class:
                    Assert.That(@class.Name, Is.EqualTo(@class.NameToken.Text));
                    break;
            }
        }
    }

    [Test]
    public void String_values_read_from_green_parts_equal_the_decoded_red_parts()
    {
        var files = DjangoSample().Take(40).ToList();
        if (files.Count == 0) Assert.Ignore("Django's source is not installed");
        var checkedLiterals = 0;
        foreach (var path in files.Append("inline"))
        {
            var text = path == "inline" ? "a = 'x' \"y\" r'\\z'\nb = b'q' f'{a}' 'w'\nc = ''\n" : File.ReadAllText(path);
            foreach (var literal in PythonSyntaxTree.Parse(text).Root.DescendantNodes().OfType<StringLiteralExpressionSyntax>())
            {
                var parts = literal.Parts;
                var expected = parts.All(p => p is SyntaxToken)
                    ? string.Concat(parts.Select(p => StringLiteralInfo.Decode(((SyntaxToken)p).Text, out _)))
                    : null;
                Assert.That(literal.Value, Is.EqualTo(expected), $"{path}: {literal}");
                checkedLiterals++;
            }
        }
        Assert.That(checkedLiterals, Is.GreaterThan(1000));
    }

    [Test]
    public void Lists_skip_separators_without_losing_elements_or_tokens()
    {
        var tree = PythonSyntaxTree.Parse("f(a, *b, c=1, **d,)\nfrom . . m import (x, y as z,)\n");
        var arguments = tree.Root.DescendantNodes().OfType<CallExpressionSyntax>().Single().ArgumentList.Arguments;
        Assert.That(arguments.Select(a => a.ToString()), Is.EqualTo(new[] { "a", "*b", "c=1", "**d" }));
        Assert.That(arguments.Select(a => a.Span.Start), Is.EqualTo(new[] { 2, 5, 9, 14 }));
        var fromImport = tree.Root.Statements.OfType<FromImportStatementSyntax>().Single();
        Assert.That(fromImport.Level, Is.EqualTo(2), "a list of tokens still yields its tokens");
        Assert.That(fromImport.Names.Select(n => n.ToString()), Is.EqualTo(new[] { "x", "y as z" }));
    }

    [Test]
    public void Every_node_knows_its_tree()
    {
        var tree = PythonSyntaxTree.Parse("def f():\n    return [g(x) for x in y]\n");
        foreach (var node in tree.Root.DescendantNodes()) Assert.That(node.SyntaxTree, Is.SameAs(tree));
        Assert.That(tree.Root.DescendantTokens().First().SyntaxTree, Is.SameAs(tree));
    }
}

namespace DjangoLsp.Python.Syntax.Tests;

/// <summary>
/// Shared green nodes (the node cache): identical small subtrees are one object, yet every red node still has
/// its own position, and nodes with errors are never shared.
/// </summary>
public class GreenSharingTests
{
    [Test]
    public void IdenticalCallsShareOneGreenNodeButKeepTheirOwnPositions()
    {
        const string text = "a = self.name(x)\nb = self.name(x)\nc = self.other(x)\n";
        var tree = PythonSyntaxTree.Parse(text);
        var calls = tree.Root.DescendantNodes().OfType<CallExpressionSyntax>().ToList();
        Assert.That(calls, Has.Count.EqualTo(3));
        Assert.That(calls[0].Green, Is.SameAs(calls[1].Green), "same text and trivia: one green node");
        Assert.That(calls[2].Green, Is.Not.SameAs(calls[0].Green));
        Assert.That(calls.Select(c => c.FullSpan.Start), Is.EqualTo(new[] { 4, 21, 38 }));
        Assert.That(calls.Select(c => text.Substring(c.FullSpan.Start, c.FullSpan.Length)), Is.EqualTo(new[] { "self.name(x)", "self.name(x)", "self.other(x)" }));
        Assert.That(tree.Root.ToFullString(), Is.EqualTo(text));
    }

    [Test]
    public void BrokenAttributeAccessesAreNotSharedAndReportAnErrorEach()
    {
        const string text = "a = f(self.)\nb = f(self.)\n";
        var tree = PythonSyntaxTree.Parse(text);
        var attributes = tree.Root.DescendantNodes().OfType<AttributeExpressionSyntax>().ToList();
        Assert.That(attributes, Has.Count.EqualTo(2));
        Assert.That(attributes[0].Green, Is.Not.SameAs(attributes[1].Green));
        var errorLines = tree.Diagnostics.Where(d => !d.IsWarning).Select(d => text[..d.Span.Start].Count(ch => ch == '\n')).Distinct();
        Assert.That(errorLines, Is.EquivalentTo(new[] { 0, 1 }));
    }
}

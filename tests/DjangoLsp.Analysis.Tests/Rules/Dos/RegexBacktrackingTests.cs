using DjangoLsp.Analysis.Rules.Dos;

namespace DjangoLsp.Analysis.Tests.Rules.Dos;

[TestFixture]
public class RegexBacktrackingTests
{
    [TestCase(@"(a+)+$", "(a+)+")]
    [TestCase(@"^([\w-]+,?)+/$", @"([\w-]+,?)+")]
    [TestCase(@"^([A-Z0-9]+[- ]?)+$", "([A-Z0-9]+[- ]?)+")]
    [TestCase(@"^(\s*\w+\s*)*$", @"(\s*\w+\s*)*")]
    [TestCase(@"(a|a)*b", "(a|a)*")]
    [TestCase(@"(\w|\d)+x", @"(\w|\d)+")]
    [TestCase(@"(.*a){20}", "(.*a){20}")]
    [TestCase(@"(?P<x>(?:\d+)*)z", @"(?:\d+)*")]
    [TestCase(@"(?i)^([a-z]+A?)+$", "([a-z]+A?)+")]
    public void Catastrophic(string pattern, string culprit) =>
        Assert.That(RegexBacktracking.FindCatastrophicBacktracking(pattern), Is.EqualTo(culprit));

    [TestCase(@"^(\d+\.)+\d+$")]
    [TestCase(@"^([\w-]+,)*[\w-]+$")]
    [TestCase(@"^[\w-]+(?:,[\w-]+)*$")]
    [TestCase(@"(a|b)+c")]
    [TestCase(@"(?>a+)+")]
    [TestCase(@"(a++)+")]
    [TestCase(@"(.*a){2}")]
    [TestCase(@"^(?P<year>[0-9]{4})/(?P<slug>[-\w]+)/$")]
    [TestCase(@"(a+)\1+")]
    [TestCase(@"([unbalanced")]
    [TestCase(@"\")]
    [TestCase(@"(?x) (a+)+ ")]
    [TestCase(@"[a-z]+@[a-z]+\.[a-z]{2,}")]
    public void Linear(string pattern) =>
        Assert.That(RegexBacktracking.FindCatastrophicBacktracking(pattern), Is.Null);
}

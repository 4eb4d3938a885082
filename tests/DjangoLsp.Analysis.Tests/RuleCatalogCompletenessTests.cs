using DjangoLsp.Analysis.Engine;
using NUnit.Framework;

namespace DjangoLsp.Analysis.Tests;

/// <summary>
/// Every security rule the product ships has a complete catalog entry: the hover, `djangolsp explain`, the
/// generated docs/rules pages and SARIF metadata are all built from it, so a gap here is a gap users see.
/// </summary>
public class RuleCatalogCompletenessTests
{
    private static IEnumerable<RuleDescriptor> SecurityRules() =>
        BuiltInAnalyzers.CreateEngine().Catalog.All.Where(r => r.Id != "syntax");

    [Test]
    public void IdsAreStableDjNumbersAndUnique()
    {
        var ids = SecurityRules().Select(r => r.Id).ToList();
        Assert.That(ids, Has.Count.GreaterThanOrEqualTo(60));
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Has.All.Match("^DJ[0-9]{3}$"));
    }

    [TestCaseSource(nameof(SecurityRuleIds))]
    public void EntryIsComplete(string id)
    {
        var rule = BuiltInAnalyzers.CreateEngine().Catalog.Find(id)!;
        Assert.That(RuleCategory.All, Does.Contain(rule.Category));
        Assert.That(rule.Owasp2021, Is.Not.Empty.And.All.Match(":2021$"));
        Assert.That(rule.Owasp2025, Is.Not.Empty.And.All.Match(":2025$"));
        Assert.That(rule.Owasp2021.Concat(rule.Owasp2025).All(OwaspTop10.IsKnown), Is.True);
        Assert.That(rule.Cwe, Is.Not.Empty.And.All.GreaterThan(0));
        Assert.That(rule.Summary, Is.Not.Empty);
        foreach (var section in new[] { "## What it does", "## Why it matters", "## Example", "## Fix", "## References" })
            Assert.That(rule.Documentation, Does.Contain(section), section);
        Assert.That(rule.Documentation, Does.Contain("```"), "a code sample");
        Assert.That(rule.DjangoDocsUrl, Does.StartWith("https://docs.djangoproject.com/").Or.StartWith("https://"));
        Assert.That(rule.Name, Does.Match("^[a-z0-9]+(-[a-z0-9]+)*$"));
    }

    private static IEnumerable<string> SecurityRuleIds() => SecurityRules().Select(r => r.Id);
}

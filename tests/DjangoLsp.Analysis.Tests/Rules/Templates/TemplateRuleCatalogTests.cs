using DjangoLsp.Analysis.Engine;
using NUnit.Framework;

namespace DjangoLsp.Analysis.Tests.Rules.Templates;

/// <summary>The catalog entries of the template rules: ids in their ranges, OWASP 2021 and 2025, CWE, documentation sections.</summary>
public class TemplateRuleCatalogTests
{
    private static IEnumerable<RuleDescriptor> TemplateRules() =>
        BuiltInAnalyzers.CreateEngine().Catalog.All.Where(r => r.Category is RuleCategory.XssTemplate || r.Id.StartsWith("DJ32", StringComparison.Ordinal));

    [Test]
    public void IdsAreInTheTemplateRangesAndCategoriesMatch()
    {
        var rules = TemplateRules().ToList();
        Assert.That(rules.Select(r => r.Id), Is.EqualTo(new[] { "DJ220", "DJ221", "DJ222", "DJ223", "DJ224", "DJ225", "DJ226", "DJ227", "DJ228", "DJ229", "DJ230", "DJ320", "DJ321" }));
        foreach (var rule in rules)
        {
            int number = int.Parse(rule.Id.Substring(2));
            if (rule.Category == RuleCategory.XssTemplate)
            {
                Assert.That(number, Is.InRange(220, 249), rule.Id);
                Assert.That(rule.Owasp2021, Is.EqualTo(new[] { "A03:2021" }), rule.Id);
                Assert.That(rule.Owasp2025, Is.EqualTo(new[] { "A05:2025" }), rule.Id);
                Assert.That(rule.Cwe, Does.Contain(79), rule.Id);
            }
            else
            {
                Assert.That(rule.Category, Is.EqualTo(RuleCategory.Csrf), rule.Id);
                Assert.That(number, Is.InRange(320, 329), rule.Id);
                Assert.That(rule.Owasp2021, Is.EqualTo(new[] { "A01:2021" }), rule.Id);
                Assert.That(rule.Owasp2025, Is.EqualTo(new[] { "A01:2025" }), rule.Id);
                Assert.That(rule.Cwe, Does.Contain(352), rule.Id);
            }
        }
    }

    [Test]
    public void DocumentationHasEverySectionAndKnownLinks()
    {
        foreach (var rule in TemplateRules())
        {
            Assert.That(rule.Owasp2021.Concat(rule.Owasp2025).All(OwaspTop10.IsKnown), Is.True, rule.Id);
            Assert.That(rule.Name, Does.Match("^[a-z0-9]+(-[a-z0-9]+)*$"), rule.Id);
            foreach (var section in new[] { "## What it does", "## Why it matters", "## Example", "## Fix", "## References" })
            {
                Assert.That(rule.Documentation, Does.Contain(section), $"{rule.Id} lacks {section}");
            }

            Assert.That(rule.Documentation, Does.Contain("https://docs.djangoproject.com/en/stable/"), rule.Id);
            Assert.That(rule.Documentation, Does.Contain("owasp.org"), rule.Id);
            Assert.That(rule.DjangoDocsUrl, Does.StartWith("https://docs.djangoproject.com/en/stable/"), rule.Id);
        }
    }
}

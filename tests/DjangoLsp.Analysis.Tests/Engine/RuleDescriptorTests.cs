using DjangoLsp.Analysis;
using DjangoLsp.Analysis.Dependencies;
using DjangoLsp.Analysis.Dependencies.Advisories;
using DjangoLsp.Analysis.Engine;
using NUnit.Framework;

namespace DjangoLsp.Analysis.Tests.Engine;

public class RuleDescriptorTests
{
    private static readonly string[] Owasp2021 = { "A03:2021" };
    private static readonly string[] Owasp2025 = { "A05:2025" };
    private static readonly int[] Cwe = { 89 };

    private static RuleDescriptor Lazy(Func<string> summary, Func<string> documentation) =>
        new("DJ999", "test-rule", Severity.Warning, RuleCategory.SqlInjection, Owasp2021, Owasp2025, Cwe, summary, documentation);

    [Test]
    public void Text_given_as_a_function_is_built_on_first_read_and_only_once()
    {
        var builds = 0;
        var rule = Lazy(() => { builds++; return "Summary " + builds; }, () => "## Docs");
        Assert.That(builds, Is.Zero, "creating the descriptor must not build its text");
        Assert.That(rule.Summary, Is.EqualTo("Summary 1"));
        Assert.That(rule.Summary, Is.EqualTo("Summary 1"));
        Assert.That(builds, Is.EqualTo(1));
        Assert.That(rule.Documentation, Is.EqualTo("## Docs"));
    }

    [Test]
    public void Equality_compares_the_text_whether_given_or_built()
    {
        var cwe = new[] { 89 };
        var owasp2021 = new[] { "A03:2021" };
        var owasp2025 = new[] { "A05:2025" };
        var given = new RuleDescriptor("DJ999", "test-rule", Severity.Warning, RuleCategory.SqlInjection, owasp2021, owasp2025, cwe, "S", "D");
        var built = new RuleDescriptor("DJ999", "test-rule", Severity.Warning, RuleCategory.SqlInjection, owasp2021, owasp2025, cwe, () => "S", () => "D");
        var other = new RuleDescriptor("DJ999", "test-rule", Severity.Warning, RuleCategory.SqlInjection, owasp2021, owasp2025, cwe, () => "S", () => "other");
        Assert.That(built, Is.EqualTo(given));
        Assert.That(built.GetHashCode(), Is.EqualTo(given.GetHashCode()));
        Assert.That(other, Is.Not.EqualTo(given));
        Assert.That(given with { }, Is.EqualTo(given));
    }

    [Test]
    public void The_catalog_still_rejects_a_second_rule_with_the_same_id_and_other_text()
    {
        var first = new TestAnalyzer(Lazy(() => "one", () => "D"));
        var second = new TestAnalyzer(Lazy(() => "two", () => "D"));
        Assert.That(() => new RuleCatalog(new IDocumentAnalyzer[] { first, second }), Throws.InvalidOperationException);
        Assert.That(() => new RuleCatalog(new IDocumentAnalyzer[] { first, new TestAnalyzer(Lazy(() => "one", () => "D")) }), Throws.Nothing);
    }

    [Test]
    public void DJ600_summary_names_the_embedded_snapshot_date()
    {
        var summary = BuiltInAnalyzers.CreateEngine().Catalog.Find("DJ600")!.Summary;
        Assert.That(summary, Does.EndWith($"(built-in PyPA advisory snapshot of {AdvisoryStore.EmbeddedSnapshot.Date})."));
        Assert.That(AdvisoryStore.EmbeddedSnapshot.Date, Does.Match(@"^\d{4}-\d{2}-\d{2}"));
        Assert.That(DependencyRules.VulnerableDependency.Summary, Is.SameAs(summary));
    }

    private sealed class TestAnalyzer : IDocumentAnalyzer
    {
        public TestAnalyzer(RuleDescriptor rule) => SupportedRules = new[] { rule };

        public IReadOnlyList<RuleDescriptor> SupportedRules { get; }

        public bool Supports(DocumentKind kind) => false;

        public IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken) =>
            Array.Empty<Finding>();
    }
}

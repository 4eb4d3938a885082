using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Rules.Python;

public class SuppressionTests
{
    private const string Vulnerable = "def v(request):\n    return eval(request.GET['x']){0}\n";

    [TestCase("  # noqa")]
    [TestCase("  # noqa: DJ130")]
    [TestCase("  # noqa: E501, DJ130")]
    [TestCase("  # djangolsp: ignore[DJ130]")]
    [TestCase("  # djangolsp: ignore[DJ101, DJ130]")]
    public void Comment_on_the_finding_line_suppresses(string comment) =>
        Assert.That(RuleTestHelper.IdsAndLines(string.Format(Vulnerable, comment)), Is.Empty);

    [TestCase("")]
    [TestCase("  # noqa: DJ101")]
    [TestCase("  # djangolsp: ignore[DJ200]")]
    [TestCase("  # a comment mentioning noqa-like text: DJ130 is bad")]
    public void Other_codes_or_no_comment_do_not_suppress(string comment) =>
        Assert.That(RuleTestHelper.IdsAndLines(string.Format(Vulnerable, comment)), Is.EqualTo(new[] { "DJ130:2" }));

    [Test]
    public void Comment_on_another_line_does_not_suppress()
    {
        const string code = "def v(request):  # noqa\n    return eval(request.GET['x'])\n";
        Assert.That(RuleTestHelper.IdsAndLines(code), Is.EqualTo(new[] { "DJ130:2" }));
    }

    [Test]
    public void Template_ignore_comment_suppresses_a_template_finding()
    {
        // A stand-in analyzer reporting every {{ var }} line, so the engine's generic step is tested on templates.
        var engine = new AnalysisEngine(new IDocumentAnalyzer[] { new EveryLineAnalyzer() });
        var text = SourceText.From("<p>{{ a }}</p> {# djangolsp: ignore[DJ221] #}\n<p>{{ b }}</p>\n<p>{{ c }}</p> {# djangolsp: ignore[DJ222] #}\n");
        var findings = engine.Analyze(new AnalysisDocument("/t/page.html", text, kind: DocumentKind.DjangoTemplate), new AnalysisContext(new AnalysisOptions()));
        Assert.That(findings.Select(f => text.Lines.GetLineFromPosition(f.Span.Start).LineNumber + 1), Is.EqualTo(new[] { 2, 3 }));
    }

    private sealed class EveryLineAnalyzer : IDocumentAnalyzer
    {
        private static readonly RuleDescriptor Rule = new("DJ221", "test", Severity.Warning, RuleCategory.XssTemplate,
            Array.Empty<string>(), Array.Empty<string>(), Array.Empty<int>(), "test", "test");

        public IReadOnlyList<RuleDescriptor> SupportedRules => new[] { Rule };
        public bool Supports(DocumentKind kind) => true;

        public IEnumerable<Finding> Analyze(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken) =>
            document.Text.Lines.Where(l => l.Span.Length > 0).Select(l => new Finding(Rule, document.Path, new TextSpan(l.Start + 3, 1), "x"));
    }
}

using DjangoLsp.Analysis.Engine;
using NUnit.Framework;

namespace DjangoLsp.Analysis.Tests.Rules.Templates;

/// <summary>
/// tests/fixtures/projects/scriptblocks: base.html opens a <c>{% block page_config %}</c> inside <c>&lt;script&gt;</c>;
/// shop/product.html overrides it with outputs that are JavaScript only because of the parent; shop/checkout.html
/// includes shop/_analytics.html inside <c>&lt;script&gt;</c>. The template XSS rules must classify those outputs with
/// the context the parent / includer gives them, report them in the child / included file, and point at the parent's
/// <c>&lt;script&gt;</c> (or the include tag) as related information.
/// </summary>
public class TemplateGraphContextTests
{
    private static readonly string Root = FindFixture();

    private static string FindFixture()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir != null && !Directory.Exists(Path.Combine(dir.FullName, "tests", "fixtures", "projects", "scriptblocks"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("tests/fixtures/projects/scriptblocks"), "tests", "fixtures", "projects", "scriptblocks");
    }

    private static string P(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static IReadOnlyList<Finding> TemplateFindings(string relative, IWorkspaceFiles? files = null)
    {
        files ??= DiskFiles.Instance;
        var document = files.TryGetDocument(P(relative))!;
        var engine = BuiltInAnalyzers.CreateEngine();
        var failures = new List<Exception>();
        engine.AnalyzerFailed += (_, _, e) => failures.Add(e);
        var findings = engine.Analyze(document, new AnalysisContext(AnalysisOptions.Default, files, Root));
        Assert.That(failures, Is.Empty, "an analyzer threw");
        return findings.Where(f => f.Rule.Id.StartsWith("DJ2", StringComparison.Ordinal)).ToList();
    }

    private static string Text(string relative) => File.ReadAllText(P(relative));

    private static string At(string relative, Microsoft.CodeAnalysis.Text.TextSpan span) => Text(relative).Substring(span.Start, span.Length);

    private static string Describe(IEnumerable<Finding> findings) =>
        string.Join("\n", findings.Select(f => $"{f.Rule.Id} {f.Span}: {f.Message}"));

    [Test]
    public void ChildBlockInsideParentScriptIsJavaScript()
    {
        var findings = TemplateFindings("shop/templates/shop/product.html");
        var outputs = findings.Select(f => At("shop/templates/shop/product.html", f.Span)).ToList();
        // Both outputs of the page_config override: one in JS code, one in a JS string.
        Assert.That(outputs, Is.EquivalentTo(new[] { "{{ product.tags }}", "{{ product.name }}" }), Describe(findings));
        var line3 = Text("shop/templates/shop/product.html").IndexOf("{% block page_config %}", StringComparison.Ordinal);
        Assert.That(findings.All(f => f.Span.Start > line3 && f.Span.Start < line3 + 100), Is.True, "only the page_config block is in JavaScript: " + Describe(findings));
        foreach (var finding in findings)
        {
            var related = finding.Related.SingleOrDefault(r => r.Path == P("templates/base.html"));
            Assert.That(related, Is.Not.Null, "the parent's <script> is related information: " + Describe(findings));
            Assert.That(At("templates/base.html", related!.Span), Is.EqualTo("<script>"));
            Assert.That(related.Message, Does.Contain("page_config"));
        }
    }

    [Test]
    public void SameOverrideAnalysedAloneHasNoFinding()
    {
        // Without the parent (the single-file view) the block starts in HTML text: nothing to report. This shows the
        // findings above come from the graph, not from the child's own text.
        var child = Text("shop/templates/shop/product.html");
        var alone = TemplateRuleTestUtil.Security(child, "/nowhere/page.html").Where(f => f.Rule.Id.StartsWith("DJ2", StringComparison.Ordinal));
        Assert.That(alone, Is.Empty, Describe(alone));
    }

    [Test]
    public void EscapedOverrideAndHtmlBlocksAreNotReported()
    {
        var findings = TemplateFindings("shop/templates/shop/safe_product.html");
        Assert.That(findings, Is.Empty, Describe(findings));
    }

    [Test]
    public void TemplateIncludedInsideScriptIsJavaScript()
    {
        var findings = TemplateFindings("shop/templates/shop/_analytics.html");
        var finding = findings.Single();
        Assert.That(At("shop/templates/shop/_analytics.html", finding.Span), Is.EqualTo("{{ customer_name }}"));
        var related = finding.Related.Single(r => r.Path == P("shop/templates/shop/checkout.html"));
        Assert.That(At("shop/templates/shop/checkout.html", related.Span), Does.StartWith("{% include \"shop/_analytics.html\""));
    }

    /// <summary>Documents read once and kept, like a scan's snapshot: the includer's page is then rendered once per context.</summary>
    private sealed class SnapshotFiles : IWorkspaceFiles
    {
        private readonly Dictionary<string, AnalysisDocument?> _documents = new(StringComparer.Ordinal);

        public AnalysisDocument? TryGetDocument(string path)
        {
            if (!_documents.TryGetValue(path, out var document)) _documents[path] = document = DiskFiles.Instance.TryGetDocument(path);
            return document;
        }
    }

    [Test]
    public void IncluderRenderedOnceServesEveryIncludedTemplateOfTheContext()
    {
        var files = new SnapshotFiles();
        var context = new AnalysisContext(AnalysisOptions.Default, files, Root);
        var engine = BuiltInAnalyzers.CreateEngine();
        List<Finding> Dj2(string relative) =>
            engine.Analyze(files.TryGetDocument(P(relative))!, context).Where(f => f.Rule.Id.StartsWith("DJ2", StringComparison.Ordinal)).ToList();

        // The second analysis of the snapshot's _analytics.html reuses checkout.html's rendering from the first.
        Assert.That(Dj2("shop/templates/shop/_card.html"), Is.Empty);
        var analytics = Dj2("shop/templates/shop/_analytics.html");
        Assert.That(analytics.Select(f => At("shop/templates/shop/_analytics.html", f.Span)), Is.EqualTo(new[] { "{{ customer_name }}" }), Describe(analytics));
        Assert.That(analytics.Single().Related.Any(r => r.Path == P("shop/templates/shop/checkout.html")), Is.True);
        var reused = Dj2("shop/templates/shop/_analytics.html");
        Assert.That(Describe(reused), Is.EqualTo(Describe(analytics)));

        // A document that is not the snapshot's (another buffer of the file) is not served the shared rendering: it is
        // analysed exactly as in a context of its own.
        var edited = new AnalysisDocument(P("shop/templates/shop/_analytics.html"),
            Microsoft.CodeAnalysis.Text.SourceText.From("<p>edited</p>\n" + Text("shop/templates/shop/_analytics.html")));
        string Edited(AnalysisContext c) => Describe(engine.Analyze(edited, c).Where(f => f.Rule.Id.StartsWith("DJ2", StringComparison.Ordinal)));
        Assert.That(Edited(context), Is.EqualTo(Edited(new AnalysisContext(AnalysisOptions.Default, new SnapshotFiles(), Root))));
    }

    [Test]
    public void TemplateIncludedInHtmlIsNotReported()
    {
        var findings = TemplateFindings("shop/templates/shop/_card.html");
        Assert.That(findings, Is.Empty, Describe(findings));
    }

    [Test]
    public void ParentTemplateItselfIsNotReported()
    {
        var findings = TemplateFindings("templates/base.html");
        Assert.That(findings, Is.Empty, Describe(findings));
    }
}

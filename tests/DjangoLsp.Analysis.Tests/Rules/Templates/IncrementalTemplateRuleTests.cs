using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;
using NUnit.Framework;
using static DjangoLsp.Analysis.Tests.Rules.Templates.TemplateRuleTestUtil;

namespace DjangoLsp.Analysis.Tests.Rules.Templates;

/// <summary>Findings on an edited snapshot (incrementally updated template analysis) equal those of a fresh parse.</summary>
public class IncrementalTemplateRuleTests
{
    private static readonly AnalysisContext Context = new(AnalysisOptions.Default);

    private static string Describe(IEnumerable<Finding> findings) => string.Join(";", findings.Select(f => $"{f.Rule.Id}@{f.Span}"));

    [Test]
    public void TypingTheFixOneCharacterAtATimeUpdatesFindings()
    {
        string text = "<div>\n<script>\n  var next = \"{{ next }}\";\n</script>\n<form method=\"post\">\n</form>\n</div>\n";
        var document = Document(text);
        Assert.That(Ids(TemplateRuleTestUtil.Engine.Analyze(document, Context)), Is.EqualTo("DJ220,DJ320"));
        int at = text.IndexOf(" }}", StringComparison.Ordinal);
        int version = 1;
        foreach (char c in "|escapejs")
        {
            document = document.WithChanges(new[] { new TextChange(new TextSpan(at++, 0), c.ToString()) }, version++);
            var incremental = TemplateRuleTestUtil.Engine.Analyze(document, Context);
            var fresh = TemplateRuleTestUtil.Engine.Analyze(Document(document.Text.ToString()), Context);
            Assert.That(Describe(incremental), Is.EqualTo(Describe(fresh)), document.Text.ToString());
        }

        Assert.That(Ids(TemplateRuleTestUtil.Engine.Analyze(document, Context)), Is.EqualTo("DJ320"));
        int formEnd = document.Text.ToString().IndexOf("\">\n</form>", StringComparison.Ordinal) + 2;
        document = document.WithChanges(new[] { new TextChange(new TextSpan(formEnd, 0), "{% csrf_token %}") }, version);
        Assert.That(Ids(TemplateRuleTestUtil.Engine.Analyze(document, Context)), Is.Empty);
    }

    [Test]
    public void EditsThatMoveAnOutputIntoAScriptAreSeen()
    {
        var document = Document("<p>{{ data }}</p>\n");
        Assert.That(Ids(TemplateRuleTestUtil.Engine.Analyze(document, Context)), Is.Empty);
        document = document.WithChanges(new[] { new TextChange(new TextSpan(0, 3), "<script>var x = ") }, 1);
        document = document.WithChanges(new[] { new TextChange(new TextSpan(document.Text.Length - 5, 4), ";</script>") }, 2);
        Assert.That(document.Text.ToString(), Is.EqualTo("<script>var x = {{ data }};</script>\n"));
        Assert.That(Ids(TemplateRuleTestUtil.Engine.Analyze(document, Context)), Is.EqualTo("DJ221"));
    }
}

using DjangoLsp.Analysis;
using NUnit.Framework;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Rules.Templates;

/// <summary>Runs the real engine (all built-in analyzers) over template text and applies fixes the way an editor would.</summary>
internal static class TemplateRuleTestUtil
{
    public const string DjangoRoot = "/usr/lib/python3/dist-packages/django";

    public static readonly AnalysisEngine Engine = BuiltInAnalyzers.CreateEngine();

    public static AnalysisDocument Document(string text, string path = "/project/app/templates/app/page.html") =>
        new(path, SourceText.From(text), 0, DocumentKind.DjangoTemplate);

    /// <summary>Every finding (syntax errors included, so a test sees when a fix breaks the template).</summary>
    public static IReadOnlyList<Finding> Analyze(string text, string path = "/project/app/templates/app/page.html")
    {
        var failures = new List<Exception>();
        var engine = BuiltInAnalyzers.CreateEngine();
        engine.AnalyzerFailed += (_, _, e) => failures.Add(e);
        var findings = engine.Analyze(Document(text, path), new AnalysisContext(AnalysisOptions.Default));
        Assert.That(failures, Is.Empty, "an analyzer threw");
        return findings;
    }

    /// <summary>Findings of template security rules only (DJ2xx/DJ3xx).</summary>
    public static IReadOnlyList<Finding> Security(string text, string path = "/project/app/templates/app/page.html") =>
        Analyze(text, path).Where(f => f.Rule.Id.StartsWith("DJ", StringComparison.Ordinal)).ToList();

    public static string Ids(IEnumerable<Finding> findings) => string.Join(",", findings.Select(f => f.Rule.Id));

    /// <summary>1-based line of a finding's start.</summary>
    public static int Line(string text, Finding finding) => SourceText.From(text).Lines.GetLinePosition(finding.Span.Start).Line + 1;

    /// <summary>Applies all edits of a fix at once (spans are in the original text).</summary>
    public static string Apply(string text, CodeFix fix)
    {
        var source = SourceText.From(text);
        return source.WithChanges(fix.Edits.Select(e => e.Change)).ToString();
    }

    /// <summary>
    /// The single finding of <paramref name="ruleId"/> must have a fix; applying it must leave a template with no syntax
    /// error, without that finding and without any new finding. Returns the fixed text.
    /// </summary>
    public static string AssertFixCleans(string text, string ruleId, int fixIndex = 0)
    {
        var before = Analyze(text);
        var finding = before.Single(f => f.Rule.Id == ruleId);
        Assert.That(finding.Fixes, Has.Count.GreaterThan(fixIndex), $"{ruleId} offers no fix: {finding.Message}");
        string fixedText = Apply(text, finding.Fixes[fixIndex]);
        var after = Analyze(fixedText);
        Assert.That(after.Where(f => f.Rule.Id == "syntax"), Is.Empty, "the fix broke the template:\n" + fixedText);
        int remaining = after.Count(f => f.Rule.Id == ruleId);
        Assert.That(remaining, Is.EqualTo(before.Count(f => f.Rule.Id == ruleId) - 1), "the finding is still there:\n" + fixedText);
        var newIds = after.Select(f => f.Rule.Id).Except(before.Select(f => f.Rule.Id)).ToList();
        Assert.That(newIds, Is.Empty, "the fix introduced new findings:\n" + fixedText);
        return fixedText;
    }

    public static IReadOnlyList<string> DjangoTemplateFiles()
    {
        if (!Directory.Exists(DjangoRoot))
        {
            return Array.Empty<string>();
        }

        return Directory.EnumerateFiles(DjangoRoot, "*", SearchOption.AllDirectories)
            .Where(p => p.Replace('\\', '/').Contains("/templates/", StringComparison.Ordinal))
            .Where(p => !p.EndsWith(".py", StringComparison.Ordinal) && !p.EndsWith(".pyc", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "DjangoLsp.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}

using DjangoLsp.Analysis;
using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Rules.Crypto;

/// <summary>Runs the real engine (all built-in analyzers) and keeps the findings of the crypto/DoS rules.</summary>
internal static class RuleHost
{
    public static readonly AnalysisEngine Engine = BuiltInAnalyzers.CreateEngine();

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "DjangoLsp.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    public static bool IsOurs(string ruleId) => ruleId.StartsWith("DJ4", StringComparison.Ordinal) || ruleId.StartsWith("DJ8", StringComparison.Ordinal);

    public static IReadOnlyList<Finding> Analyze(AnalysisDocument document, List<Exception>? failures = null)
    {
        var engine = BuiltInAnalyzers.CreateEngine();
        if (failures != null) engine.AnalyzerFailed += (_, _, e) => failures.Add(e);
        else engine.AnalyzerFailed += (a, d, e) => throw new AssertionException($"{a.GetType().Name} failed on {d.Path}: {e}");
        var context = new AnalysisContext(new AnalysisOptions());
        return engine.Analyze(document, context).Where(f => IsOurs(f.Rule.Id)).ToList();
    }

    public static IReadOnlyList<Finding> Analyze(string path, string text) => Analyze(new AnalysisDocument(path, SourceText.From(text)));

    public static int Line(SourceText text, Finding finding) => text.Lines.GetLinePosition(finding.Span.Start).Line + 1;

    public static string Describe(SourceText text, IEnumerable<Finding> findings) =>
        string.Join("\n", findings.Select(f => $"{Line(text, f)} {f.Rule.Id} {f.Severity} {f.Message}"));

    /// <summary>Applies a fix's edits (all in the same document) and returns the new text.</summary>
    public static string Apply(string text, CodeFix fix)
    {
        var source = SourceText.From(text);
        return source.WithChanges(fix.Edits.Select(e => e.Change)).ToString();
    }
}

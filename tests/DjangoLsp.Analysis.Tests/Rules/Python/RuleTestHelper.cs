using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Rules.Python;

/// <summary>Runs the product's engine on Python text and reads findings back as (id, line).</summary>
internal static class RuleTestHelper
{
    public static readonly AnalysisEngine Engine = CreateEngine();

    private static AnalysisEngine CreateEngine()
    {
        var engine = BuiltInAnalyzers.CreateEngine();
        engine.AnalyzerFailed += (analyzer, document, exception) =>
            throw new InvalidOperationException($"{analyzer.GetType().Name} failed on {document.Path}: {exception}");
        return engine;
    }

    public static IReadOnlyList<Finding> Analyze(string code, string path = "/project/app/views.py") =>
        Engine.Analyze(new AnalysisDocument(path, SourceText.From(code)), new AnalysisContext(new AnalysisOptions()))
            .Where(f => f.Rule.Id != "syntax").ToList();

    public static int Line(this Finding finding, SourceText text) => text.Lines.GetLineFromPosition(finding.Span.Start).LineNumber + 1;

    public static List<string> IdsAndLines(string code, string path = "/project/app/views.py")
    {
        var text = SourceText.From(code);
        return Analyze(code, path).Select(f => $"{f.Rule.Id}:{f.Line(text)}").ToList();
    }

    /// <summary>Applies a fix's edits (in reverse order of position) to the text.</summary>
    public static string Apply(string code, CodeFix fix)
    {
        var text = SourceText.From(code);
        var changes = fix.Edits.Select(e => e.Change).OrderByDescending(c => c.Span.Start).ToList();
        foreach (var change in changes) text = text.WithChanges(change);
        return text.ToString();
    }
}

using System.Diagnostics;
using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Rules.Python;

/// <summary>
/// Runs every analyzer over Django's own source and the standard library: no analyzer may throw. The
/// findings on Django are written to the test output (reviewed by hand; false positives became negative tests).
/// </summary>
public class RealSourceRobustnessTests
{
    private static IEnumerable<string> PythonFiles(string root) =>
        Directory.Exists(root) ? Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal) : Array.Empty<string>();

    private static (int Files, List<string> Failures, List<string> Findings) Run(string root)
    {
        var engine = BuiltInAnalyzers.CreateEngine();
        var failures = new List<string>();
        engine.AnalyzerFailed += (analyzer, document, exception) => failures.Add($"{analyzer.GetType().Name} on {document.Path}: {exception.GetType().Name}: {exception.Message}");
        var findings = new List<string>();
        var files = 0;
        foreach (var file in PythonFiles(root))
        {
            if (!SourceFiles.TryRead(file, out var text, out _)) continue;
            files++;
            var document = new AnalysisDocument(file, text);
            foreach (var finding in engine.Analyze(document, new AnalysisContext(new AnalysisOptions())))
            {
                if (finding.Rule.Id == "syntax") continue;
                var line = text.Lines.GetLineFromPosition(finding.Span.Start).LineNumber + 1;
                findings.Add($"{finding.Rule.Id} {finding.Severity.ToName()} {Path.GetRelativePath(root, file)}:{line} {finding.Message}");
            }
        }
        return (files, failures, findings);
    }

    [Test]
    public void Django_source_analyses_without_analyzer_exceptions()
    {
        const string root = "/usr/lib/python3/dist-packages/django";
        if (!Directory.Exists(root)) Assert.Ignore("Django is not installed (apt install python3-django)");
        var watch = Stopwatch.StartNew();
        var (files, failures, findings) = Run(root);
        TestContext.Out.WriteLine($"{files} files in {watch.ElapsedMilliseconds} ms, {findings.Count} findings");
        foreach (var finding in findings) TestContext.Out.WriteLine(finding);
        Assert.That(files, Is.GreaterThan(500));
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Stdlib_analyses_without_analyzer_exceptions()
    {
        const string root = "/usr/lib/python3.11";
        if (!Directory.Exists(root)) Assert.Ignore("no Python 3.11 standard library here");
        var watch = Stopwatch.StartNew();
        var files = Directory.EnumerateFiles(root, "*.py", SearchOption.TopDirectoryOnly).Count()
                    + Directory.EnumerateFiles(Path.Combine(root, "email"), "*.py").Count();
        var (analysed, failures, findings) = Run(root);
        TestContext.Out.WriteLine($"{analysed} files in {watch.ElapsedMilliseconds} ms, {findings.Count} findings");
        Assert.That(analysed, Is.GreaterThanOrEqualTo(files));
        Assert.That(failures, Is.Empty);
    }
}

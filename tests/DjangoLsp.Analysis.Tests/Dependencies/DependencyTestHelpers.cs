using DjangoLsp.Analysis.Dependencies;
using DjangoLsp.Analysis.Dependencies.Advisories;
using DjangoLsp.Analysis.Engine;
using Microsoft.CodeAnalysis.Text;
using NUnit.Framework;

namespace DjangoLsp.Analysis.Tests.Dependencies;

/// <summary>Workspace files held in memory (editor buffers), keyed by full path.</summary>
internal sealed class MemoryFiles : IWorkspaceFiles
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public MemoryFiles Add(string path, string text)
    {
        _files[Path.GetFullPath(path)] = text;
        return this;
    }

    public AnalysisDocument? TryGetDocument(string path) =>
        _files.TryGetValue(Path.GetFullPath(path), out var text) ? new AnalysisDocument(path, SourceText.From(text)) : null;
}

internal static class DependencyTestHelpers
{
    /// <summary>The real embedded snapshot, loaded once for all tests.</summary>
    public static AdvisoryDatabase Database => AdvisoryStore.Embedded;

    public static readonly DependencyAnalyzer Analyzer = new(AdvisoryStore.Embedded);

    /// <summary>A folder that does not exist, so no deployment files are found unless a test creates some.</summary>
    public static string NowhereRoot => Path.Combine(Path.GetTempPath(), "djangolsp-nowhere-" + Environment.ProcessId);

    public static IReadOnlyList<Finding> Analyze(string fileName, string text, MemoryFiles? files = null, string? root = null)
    {
        root ??= NowhereRoot;
        var path = Path.Combine(root, fileName);
        var document = new AnalysisDocument(path, SourceText.From(text));
        Assert.That(document.Kind, Is.EqualTo(DocumentKind.Requirements), fileName);
        var context = new AnalysisContext(AnalysisOptions.Default, files ?? new MemoryFiles(), root);
        return Analyzer.Analyze(document, context, CancellationToken.None).ToList();
    }

    public static string SpanText(string text, Finding finding) => text.Substring(finding.Span.Start, finding.Span.Length);

    /// <summary>Applies a fix's edits (all in the one document) to <paramref name="text"/>.</summary>
    public static string Apply(string text, CodeFix fix)
    {
        var source = SourceText.From(text);
        return source.WithChanges(fix.Edits.Select(e => e.Change)).ToString();
    }
}

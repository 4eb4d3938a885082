using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Project;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Tests.Project;

/// <summary>An in-memory workspace: files by relative path under a fake root; folders exist when a file is under them.</summary>
internal sealed class MemoryWorkspace : IWorkspaceFiles, IWorkspaceDirectories
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public MemoryWorkspace(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    public MemoryWorkspace Add(string relative, string text)
    {
        _files[Path.GetFullPath(Path.Combine(Root, relative))] = text;
        return this;
    }

    public string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    public AnalysisDocument? TryGetDocument(string path) =>
        _files.TryGetValue(Path.GetFullPath(path), out var text) ? new AnalysisDocument(Path.GetFullPath(path), SourceText.From(text)) : null;

    public bool DirectoryExists(string path)
    {
        var prefix = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return _files.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));
    }

    public IReadOnlyList<Finding> Analyze(IDocumentAnalyzer analyzer, string relative) =>
        analyzer.Analyze(TryGetDocument(PathOf(relative))!, new AnalysisContext(AnalysisOptions.Default, this, Root), CancellationToken.None).ToList();
}

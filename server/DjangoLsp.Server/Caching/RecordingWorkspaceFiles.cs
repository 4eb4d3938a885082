using System.Collections.Concurrent;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Project;

namespace DjangoLsp.Server.Caching;

/// <summary>
/// The workspace files as one analysis sees them, remembering every path it read with the content hash (or "-" when
/// missing): the inputs a cached result depends on besides the document itself. Reads made while validating or
/// building the project model go through here too, so a cached template result depends on its settings and views.
/// </summary>
public sealed class RecordingWorkspaceFiles : IWorkspaceFiles, IWorkspaceDirectories
{
    private readonly IWorkspaceFiles _inner;
    private readonly ConcurrentDictionary<string, string> _reads = new(StringComparer.Ordinal);

    public RecordingWorkspaceFiles(IWorkspaceFiles inner) => _inner = inner;

    /// <summary>Full path → content fingerprint of everything read so far.</summary>
    public IReadOnlyDictionary<string, string> Reads => _reads;

    public AnalysisDocument? TryGetDocument(string path)
    {
        var document = _inner.TryGetDocument(path);
        _reads[Path.GetFullPath(path)] = Fingerprint(document);
        return document;
    }

    public bool DirectoryExists(string path) =>
        _inner is IWorkspaceDirectories directories ? directories.DirectoryExists(path) : Directory.Exists(path);

    public static string Fingerprint(AnalysisDocument? document) =>
        document == null ? "-" : Convert.ToHexString(document.Text.GetContentHash().AsSpan());
}

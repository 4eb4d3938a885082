using System.Collections.Concurrent;
using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Project;

/// <summary>
/// Optional directory access for workspaces held in memory (tests, virtual file systems). When the context's
/// <see cref="IWorkspaceFiles"/> does not implement it, the disk is asked.
/// </summary>
public interface IWorkspaceDirectories
{
    bool DirectoryExists(string path);
}

/// <summary>
/// Reads workspace files for the model builder and remembers every path it asked for with the content's checksum
/// (or absence), so a cached model can be checked against the current snapshots without rebuilding.
/// </summary>
internal sealed class RecordingFiles
{
    private readonly IWorkspaceFiles _files;
    private readonly ConcurrentDictionary<string, string> _probes = new(StringComparer.Ordinal);

    public RecordingFiles(IWorkspaceFiles files) => _files = files;

    public IReadOnlyDictionary<string, string> Probes => _probes;

    public AnalysisDocument? Get(string path)
    {
        path = Path.GetFullPath(path);
        var document = _files.TryGetDocument(path);
        _probes[path] = Fingerprint(document);
        return document;
    }

    public bool DirectoryExists(string path) =>
        _files is IWorkspaceDirectories dirs ? dirs.DirectoryExists(path) : Directory.Exists(path);

    internal static string Fingerprint(AnalysisDocument? document) =>
        document == null ? "-" : Convert.ToHexString(document.Text.GetContentHash().AsSpan());

    /// <summary>True when every file read to build a model still has the same content (or is still missing).</summary>
    public static bool StillValid(IReadOnlyDictionary<string, string> probes, IWorkspaceFiles files) =>
        probes.All(p => Fingerprint(files.TryGetDocument(p.Key)) == p.Value);
}

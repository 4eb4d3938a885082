using System.Collections.Concurrent;
using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Server.Scanning;

/// <summary>
/// The workspace files as one scan sees them: each file is read from disk at most once, and every rule that asks
/// for it gets the same <see cref="AnalysisDocument"/> (so its syntax tree is parsed once, too). The project
/// model asks for settings, URLconfs, models and manage.py once per analysed file and checks its cache against
/// them; reading (and hashing) them from disk each time made a scan quadratic in the number of files.
/// </summary>
public sealed class SnapshotFiles : IWorkspaceFiles
{
    private readonly IWorkspaceFiles _files;
    private readonly ConcurrentDictionary<string, Lazy<AnalysisDocument?>> _documents = new(StringComparer.Ordinal);

    public SnapshotFiles(IWorkspaceFiles? files = null) => _files = files ?? DiskFiles.Instance;

    public AnalysisDocument? TryGetDocument(string path) =>
        _documents.GetOrAdd(path, p => new Lazy<AnalysisDocument?>(() => _files.TryGetDocument(p), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>
    /// The document rules already loaded through these files for <paramref name="path"/>, or null. The scan analyses that
    /// one instead of a copy of its own, so the module is parsed once and the taint models of calls into it are the ones
    /// its own analysis uses. (Files the scan reads itself are not kept here: they can be collected once analysed.)
    /// </summary>
    public AnalysisDocument? Loaded(string path) =>
        _documents.TryGetValue(path, out var lazy) && lazy.IsValueCreated ? lazy.Value : null;
}

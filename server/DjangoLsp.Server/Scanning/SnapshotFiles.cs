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
    private readonly ConcurrentDictionary<string, WeakReference<AnalysisDocument>> _scanned = new(StringComparer.Ordinal);

    public SnapshotFiles(IWorkspaceFiles? files = null) => _files = files ?? DiskFiles.Instance;

    /// <summary>
    /// Called once on each document these files load (inside the load): <c>check --timings</c> builds the shared features
    /// there, so parsing a module loaded for another file's rule shows as a parse phase, not as that rule's time.
    /// </summary>
    public Action<AnalysisDocument>? Prepare { get; init; }

    public AnalysisDocument? TryGetDocument(string path) =>
        _documents.GetOrAdd(path, p => new Lazy<AnalysisDocument?>(() => Open(p), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private AnalysisDocument? Open(string path)
    {
        // A file the scan is analysing, or analysed and not yet collected: the same document, so it is not parsed twice.
        var document = _scanned.TryGetValue(path, out var scanned) && scanned.TryGetTarget(out var live) ? live : _files.TryGetDocument(path);
        if (document != null) Prepare?.Invoke(document);
        return document;
    }

    /// <summary>
    /// The document rules already loaded through these files for <paramref name="path"/>, or null. The scan analyses that
    /// one instead of a copy of its own, so the module is parsed once and the taint models of calls into it are the ones
    /// its own analysis uses. (Files the scan reads itself are not kept here: they can be collected once analysed.)
    /// </summary>
    public AnalysisDocument? Loaded(string path) =>
        _documents.TryGetValue(path, out var lazy) && lazy.IsValueCreated ? lazy.Value : null;

    /// <summary>
    /// The document the scan analyses for <paramref name="path"/>: the one already loaded, else <paramref name="create"/>'s,
    /// which later loads of the path share while it is alive (held weakly, so analysed files can still be collected; a
    /// module imported by a file analysed after it used to be read and parsed a second time).
    /// </summary>
    public AnalysisDocument Adopt(string path, Func<AnalysisDocument> create)
    {
        if (Loaded(path) is { } loaded) return loaded;
        var document = create();
        _scanned[path] = new WeakReference<AnalysisDocument>(document);
        return Loaded(path) ?? document;   // a load that began just before the registration made its own copy: use that one
    }
}

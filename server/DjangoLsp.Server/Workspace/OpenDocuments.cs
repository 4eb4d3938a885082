using System.Collections.Concurrent;
using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Server.Workspace;

/// <summary>A document open in the editor: its URI as the client spells it and the current snapshot.</summary>
public sealed record OpenDocument(string Uri, AnalysisDocument Document);

/// <summary>
/// The editor's open documents by URI. Written only by the reader (in message order), read from anywhere.
/// As <see cref="IWorkspaceFiles"/> it gives analyzers open buffers first, then disk.
/// </summary>
public sealed class OpenDocuments : IWorkspaceFiles
{
    private readonly ConcurrentDictionary<string, OpenDocument> _byUri = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _uriByPath = new(PathComparer);

    private static StringComparer PathComparer => OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    public void Set(string uri, AnalysisDocument document)
    {
        _byUri[uri] = new OpenDocument(uri, document);
        _uriByPath[document.Path] = uri;
    }

    public OpenDocument? Get(string uri) => _byUri.GetValueOrDefault(uri);

    public bool Remove(string uri)
    {
        if (!_byUri.TryRemove(uri, out var removed)) return false;
        _uriByPath.TryRemove(removed.Document.Path, out _);
        return true;
    }

    public IReadOnlyList<OpenDocument> All => _byUri.Values.ToList();

    public OpenDocument? FindByPath(string path) => _uriByPath.TryGetValue(path, out var uri) ? Get(uri) : null;

    public AnalysisDocument? TryGetDocument(string path) => FindByPath(path)?.Document ?? DiskFiles.Instance.TryGetDocument(path);
}

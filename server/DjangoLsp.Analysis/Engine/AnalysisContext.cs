namespace DjangoLsp.Analysis.Engine;

/// <summary>
/// What an analyzer may know beyond the document itself: the options, and the other files of the workspace
/// (open documents first, then disk). Never runs user code.
/// </summary>
public sealed class AnalysisContext
{
    public AnalysisContext(AnalysisOptions options, IWorkspaceFiles? files = null, string? workspaceRoot = null)
    {
        Options = options;
        Files = files ?? DiskFiles.Instance;
        WorkspaceRoot = workspaceRoot;
    }

    public AnalysisOptions Options { get; }
    public IWorkspaceFiles Files { get; }

    /// <summary>The folder the user opened (or the CLI's scan root); null when unknown.</summary>
    public string? WorkspaceRoot { get; }
}

/// <summary>Read access to the workspace's files, with open editor buffers taking precedence over disk.</summary>
public interface IWorkspaceFiles
{
    /// <summary>The current snapshot of the file at <paramref name="path"/>, or null when it does not exist or cannot be read.</summary>
    AnalysisDocument? TryGetDocument(string path);
}

/// <summary>Reads files from disk; unreadable, binary and huge files are treated as missing.</summary>
public sealed class DiskFiles : IWorkspaceFiles
{
    public static readonly DiskFiles Instance = new();

    // Callers probe many paths that do not exist (module resolution tries every ancestor folder): a stat answers
    // those without the FileNotFoundException that opening them costs (about a tenth of a full check's CPU).
    public AnalysisDocument? TryGetDocument(string path) =>
        File.Exists(path) && SourceFiles.TryRead(path, out var text, out _) ? new AnalysisDocument(path, text) : null;
}

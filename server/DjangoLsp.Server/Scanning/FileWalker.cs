using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Server.Scanning;

/// <summary>A file found by <see cref="FileWalker"/>: its full path and size in bytes at the time of the walk.</summary>
public readonly record struct WalkedFile(string Path, long Length);

/// <summary>What a workspace walk leaves out beyond the fixed rules.</summary>
public sealed record WalkOptions
{
    /// <summary>Glob patterns (relative to the walk root, forward slashes) of files and folders to skip.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = Array.Empty<string>();

    /// <summary>Scan <c>migrations/</c> folders (generated code, skipped by default).</summary>
    public bool IncludeMigrations { get; init; }

    /// <summary>Honour <c>.gitignore</c> files.</summary>
    public bool RespectGitIgnore { get; init; } = true;
}

/// <summary>
/// Finds the files worth analysing under folders: Python, templates and requirements files, skipping
/// version control, dependency and cache folders, virtualenvs, migrations (unless asked) and what
/// <c>.gitignore</c> files and exclude globs say. Unreadable folders are skipped, never fatal. Shared by the
/// CLI and the server's workspace scan so both see the same files.
/// </summary>
public sealed class FileWalker
{
    private static readonly HashSet<string> AlwaysSkipped = new(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".nox",
        ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", "site-packages",
    };

    private readonly WalkOptions _options;

    public FileWalker(WalkOptions options) => _options = options;

    /// <summary>The files to analyse for <paramref name="root"/>: a file is returned as is; a folder is walked.</summary>
    public IEnumerable<string> Enumerate(string root) => EnumerateFiles(root).Select(f => f.Path);

    /// <summary><see cref="Enumerate"/> with each file's size in bytes, known from the directory listing (no extra stat).</summary>
    public IEnumerable<WalkedFile> EnumerateFiles(string root)
    {
        var full = Path.GetFullPath(root);
        var file = new FileInfo(full);
        if (file.Exists)
        {
            yield return new WalkedFile(full, file.Length);
            yield break;
        }
        if (!Directory.Exists(full)) yield break;
        var ignores = _options.RespectGitIgnore ? AncestorIgnores(full) : new List<GitIgnore>();
        foreach (var walked in Walk(full, full, ignores)) yield return walked;
    }

    /// <summary>
    /// .gitignore files above the walk root up to the repository root (the folder holding <c>.git</c>), outermost
    /// first, so scanning a subfolder honours the repository's rules. Outside a repository: none.
    /// </summary>
    private static List<GitIgnore> AncestorIgnores(string root)
    {
        var found = new List<GitIgnore>();
        for (var dir = Directory.GetParent(root); dir != null; dir = dir.Parent)
        {
            if (GitIgnore.TryLoad(dir.FullName) is { } ignore) found.Add(ignore);
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                found.Reverse();
                return found;
            }
        }
        return new List<GitIgnore>();
    }

    public static bool IsAnalysable(string path) => DocumentKinds.FromPath(path) != DocumentKind.Other;

    private IEnumerable<WalkedFile> Walk(string root, string directory, List<GitIgnore> ignores)
    {
        GitIgnore? local = _options.RespectGitIgnore ? GitIgnore.TryLoad(directory) : null;
        if (local != null) ignores.Add(local);
        try
        {
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(directory).GetFileSystemInfos();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                yield break;
            }
            Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
            foreach (var entry in entries)
            {
                if (entry is DirectoryInfo dir)
                {
                    // The listing already stat'ed the entry: only a symbolic link (ReparsePoint) needs its target read.
                    if (IsSymbolicLink(dir) || SkipDirectory(root, dir, ignores)) continue;
                    foreach (var file in Walk(root, dir.FullName, ignores)) yield return file;
                }
                else if (IsAnalysable(entry.FullName) && !IsExcluded(root, entry.FullName, false, ignores))
                {
                    yield return new WalkedFile(entry.FullName, ((FileInfo)entry).Length);
                }
            }
        }
        finally
        {
            if (local != null) ignores.Remove(local);
        }
    }

    private static bool IsSymbolicLink(DirectoryInfo dir) =>
        (dir.Attributes & FileAttributes.ReparsePoint) != 0 && dir.LinkTarget != null;

    private bool SkipDirectory(string root, DirectoryInfo dir, List<GitIgnore> ignores)
    {
        if (AlwaysSkipped.Contains(dir.Name)) return true;
        if (!_options.IncludeMigrations && dir.Name == "migrations") return true;
        if (File.Exists(Path.Combine(dir.FullName, "pyvenv.cfg"))) return true;   // any virtualenv, whatever its name
        return IsExcluded(root, dir.FullName, true, ignores);
    }

    private bool IsExcluded(string root, string path, bool isDirectory, List<GitIgnore> ignores)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        if (_options.Exclude.Any(glob => Glob.IsMatch(glob, relative))) return true;
        bool? ignored = null;
        foreach (var ignore in ignores)
        {
            var match = ignore.Match(path, isDirectory);
            if (match != null) ignored = match;   // deeper files override shallower ones
        }
        return ignored == true;
    }
}

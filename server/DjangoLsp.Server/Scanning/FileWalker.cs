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

    /// <summary>One directory entry the walk cares about (subfolders, possibly analysable files, and the marker files).</summary>
    /// <remarks>A class, not a struct: the listing, list and sort code for a struct element is generic code that the
    /// precompiled framework lacks, so some 25 methods were JIT-compiled when the walk started (its critical path).</remarks>
    private sealed record Entry(string Name, string FullPath, bool IsDirectory, bool IsLink, long Length);

    private static readonly EnumerationOptions ListingOptions = new()
    {
        RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false,
    };

    private IEnumerable<WalkedFile> Walk(string root, string directory, List<GitIgnore> ignores)
    {
        List<Entry> entries;
        try
        {
            entries = List(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            yield break;
        }
        // Markers are seen in the listing itself instead of probed with a stat per folder (Django's tree has 2,500
        // folders, mostly locale/). The listing only names them; File.Exists confirms as before.
        var hasVirtualEnvMarker = false;
        var hasGitIgnore = false;
        foreach (var entry in entries)
        {
            if (entry.IsDirectory) continue;
            if (entry.Name == "pyvenv.cfg") hasVirtualEnvMarker = true;
            else if (entry.Name == ".gitignore") hasGitIgnore = true;
        }
        // any virtualenv, whatever its name (the walk root itself is scanned as asked)
        if (hasVirtualEnvMarker && directory != root && File.Exists(Path.Combine(directory, "pyvenv.cfg"))) yield break;
        GitIgnore? local = _options.RespectGitIgnore && hasGitIgnore ? GitIgnore.TryLoad(directory) : null;
        if (local != null) ignores.Add(local);
        try
        {
            entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            foreach (var entry in entries)
            {
                if (entry.IsDirectory)
                {
                    if (entry.IsLink || SkipDirectory(root, entry, ignores)) continue;
                    foreach (var file in Walk(root, entry.FullPath, ignores)) yield return file;
                }
                else if (IsAnalysable(entry.FullPath) && !IsExcluded(root, entry.FullPath, false, ignores))
                {
                    yield return new WalkedFile(entry.FullPath, entry.Length);
                }
            }
        }
        finally
        {
            if (local != null) ignores.Remove(local);
        }
    }

    /// <summary>
    /// The folder's subfolders, its files that may be analysable (by name) and its marker files. Other files (Django's
    /// tree has 6,000 locale and data files) are skipped on their name alone, without a stat or a path string.
    /// </summary>
    private static List<Entry> List(string directory)
    {
        var listing = new System.IO.Enumeration.FileSystemEnumerable<Entry>(directory,
            (ref System.IO.Enumeration.FileSystemEntry e) => e.IsDirectory
                // Attributes cost an lstat: read for folders only, to leave out symbolic links (and link cycles).
                ? new Entry(e.FileName.ToString(), e.ToFullPath(), true, (e.Attributes & FileAttributes.ReparsePoint) != 0, 0)
                : new Entry(e.FileName.ToString(), e.ToFullPath(), false, false, IsMarker(e.FileName) ? 0 : e.Length),
            ListingOptions)
        {
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry e) => e.IsDirectory || MayBeAnalysable(e.FileName) || IsMarker(e.FileName),
        };
        return listing.ToList();
    }

    private static bool IsMarker(ReadOnlySpan<char> name) => name.SequenceEqual("pyvenv.cfg") || name.SequenceEqual(".gitignore");

    /// <summary>A cheap superset of <see cref="IsAnalysable"/> on the file name alone (which still decides).</summary>
    private static bool MayBeAnalysable(ReadOnlySpan<char> name)
    {
        var dot = name.LastIndexOf('.');
        if (dot < 0) return name.Equals("pipfile", StringComparison.OrdinalIgnoreCase);
        var extension = name[(dot + 1)..];
        foreach (var candidate in CandidateExtensions)
            if (extension.Equals(candidate, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    // Every extension DocumentKinds.FromPath maps to a kind (Python, requirements and lock files, templates).
    private static readonly string[] CandidateExtensions =
        { "py", "pyi", "html", "htm", "txt", "in", "toml", "lock", "djhtml", "dtl", "jinja", "jinja2", "j2" };

    private bool SkipDirectory(string root, Entry dir, List<GitIgnore> ignores)
    {
        if (AlwaysSkipped.Contains(dir.Name)) return true;
        if (!_options.IncludeMigrations && dir.Name == "migrations") return true;
        return IsExcluded(root, dir.FullPath, true, ignores);
    }

    private bool IsExcluded(string root, string path, bool isDirectory, List<GitIgnore> ignores)
    {
        if (_options.Exclude.Count == 0 && ignores.Count == 0) return false;   // the common case: no relative path needed
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

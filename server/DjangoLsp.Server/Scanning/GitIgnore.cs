using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Server.Scanning;

/// <summary>
/// The patterns of one <c>.gitignore</c> file, matched against paths relative to its folder. Supports
/// comments, <c>!</c> negation (last match wins), trailing <c>/</c> for folders only, and anchored patterns.
/// </summary>
public sealed class GitIgnore
{
    private readonly List<(string Pattern, bool Negated, bool DirectoryOnly)> _rules = new();

    public GitIgnore(string baseDirectory, IEnumerable<string> lines)
    {
        BaseDirectory = baseDirectory;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var negated = line.StartsWith('!');
            if (negated) line = line[1..];
            if (line.StartsWith("\\#", StringComparison.Ordinal) || line.StartsWith("\\!", StringComparison.Ordinal)) line = line[1..];
            var directoryOnly = line.EndsWith('/');
            line = line.TrimEnd('/');
            if (line.Length == 0) continue;
            _rules.Add((line, negated, directoryOnly));
        }
    }

    public string BaseDirectory { get; }

    public static GitIgnore? TryLoad(string directory)
    {
        var file = Path.Combine(directory, ".gitignore");
        try
        {
            return File.Exists(file) ? new GitIgnore(directory, File.ReadAllLines(file)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True (ignored), false (explicitly re-included) or null (no pattern matched).</summary>
    public bool? Match(string path, bool isDirectory)
    {
        var relative = Path.GetRelativePath(BaseDirectory, path).Replace('\\', '/');
        bool? result = null;
        foreach (var (pattern, negated, directoryOnly) in _rules)
        {
            if (directoryOnly && !isDirectory) continue;
            // Glob.IsMatch also matches below a matched folder; walking stops at ignored folders anyway.
            if (Glob.IsMatch(pattern, relative)) result = !negated;
        }
        return result;
    }
}

using DjangoLsp.Analysis.Dependencies.Parsing;
using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Dependencies;

/// <summary>
/// The files a requirements file pulls in with <c>-r</c> and <c>-c</c>, transitively, each read once (cycles
/// such as <c>a.txt → b.txt → a.txt</c> end quietly). URLs are not fetched; missing files are skipped.
/// </summary>
public static class RequirementsIncludeGraph
{
    /// <summary>Stops a pathological tree of includes from reading the whole disk.</summary>
    public const int MaxFiles = 64;

    public sealed record IncludedFile(DependencyFile File, bool AsConstraint);

    /// <summary>Files reachable from <paramref name="root"/>, not including it, in the order they are first reached.</summary>
    public static IReadOnlyList<IncludedFile> Collect(DependencyFile root, IWorkspaceFiles files, CancellationToken cancellationToken = default)
    {
        var result = new List<IncludedFile>();
        var visited = new HashSet<string>(StringComparer.Ordinal) { Key(root.Path) };
        var queue = new Queue<(DependencyFile File, bool Constraint)>();
        queue.Enqueue((root, false));
        while (queue.Count > 0 && result.Count < MaxFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (file, viaConstraint) = queue.Dequeue();
            foreach (var include in file.Includes)
            {
                if (include.ResolvedPath.Contains("://", StringComparison.Ordinal)) continue;
                if (!visited.Add(Key(include.ResolvedPath))) continue;
                var document = files.TryGetDocument(include.ResolvedPath);
                if (document == null) continue;
                var kind = include.IsConstraint ? DependencyFileKind.Constraints : DependencyFileKind.Requirements;
                var parsed = RequirementsParser.Parse(include.ResolvedPath, document.Text, kind);
                var asConstraint = viaConstraint || include.IsConstraint;
                result.Add(new IncludedFile(parsed, asConstraint));
                queue.Enqueue((parsed, asConstraint));
                if (result.Count >= MaxFiles) break;
            }
        }
        return result;
    }

    private static string Key(string path) => System.IO.Path.GetFullPath(path);
}

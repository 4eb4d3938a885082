namespace DjangoLsp.Analysis.Settings;

/// <summary>
/// Finds the file of an imported settings module without running Python: relative imports from the importing
/// file's package, absolute ones from the workspace root and from each folder above the importing file.
/// </summary>
public static class ModuleResolver
{
    private const int MaxAncestors = 8;

    /// <summary>Candidate paths (existence is decided by the caller through the workspace files) for <c>from {dots}{module} import ...</c>.</summary>
    public static IEnumerable<string> Candidates(string importingFile, int level, string? module, string? workspaceRoot)
    {
        var parts = string.IsNullOrEmpty(module) ? Array.Empty<string>() : module.Split('.');
        if (level > 0)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(importingFile));
            for (var i = 1; i < level && dir != null; i++) dir = Path.GetDirectoryName(dir);
            if (dir == null) yield break;
            foreach (var c in InRoot(dir, parts)) yield return c;
            yield break;
        }
        if (parts.Length == 0) yield break;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var roots = new List<string>();
        if (workspaceRoot != null) roots.Add(Path.GetFullPath(workspaceRoot));
        var ancestor = Path.GetDirectoryName(Path.GetFullPath(importingFile));
        for (var i = 0; i < MaxAncestors && ancestor != null; i++)
        {
            roots.Add(ancestor);
            ancestor = Path.GetDirectoryName(ancestor);
        }
        foreach (var root in roots)
            foreach (var c in InRoot(root, parts))
                if (seen.Add(c)) yield return c;
    }

    private static IEnumerable<string> InRoot(string root, string[] parts)
    {
        if (parts.Length == 0)
        {
            yield return Path.Combine(root, "__init__.py");
            yield break;
        }
        var baseName = Path.Combine(new[] { root }.Concat(parts).ToArray());
        yield return baseName + ".py";
        yield return Path.Combine(baseName, "__init__.py");
    }
}

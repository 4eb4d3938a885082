namespace DjangoLsp.Analysis.Dependencies;

/// <summary>
/// Decides, simply and predictably, whether a project is deployed: a deployment file in the requirements file's
/// folder or a parent up to the workspace root (three levels when the root is unknown), or a GitHub Actions
/// workflow that mentions "deploy". Documented in DJ603.
/// </summary>
public static class DeploymentSignals
{
    private static readonly string[] DeploymentFiles =
    {
        "Dockerfile", "Containerfile", "docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml",
        "Procfile", "app.yaml", "fly.toml", "render.yaml", "heroku.yml", "zappa_settings.json", "serverless.yml",
    };

    private const long MaxWorkflowBytes = 256 * 1024;

    /// <summary>The file that shows the project is deployed (relative name), or null.</summary>
    public static string? Find(string requirementsPath, string? workspaceRoot)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(requirementsPath));
        var root = workspaceRoot != null ? System.IO.Path.GetFullPath(workspaceRoot).TrimEnd(System.IO.Path.DirectorySeparatorChar) : null;
        for (var level = 0; directory != null && level < 16; level++)
        {
            var evidence = FindIn(directory);
            if (evidence != null) return evidence;
            if (root != null ? string.Equals(directory.TrimEnd(System.IO.Path.DirectorySeparatorChar), root, StringComparison.Ordinal) : level >= 2) break;
            if (root != null && !directory.StartsWith(root, StringComparison.Ordinal)) break;
            directory = System.IO.Path.GetDirectoryName(directory);
        }
        return null;
    }

    private static string? FindIn(string directory)
    {
        try
        {
            foreach (var name in DeploymentFiles)
                if (File.Exists(System.IO.Path.Combine(directory, name))) return name;
            var workflows = System.IO.Path.Combine(directory, ".github", "workflows");
            if (!Directory.Exists(workflows)) return null;
            foreach (var file in Directory.EnumerateFiles(workflows).Order(StringComparer.Ordinal).Take(50))
            {
                var name = System.IO.Path.GetFileName(file);
                if (!name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)) continue;
                if (name.Contains("deploy", StringComparison.OrdinalIgnoreCase)) return ".github/workflows/" + name;
                var info = new FileInfo(file);
                if (info.Length <= MaxWorkflowBytes && File.ReadAllText(file).Contains("deploy", StringComparison.OrdinalIgnoreCase))
                    return ".github/workflows/" + name;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }
}

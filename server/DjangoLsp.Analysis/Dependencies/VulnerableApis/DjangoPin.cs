using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DjangoLsp.Analysis.Dependencies.Parsing;
using DjangoLsp.Analysis.Dependencies.Versions;
using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Dependencies.VulnerableApis;

/// <summary>Where a project pins Django: the manifest, the dependency entry and the version.</summary>
public sealed record DjangoPin(AnalysisDocument Manifest, Dependency Dependency, PythonVersion Version)
{
    private const int MaxAncestors = 8;

    /// <summary>The manifests probed in each folder, most specific first.</summary>
    private static readonly string[] ManifestNames =
    {
        "requirements.txt", "requirements/production.txt", "requirements/prod.txt", "requirements/base.txt",
        "poetry.lock", "uv.lock", "Pipfile.lock", "pyproject.toml",
    };

    // Answers per folder for one analysis context (one view of the files: a scan, or one analysis in the editor):
    // DJ604 asks for every file, and the files of a folder share the answer (64 manifest probes up the tree).
    private static readonly ConditionalWeakTable<AnalysisContext, ConcurrentDictionary<string, DjangoPin?>> PerContext = new();

    /// <summary>
    /// The nearest pin of Django above <paramref name="path"/> (its folder and parents, not above the workspace root):
    /// the first probed manifest whose Django entry is pinned or locked to one version. Read through the context's files.
    /// </summary>
    public static DjangoPin? For(string path, AnalysisContext context, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder == null) return Find(null, context, ct);
        var answers = PerContext.GetValue(context, _ => new ConcurrentDictionary<string, DjangoPin?>(StringComparer.Ordinal));
        if (answers.TryGetValue(folder, out var known)) return known;
        var pin = Find(folder, context, ct);
        answers.TryAdd(folder, pin);
        return pin;
    }

    private static DjangoPin? Find(string? dir, AnalysisContext context, CancellationToken ct)
    {
        var root = context.WorkspaceRoot != null ? Path.GetFullPath(context.WorkspaceRoot) : null;
        for (var i = 0; i < MaxAncestors && dir != null; i++, dir = Path.GetDirectoryName(dir))
        {
            ct.ThrowIfCancellationRequested();
            foreach (var name in ManifestNames)
            {
                if (context.Files.TryGetDocument(Path.Combine(dir, name)) is not { } manifest) continue;
                var file = manifest.GetFeature(DependencyFileFeature.Instance, ct);
                var django = file.Dependencies.FirstOrDefault(d => d.NormalizedName == "django" && d.PinnedVersion != null);
                if (django != null) return new DjangoPin(manifest, django, django.PinnedVersion!);
            }
            if (root != null && string.Equals(dir.TrimEnd(Path.DirectorySeparatorChar), root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)) break;
        }
        return null;
    }
}

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
    // DJ604 asks for every file, and the files of a folder share the answer. A folder's own manifests are probed once
    // per context too (8 probes), not again from every folder below it (up to 64 probes per folder).
    private static readonly ConditionalWeakTable<AnalysisContext, Answers> PerContext = new();

    private sealed class Answers
    {
        public readonly ConcurrentDictionary<string, DjangoPin?> Nearest = new(StringComparer.Ordinal);
        public readonly ConcurrentDictionary<string, DjangoPin?> Own = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// The nearest pin of Django above <paramref name="path"/> (its folder and parents, not above the workspace root):
    /// the first probed manifest whose Django entry is pinned or locked to one version. Read through the context's files.
    /// </summary>
    public static DjangoPin? For(string path, AnalysisContext context, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder == null) return Find(null, context, null, ct);
        var answers = PerContext.GetValue(context, _ => new Answers());
        if (answers.Nearest.TryGetValue(folder, out var known)) return known;
        var pin = Find(folder, context, answers, ct);
        answers.Nearest.TryAdd(folder, pin);
        return pin;
    }

    private static DjangoPin? Find(string? dir, AnalysisContext context, Answers? answers, CancellationToken ct)
    {
        var root = context.WorkspaceRoot != null ? Path.GetFullPath(context.WorkspaceRoot) : null;
        for (var i = 0; i < MaxAncestors && dir != null; i++, dir = Path.GetDirectoryName(dir))
        {
            ct.ThrowIfCancellationRequested();
            DjangoPin? own;
            if (answers == null) own = OwnPin(dir, context, ct);
            else if (!answers.Own.TryGetValue(dir, out own))
            {
                own = OwnPin(dir, context, ct);
                answers.Own.TryAdd(dir, own);
            }
            if (own != null) return own;
            if (root != null && string.Equals(dir.TrimEnd(Path.DirectorySeparatorChar), root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)) break;
        }
        return null;
    }

    /// <summary>The pin in the first manifest of <paramref name="dir"/> itself that pins Django, or null.</summary>
    private static DjangoPin? OwnPin(string dir, AnalysisContext context, CancellationToken ct)
    {
        foreach (var name in ManifestNames)
        {
            if (context.Files.TryGetDocument(Path.Combine(dir, name)) is not { } manifest) continue;
            var file = manifest.GetFeature(DependencyFileFeature.Instance, ct);
            var django = file.Dependencies.FirstOrDefault(d => d.NormalizedName == "django" && d.PinnedVersion != null);
            if (django != null) return new DjangoPin(manifest, django, django.PinnedVersion!);
        }
        return null;
    }
}

using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using DjangoLsp.Analysis.Syntax;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Project;

/// <summary>
/// The documents whose findings may change when one file changes. <see cref="All"/> means "every candidate" (a settings
/// module, a URLconf, models, a dependency manifest, or a file outside any Django project, where the relation is unknown).
/// </summary>
public sealed class AffectedDocuments
{
    public static readonly AffectedDocuments Everything = new(true, Array.Empty<string>(), "everything");

    public AffectedDocuments(bool all, IReadOnlyCollection<string> paths, string reason)
    {
        All = all;
        Paths = paths;
        Reason = reason;
    }

    public bool All { get; }

    /// <summary>Full paths of the affected candidates (the changed file itself is not listed).</summary>
    public IReadOnlyCollection<string> Paths { get; }

    /// <summary>Why (for logs and tests): e.g. "settings module", "view → templates, importers".</summary>
    public string Reason { get; }

    public bool Contains(string path) => All || Paths.Contains(Path.GetFullPath(path));

    public static AffectedDocuments AllBecause(string reason) => new(true, Array.Empty<string>(), reason);
}

/// <summary>
/// The dependency relation between a project's files, from the project model: a settings module (and its star-import
/// chain) → everything; URLconfs and models → everything in the project; a view module → the templates its views render;
/// a template → the views rendering it and the templates naming it (extends/include); a module → the open modules
/// importing it; any Python module → dependency manifests (vulnerable-API findings depend on the calls the code makes).
/// Used to re-analyse only the dependents of an edited file.
/// </summary>
public static class ProjectDependencies
{
    /// <param name="changed">The new snapshot of the changed file.</param>
    /// <param name="models">The project models containing it, before and after the change (nulls skipped); both are
    /// consulted so a view that stopped rendering a template still re-analyses that template.</param>
    /// <param name="candidates">The documents that could be re-analysed (the open ones).</param>
    public static AffectedDocuments DependentsOf(AnalysisDocument changed, IEnumerable<DjangoProject?> models,
        IEnumerable<AnalysisDocument> candidates, CancellationToken ct = default)
    {
        var projects = models.OfType<DjangoProject>().ToList();
        var full = Path.GetFullPath(changed.Path);
        var others = candidates.Where(c => !DjangoProject.SamePath(c.Path, full)).ToList();
        switch (changed.Kind)
        {
            case DocumentKind.Python:
                return ForPython(changed, full, projects, others, ct);
            case DocumentKind.DjangoTemplate:
                return ForTemplate(full, projects, others, ct);
            default:
                // Requirements and pyproject.toml: every Python file may get or lose a vulnerable-API finding.
                return AffectedDocuments.AllBecause("dependency manifest or other file");
        }
    }

    private static AffectedDocuments ForPython(AnalysisDocument changed, string full, IReadOnlyList<DjangoProject> projects,
        IReadOnlyList<AnalysisDocument> others, CancellationToken ct)
    {
        if (projects.Count == 0) return AffectedDocuments.AllBecause("outside any Django project");
        if (IsSettings(changed, full, projects, ct)) return AffectedDocuments.AllBecause("settings module");
        if (projects.Any(p => p.Routes.Any(r => DjangoProject.SamePath(r.UrlConfPath, full)) || p.RootUrlConf != null && IsModule(p, full, p.RootUrlConf)))
            return AffectedDocuments.AllBecause("URLconf");
        if (projects.Any(p => p.Models.Values.Any(m => DjangoProject.SamePath(m.Path, full))))
            return AffectedDocuments.AllBecause("models module");

        var affected = new HashSet<string>(StringComparer.Ordinal);
        var reasons = new List<string>();
        // View → the templates its views render.
        foreach (var project in projects)
            foreach (var (name, views) in project.TemplateViews)
                if (views.Any(v => DjangoProject.SamePath(v.Path, full)))
                    foreach (var template in others.Where(o => o.Kind == DocumentKind.DjangoTemplate && TemplateNames(project, o.Path).Contains(name)))
                        if (affected.Add(Path.GetFullPath(template.Path)) && !reasons.Contains("view → templates")) reasons.Add("view → templates");
        // Module → its importers (inter-procedural summaries and helper functions).
        var moduleNames = projects.SelectMany(p => ModuleNames(p.Root, full)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var other in others.Where(o => o.Kind == DocumentKind.Python))
        {
            ct.ThrowIfCancellationRequested();
            if (Imports(other, moduleNames, projects, ct) && affected.Add(Path.GetFullPath(other.Path)) && !reasons.Contains("importers")) reasons.Add("importers");
        }
        // Manifests: a new or removed call of a vulnerable API changes the severity of the pin's finding.
        foreach (var manifest in others.Where(o => o.Kind == DocumentKind.Requirements))
            if (affected.Add(Path.GetFullPath(manifest.Path)) && !reasons.Contains("manifests")) reasons.Add("manifests");
        return new AffectedDocuments(false, affected, reasons.Count == 0 ? "no dependents" : string.Join(", ", reasons));
    }

    private static AffectedDocuments ForTemplate(string full, IReadOnlyList<DjangoProject> projects, IReadOnlyList<AnalysisDocument> others,
        CancellationToken ct)
    {
        var affected = new HashSet<string>(StringComparer.Ordinal);
        var names = projects.SelectMany(p => TemplateNames(p, full)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var project in projects)
            foreach (var name in names)
                if (project.TemplateViews.TryGetValue(name, out var views))
                    foreach (var view in views)
                        if (others.Any(o => DjangoProject.SamePath(o.Path, view.Path))) affected.Add(Path.GetFullPath(view.Path));
        // Templates that extend or include this one name it in a string literal.
        var quoted = names.Count > 0 ? names : new List<string> { Path.GetFileName(full) };
        foreach (var other in others.Where(o => o.Kind == DocumentKind.DjangoTemplate))
        {
            ct.ThrowIfCancellationRequested();
            var text = other.Text.ToString();
            if (quoted.Any(n => text.Contains('"' + n + '"', StringComparison.Ordinal) || text.Contains('\'' + n + '\'', StringComparison.Ordinal)))
                affected.Add(Path.GetFullPath(other.Path));
        }
        return new AffectedDocuments(false, affected, affected.Count == 0 ? "no dependents" : "template → views, including templates");
    }

    private static bool IsSettings(AnalysisDocument changed, string full, IReadOnlyList<DjangoProject> projects, CancellationToken ct)
    {
        foreach (var project in projects)
        {
            if (project.SettingsPath != null && DjangoProject.SamePath(project.SettingsPath, full)) return true;
            if (project.Settings?.Files.Any(f => DjangoProject.SamePath(f, full)) == true) return true;
        }
        return SettingsFiles.IsSettingsModule(changed.Path, changed.GetPythonSyntax(ct).Root);
    }

    private static bool IsModule(DjangoProject project, string full, string dotted) =>
        ModuleNames(project.Root, full).Contains(dotted);

    /// <summary>The names the project root (and its <c>src/</c> layout) gives a module file: <c>shop/views.py</c> → <c>shop.views</c>.</summary>
    internal static IReadOnlyList<string> ModuleNames(string root, string full)
    {
        var result = new List<string>();
        foreach (var baseDir in new[] { root, Path.Combine(root, "src") })
        {
            var relative = Path.GetRelativePath(baseDir, full);
            if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) continue;
            var withoutExtension = Path.ChangeExtension(relative, null);
            var parts = withoutExtension.Split(Path.DirectorySeparatorChar).ToList();
            if (parts.Count > 1 && parts[^1] == "__init__") parts.RemoveAt(parts.Count - 1);
            if (parts.All(p => p.Length > 0)) result.Add(string.Join('.', parts));
        }
        return result;
    }

    /// <summary>The names Django would find a template file under: its path relative to each template directory.</summary>
    internal static IReadOnlyList<string> TemplateNames(DjangoProject project, string path)
    {
        var full = Path.GetFullPath(path);
        return project.TemplateDirectories
            .Where(d => full.StartsWith(d.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(d => Path.GetRelativePath(d, full).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();
    }

    /// <summary>True when <paramref name="document"/> imports one of <paramref name="modules"/> (or a name from it).</summary>
    private static bool Imports(AnalysisDocument document, IReadOnlyList<string> modules, IReadOnlyList<DjangoProject> projects, CancellationToken ct)
    {
        if (modules.Count == 0) return false;
        var own = projects.SelectMany(p => ModuleNames(p.Root, Path.GetFullPath(document.Path))).ToList();
        foreach (var node in document.GetPythonSyntax(ct).Root.DescendantNodes())
        {
            switch (node)
            {
                case ImportStatementSyntax import:
                    if (import.Names.Any(n => modules.Contains(n.Name.Name))) return true;
                    break;
                case FromImportStatementSyntax from:
                    foreach (var source in AbsoluteSources(from, own))
                    {
                        if (modules.Contains(source)) return true;
                        // `from shop import views`: the imported name is the module.
                        if (from.Names.Any(n => modules.Contains(source + "." + n.Name.Name))) return true;
                    }
                    break;
            }
        }
        return false;
    }

    /// <summary>The absolute module a from-import reads from, once per name the importing file has (relative imports resolved).</summary>
    private static IEnumerable<string> AbsoluteSources(FromImportStatementSyntax from, IReadOnlyList<string> importerNames)
    {
        var module = from.Module?.Name ?? "";
        if (from.Level == 0)
        {
            if (module.Length > 0) yield return module;
            yield break;
        }
        foreach (var importer in importerNames)
        {
            var package = importer.Split('.').ToList();
            // The importer's package is its name minus the last part (for __init__ files ModuleNames already dropped it,
            // which makes this one level too high; accept both).
            for (var drop = from.Level; drop >= from.Level - 1 && drop >= 0; drop--)
            {
                if (drop > package.Count) continue;
                var basePackage = string.Join('.', package.Take(package.Count - drop));
                yield return basePackage.Length == 0 ? module : module.Length == 0 ? basePackage : basePackage + "." + module;
            }
        }
    }
}

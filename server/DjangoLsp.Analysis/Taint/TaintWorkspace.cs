using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Project;
using DjangoLsp.Analysis.Semantics;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Taint;

/// <summary>
/// The workspace-aware taint models of one analysis (one <see cref="AnalysisContext"/>): URL converters of routed
/// views come from the project model, and calls to functions of other workspace modules use those functions'
/// summaries. Modules are loaded through the context's files (open buffers first) once per context; a document's own
/// model lives as long as the document snapshot. Get a model with <see cref="ModelFor"/>.
/// </summary>
public sealed class TaintWorkspace : ITaintEnvironment
{
    private const int MaxAncestors = 8;
    private const int MaxReexports = 3;
    private static readonly ConditionalWeakTable<AnalysisContext, TaintWorkspace> Workspaces = new();
    private static readonly string[] ExternalPrefixes = { "builtins.", "django.", "rest_framework.", "os.", "subprocess.", "typing." };

    private readonly AnalysisContext _context;
    private readonly ConditionalWeakTable<AnalysisDocument, PythonTaintModel> _documents = new();
    private readonly ConcurrentDictionary<string, PythonTaintModel?> _modules = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Dir, string Name), CallTarget?> _targets = new();
    // Sibling folders share most ancestor roots: which file (if any) holds a module under a root is looked up once per
    // root folder and module name, not once per importing folder (absolute names such as `json.dumps` probe ~9 ancestor
    // roots each; Django's tree: ~3,500 paths). A lookup hashes the short module name only, not the root's path as well
    // (the roots of a folder are found once, in RootsOf).
    private readonly ConcurrentDictionary<string, RootModules> _moduleFiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Dir, string Prefix), PythonTaintModel?> _folderModules = new();
    private readonly ConcurrentDictionary<string, RootModules[]> _roots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _directories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<DjangoProject?>> _projects = new(StringComparer.Ordinal);

    private static readonly IReadOnlyDictionary<string, UrlParameter> NoParameters = new Dictionary<string, UrlParameter>();

    private TaintWorkspace(AnalysisContext context) => _context = context;

    /// <summary>The workspace-aware taint model of <paramref name="document"/> for this analysis.</summary>
    public static PythonTaintModel ModelFor(AnalysisDocument document, AnalysisContext context, CancellationToken cancellationToken = default) =>
        Workspaces.GetValue(context, c => new TaintWorkspace(c)).Model(document, cancellationToken);

    private PythonTaintModel Model(AnalysisDocument document, CancellationToken cancellationToken)
    {
        // A module loaded for another file's call as this very document (the scan shares its documents): share its
        // summaries. Another snapshot's model would not do even with the same text: its nodes are other objects.
        if (_modules.TryGetValue(Path.GetFullPath(document.Path), out var loaded) && ReferenceEquals(loaded?.Document, document))
            return loaded!;
        return _documents.GetValue(document, d => new PythonTaintModel(d.GetPythonSemantics(cancellationToken), d.Path, this, d));
    }

    public IReadOnlyDictionary<string, UrlParameter> UrlParameters(string path, string viewName)
    {
        // Asked for every function that may be a view: the folder and its project are looked up without allocating.
        var dir = DirectoryOf(path);
        if (!_projects.TryGetValue(dir, out var lazy))
            lazy = _projects.GetOrAdd(dir, _ => new Lazy<DjangoProject?>(() => FindProject(path), LazyThreadSafetyMode.ExecutionAndPublication));
        return lazy.Value?.ParametersOf(path, viewName) ?? NoParameters;
    }

    /// <summary>The full path of <paramref name="path"/>'s folder, worked out once per path (asked for every call and view).</summary>
    private string DirectoryOf(string path) =>
        _directories.TryGetValue(path, out var known) ? known : _directories.GetOrAdd(path, p => Path.GetDirectoryName(Path.GetFullPath(p)) ?? "");

    private DjangoProject? FindProject(string path)
    {
        try
        {
            return DjangoProjectModel.ForFile(path, _context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;   // no URL map: view parameters stay unknown data
        }
    }

    CallTarget? ITaintEnvironment.ResolveFunction(string qualifiedName, string fromPath) => Resolve(qualifiedName, fromPath, 0);

    private CallTarget? Resolve(string qualifiedName, string fromPath, int depth)
    {
        if (depth > MaxReexports || qualifiedName.Contains("()") || qualifiedName.Contains("[]")) return null;
        foreach (var prefix in ExternalPrefixes)
            if (qualifiedName.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var dir = DirectoryOf(fromPath);
        return _targets.GetOrAdd((dir, qualifiedName), key => Find(key.Name, key.Dir, depth));
    }

    private CallTarget? Find(string qualifiedName, string dir, int depth)
    {
        var dots = 0;
        while (dots < qualifiedName.Length && qualifiedName[dots] == '.') dots++;
        var lastDot = qualifiedName.LastIndexOf('.');
        if (dots == qualifiedName.Length || qualifiedName[^1] == '.' || qualifiedName.AsSpan(dots).Contains("..", StringComparison.Ordinal)) return null;
        var name = lastDot < dots ? qualifiedName[dots..] : qualifiedName[(lastDot + 1)..];
        if (dots == 0 && lastDot < 0) return null;   // a bare absolute name is no module's function
        // Names of one folder share their module: `json.dumps` and `json.loads` look `json` up once, not once per name and
        // root. The key is the name without its last part, leading dots included (a string pair, like the other keys here:
        // a new tuple type would have no precompiled code).
        var prefix = lastDot < dots ? qualifiedName[..dots] : qualifiedName[..lastDot];
        var model = _folderModules.GetOrAdd((dir, prefix), key => ModuleFrom(key.Dir, key.Prefix));
        return model != null ? FunctionIn(model, name, depth) : null;
    }

    /// <summary>The module <paramref name="prefix"/> (a dotted name, relative when it starts with dots) imported from <paramref name="dir"/>.</summary>
    private PythonTaintModel? ModuleFrom(string dir, string prefix)
    {
        var dots = 0;
        while (dots < prefix.Length && prefix[dots] == '.') dots++;
        var moduleName = prefix[dots..];
        var module = moduleName.Length == 0 ? Array.Empty<string>() : moduleName.Split('.');
        if (dots > 0)
        {
            var baseDir = dir;
            for (var i = 1; i < dots && baseDir != null; i++) baseDir = Path.GetDirectoryName(baseDir);
            return baseDir == null ? null : ModuleUnder(RootFor(baseDir), moduleName, module);
        }
        foreach (var root in RootsOf(dir))
        {
            var model = ModuleUnder(root, moduleName, module);
            if (model != null) return model;
        }
        return null;
    }

    /// <summary>Which file (if any) holds <paramref name="moduleName"/> under <paramref name="root"/>, looked up once per root and name.</summary>
    private PythonTaintModel? ModuleUnder(RootModules root, string moduleName, string[] module) =>
        root.Modules.TryGetValue(moduleName, out var known) ? known : AddModule(root, moduleName, module);

    // Apart from ModuleUnder so that a found name does not allocate the lambda's closure.
    private PythonTaintModel? AddModule(RootModules root, string moduleName, string[] module) =>
        root.Modules.GetOrAdd(moduleName, _ => ModuleAt(root.Folder, module));

    private RootModules RootFor(string path) =>
        _moduleFiles.TryGetValue(path, out var known) ? known : _moduleFiles.GetOrAdd(path, p => new RootModules(p));

    /// <summary>Where an absolute module name is looked for from <paramref name="dir"/>: its ancestors, then the workspace root.</summary>
    private RootModules[] RootsOf(string dir) =>
        _roots.GetOrAdd(dir, d => Ancestors(d).Concat(_context.WorkspaceRoot is { } root ? new[] { Path.GetFullPath(root) } : Array.Empty<string>())
            .Distinct().Select(RootFor).ToArray());

    /// <summary>A folder modules are looked for under, and what was found there by module name.</summary>
    private sealed class RootModules(string folder)
    {
        public string Folder { get; } = folder;

        public ConcurrentDictionary<string, PythonTaintModel?> Modules { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The module <paramref name="module"/> (dotted parts) under <paramref name="root"/>: <c>a/b.py</c>, else <c>a/b/__init__.py</c>.</summary>
    private PythonTaintModel? ModuleAt(string root, string[] module)
    {
        var basePath = Path.Combine(new[] { root }.Concat(module).ToArray());
        var candidates = module.Length == 0 ? new[] { Path.Combine(root, "__init__.py") } : new[] { basePath + ".py", Path.Combine(basePath, "__init__.py") };
        foreach (var file in candidates)
            if (Load(file) is { } model) return model;
        return null;
    }

    private static IEnumerable<string> Ancestors(string dir)
    {
        var current = dir;
        for (var i = 0; i < MaxAncestors && !string.IsNullOrEmpty(current); i++, current = Path.GetDirectoryName(current))
            yield return current;
    }

    private CallTarget? FunctionIn(PythonTaintModel model, string name, int depth)
    {
        FunctionDefinitionSyntax? found = null;
        foreach (var statement in model.Semantics.Tree.Root.Statements)
        {
            if (statement is FunctionDefinitionSyntax function && function.Name == name) found = function;
            else if (statement is ClassDefinitionSyntax @class && @class.Name == name) found = null;
        }
        if (found != null) return new CallTarget(model, found, 0);
        // Re-exported: `from .queries import build_query` in utils/__init__.py.
        var imported = model.Semantics.ModuleScope.GetBindings(name).LastOrDefault(b => b.Kind == BindingKind.Import)?.ImportedName;
        return imported != null ? Resolve(imported, model.Path, depth + 1) : null;
    }

    private PythonTaintModel? Load(string file)
    {
        file = Path.GetFullPath(file);
        return _modules.GetOrAdd(file, path =>
        {
            var document = _context.Files.TryGetDocument(path);
            if (document == null || document.Kind != DocumentKind.Python) return null;
            // The document the scan is analysing itself (the scan and the loads share documents): share its model too.
            return _documents.TryGetValue(document, out var own) ? own : new PythonTaintModel(document.GetPythonSemantics(), path, this, document);
        });
    }
}

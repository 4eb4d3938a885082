using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Analysis.Settings;
using DjangoLsp.Python.Syntax;

namespace DjangoLsp.Analysis.Project;

/// <summary>
/// The Django projects of a workspace, built statically from the files the context gives (open buffers first):
/// settings (through the settings evaluator's star-import chains), installed apps, middleware, template
/// directories, URL routes → views, models with owner fields, and template → rendering views. Models are cached
/// per project root and reused while every file they were built from has the same content.
/// </summary>
public static partial class DjangoProjectModel
{
    private const int MaxAncestors = 10;
    // Generated at build time: RegexOptions.Compiled would compile them to IL and JIT them in every process.
    private static readonly Regex SettingsInPython = SettingsInPythonPattern();
    private static readonly Regex SettingsInConfig = SettingsInConfigPattern();

    [GeneratedRegex(@"DJANGO_SETTINGS_MODULE['""]\s*,\s*['""](?<m>[\w.]+)['""]")]
    private static partial Regex SettingsInPythonPattern();

    [GeneratedRegex(@"DJANGO_SETTINGS_MODULE\s*[=:]\s*['""]?(?<m>[\w.]+)")]
    private static partial Regex SettingsInConfigPattern();
    private static readonly ConcurrentDictionary<string, (DjangoProject Project, IReadOnlyDictionary<string, string> Probes)> Cache = new(StringComparer.Ordinal);
    private static readonly string[] ConfigFiles = { "manage.py", "pytest.ini", "setup.cfg", "pyproject.toml", "tox.ini" };

    /// <summary>The project containing <paramref name="path"/> (the nearest folder above it with manage.py or a Django config), or null.</summary>
    public static DjangoProject? ForFile(string path, AnalysisContext context, CancellationToken ct = default) =>
        RootFor(path, context.Files) is { } root ? Build(root, context.Files, ct) : null;

    /// <summary>The root of the project containing <paramref name="path"/> (nearest folder above it with manage.py or a Django config), or null.</summary>
    public static string? RootFor(string path, IWorkspaceFiles files)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        for (var i = 0; i < MaxAncestors && dir != null; i++, dir = Path.GetDirectoryName(dir))
        {
            if (FindSettingsModule(dir, files) != null || files.TryGetDocument(Path.Combine(dir, "manage.py")) != null)
                return dir;
        }
        return null;
    }

    /// <summary>The model last built for <paramref name="root"/>, without checking it is current (the "before" side of an edit).</summary>
    public static DjangoProject? LastBuilt(string root) =>
        Cache.TryGetValue(Path.GetFullPath(root), out var cached) ? cached.Project : null;

    /// <summary>Every project under <paramref name="workspaceRoot"/> (directory listing from disk; hidden and virtualenv folders skipped).</summary>
    public static IReadOnlyList<DjangoProject> Discover(string workspaceRoot, IWorkspaceFiles files, CancellationToken ct = default)
    {
        var result = new List<DjangoProject>();
        var pending = new Stack<(string Dir, int Depth)>();
        pending.Push((Path.GetFullPath(workspaceRoot), 0));
        while (pending.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var (dir, depth) = pending.Pop();
            if (ConfigFiles.Any(f => File.Exists(Path.Combine(dir, f))) &&
                (File.Exists(Path.Combine(dir, "manage.py")) || FindSettingsModule(dir, files) != null))
            {
                result.Add(Build(dir, files, ct));
                continue;
            }
            if (depth >= 6) continue;
            IEnumerable<string> children;
            try { children = Directory.EnumerateDirectories(dir).ToList(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (var child in children.OrderByDescending(c => c, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(child);
                if (name.StartsWith('.') || name is "node_modules" or "site-packages" or "venv" or "env" or "__pycache__") continue;
                pending.Push((child, depth + 1));
            }
        }
        return result;
    }

    /// <summary>The project rooted at <paramref name="root"/>; reuses the cached model when no file it read has changed.</summary>
    public static DjangoProject Build(string root, IWorkspaceFiles files, CancellationToken ct = default)
    {
        root = Path.GetFullPath(root);
        if (Cache.TryGetValue(root, out var cached) && RecordingFiles.StillValid(cached.Probes, files)) return cached.Project;
        var recording = new RecordingFiles(files);
        var project = new Builder(root, recording, ct).Build();
        Cache[root] = (project, new Dictionary<string, string>(recording.Probes));
        return project;
    }

    /// <summary>DJANGO_SETTINGS_MODULE as set in manage.py, wsgi.py/asgi.py one level down, or a test config file.</summary>
    internal static string? FindSettingsModule(string root, IWorkspaceFiles files)
    {
        foreach (var name in new[] { "manage.py" })
            if (files.TryGetDocument(Path.Combine(root, name)) is { } doc && SettingsInPython.Match(doc.Text.ToString()) is { Success: true } m)
                return m.Groups["m"].Value;
        foreach (var name in new[] { "pytest.ini", "setup.cfg", "pyproject.toml", "tox.ini" })
            if (files.TryGetDocument(Path.Combine(root, name)) is { } doc && SettingsInConfig.Match(doc.Text.ToString()) is { Success: true } m)
                return m.Groups["m"].Value;
        return null;
    }

    private sealed class Builder
    {
        private readonly string _root;
        private readonly RecordingFiles _files;
        private readonly CancellationToken _ct;
        private readonly ModuleIndex _modules;

        public Builder(string root, RecordingFiles files, CancellationToken ct)
        {
            _root = root;
            _files = files;
            _ct = ct;
            _modules = new ModuleIndex(root, files, ct);
        }

        public DjangoProject Build()
        {
            var settingsModule = SettingsModule();
            var settingsPath = settingsModule != null ? _modules.FileOf(settingsModule) : null;
            EvaluatedSettings? settings = null;
            if (settingsPath != null && _files.Get(settingsPath) is { } settingsDoc)
            {
                try { settings = SettingsEvaluator.Evaluate(settingsDoc, new ProbingFiles(_files), _root, _ct); }
                catch (Exception e) when (e is not OperationCanceledException) { settings = null; }
            }
            var apps = Strings(settings?.Get("INSTALLED_APPS")?.Value);
            var middleware = Strings(settings?.Get("MIDDLEWARE")?.Value);
            var rootUrlConf = settings?.Get("ROOT_URLCONF")?.Value.Effective.StrValue;
            var (templateDirs, appDirs) = TemplateDirectories(settings, apps);
            var routes = rootUrlConf != null ? new UrlConfReader(_modules, _ct).Read(rootUrlConf) : Array.Empty<UrlRoute>();
            var restFramework = settings?.Get("REST_FRAMEWORK")?.Value.Effective;
            return new DjangoProject
            {
                Root = _root,
                SettingsModule = settingsModule,
                SettingsPath = settingsPath,
                Settings = settings,
                InstalledApps = apps,
                Middleware = middleware,
                RootUrlConf = rootUrlConf,
                TemplateDirectories = templateDirs,
                AppDirs = appDirs,
                Routes = routes,
                Models = ModelReader.Read(_modules, apps, _ct),
                DefaultPermissionClasses = DictStrings(restFramework, "DEFAULT_PERMISSION_CLASSES"),
                DefaultThrottleClasses = DictStrings(restFramework, "DEFAULT_THROTTLE_CLASSES"),
                TemplateViews = TemplateLinks.Read(_modules, routes, _ct),
            };
        }

        private string? SettingsModule()
        {
            if (FindSettingsModule(_root, new ProbingFiles(_files)) is { } found) return found;
            // wsgi.py/asgi.py in a package folder next to manage.py.
            try
            {
                foreach (var dir in Directory.Exists(_root) ? Directory.EnumerateDirectories(_root) : Array.Empty<string>())
                    foreach (var name in new[] { "wsgi.py", "asgi.py" })
                        if (_files.Get(Path.Combine(dir, name)) is { } doc && SettingsInPython.Match(doc.Text.ToString()) is { Success: true } m)
                            return m.Groups["m"].Value;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            return null;
        }

        private static IReadOnlyList<string> Strings(PyValue? value) =>
            value?.Effective is { IsSequence: true } seq
                ? seq.Items.Select(i => i.Effective.StrValue).OfType<string>().ToList()
                : Array.Empty<string>();

        private static IReadOnlyList<string>? DictStrings(PyValue? dict, string key)
        {
            if (dict is not { Kind: PyValueKind.Dict }) return null;
            foreach (var entry in dict.Entries)
                if (entry.Key.Effective.StrValue == key) return Strings(entry.Value);
            return null;
        }

        private (IReadOnlyList<string>, bool) TemplateDirectories(EvaluatedSettings? settings, IReadOnlyList<string> apps)
        {
            var dirs = new List<string>();
            var appDirs = false;
            var binding = settings?.Get("TEMPLATES");
            if (binding?.Value.Effective is { IsSequence: true } templates)
            {
                foreach (var backend in templates.Items.Select(t => t.Effective).Where(t => t.Kind == PyValueKind.Dict))
                {
                    foreach (var entry in backend.Entries)
                    {
                        switch (entry.Key.Effective.StrValue)
                        {
                            case "APP_DIRS":
                                appDirs |= entry.Value.Truthy == true;
                                break;
                            case "DIRS":
                                dirs.AddRange(PathExpressions.TemplateDirs(binding!, settings!, _files, _root, _ct));
                                break;
                        }
                    }
                }
            }
            if (appDirs)
            {
                foreach (var app in apps)
                {
                    var package = AppPackage(app);
                    if (package == null) continue;
                    var templatesDir = Path.Combine(package, "templates");
                    if (_files.DirectoryExists(templatesDir)) dirs.Add(templatesDir);
                }
            }
            return (dirs.Distinct(StringComparer.Ordinal).ToList(), appDirs);
        }

        /// <summary>The folder of an installed app (<c>catalog</c> or <c>catalog.apps.CatalogConfig</c>) inside the project, or null.</summary>
        private string? AppPackage(string app)
        {
            var parts = app.Split('.');
            for (var n = parts.Length; n >= 1; n--)
            {
                var init = _modules.FileOf(string.Join('.', parts[..n]));
                if (init != null && Path.GetFileName(init) == "__init__.py") return Path.GetDirectoryName(init);
            }
            return null;
        }
    }

    /// <summary>Lets the settings evaluator read through the recording reader, so its files count for cache validity.</summary>
    private sealed class ProbingFiles : IWorkspaceFiles
    {
        private readonly RecordingFiles _files;
        public ProbingFiles(RecordingFiles files) => _files = files;
        public AnalysisDocument? TryGetDocument(string path) => _files.Get(path);
    }
}

using DjangoLsp.Analysis.Configuration;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Protocol.Lsp;
using DjangoLsp.Server.Caching;
using DjangoLsp.Server.Diagnostics;
using DjangoLsp.Server.Text;
using Microsoft.CodeAnalysis.Text;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Server.Workspace;

/// <summary>
/// The state the handlers share: the engine, open documents, what the client can do, settings, and the
/// diagnostics machinery. Created once per connection.
/// </summary>
public sealed class ServerSession
{
    private volatile ServerSettings _settings = ServerSettings.Default;
    private int _settingsGeneration;
    private volatile PyProjectConfiguration _project = PyProjectConfiguration.None;

    public ServerSession(AnalysisEngine engine, LspConnection connection)
    {
        Engine = engine;
        Connection = connection;
        Findings = new FindingsCache(this);
        Publisher = new DiagnosticPublisher(this);
        Mapper = new DiagnosticMapper(this);
        Dependents = new DependentScheduler(this);
        CachedAnalysis = new CachedAnalysis(engine);
        engine.AnalyzerFailed += (analyzer, document, e) =>
            connection.Log($"Analyzer {analyzer.GetType().Name} failed on {document.Path}: {e}");
    }

    public AnalysisEngine Engine { get; }
    public LspConnection Connection { get; }
    public OpenDocuments Documents { get; } = new();
    public FindingsCache Findings { get; }
    public DiagnosticPublisher Publisher { get; }
    public DiagnosticMapper Mapper { get; }
    public DependentScheduler Dependents { get; }

    public InitializeParams Client { get; set; } = new();
    public PositionEncoder Encoder { get; set; } = PositionEncoder.Utf16;
    public IReadOnlyList<string> WorkspaceRoots { get; set; } = Array.Empty<string>();

    /// <summary>False when the client pulls diagnostics (textDocument/diagnostic); pushing as well would show them twice.</summary>
    public bool PushDiagnostics { get; set; } = true;

    public ServerSettings Settings => _settings;

    /// <summary>The workspace root's pyproject.toml <c>[tool.djangolsp]</c>; reloaded when that file changes.</summary>
    public PyProjectConfiguration Project => _project;

    /// <summary>The options analyses use: defaults &lt; pyproject.toml &lt; client settings.</summary>
    public AnalysisOptions Options => _settings.Client.ApplyTo(_project.Layer.ApplyTo(AnalysisOptions.Default));

    /// <summary>Re-reads pyproject.toml at the first workspace root; problems are logged as one line each, never thrown.</summary>
    public void ReloadProjectConfiguration()
    {
        var root = WorkspaceRoots.FirstOrDefault();
        var file = root == null ? null : Path.Combine(root, "pyproject.toml");
        _project = file != null && File.Exists(file) ? PyProjectConfiguration.Load(file) : PyProjectConfiguration.None;
        foreach (var warning in _project.Warnings)
        {
            Log("warning: " + warning);
            // Shown to the user too: a broken pyproject.toml silently ignored would look like "my ignore does not work".
            _ = Connection.SendNotificationAsync("window/showMessage", new JObject { ["type"] = 2, ["message"] = "DjangoLsp: " + warning })
                .ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }
        Interlocked.Increment(ref _settingsGeneration);
    }

    public static bool IsProjectConfiguration(string path) =>
        Path.GetFileName(path).Equals("pyproject.toml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Completed once the settings pulled at start-up (workspace/configuration) have arrived or failed, so the
    /// first diagnostics are not computed with defaults the user has overridden (e.g. an ignored rule flashing).
    /// </summary>
    public TaskCompletionSource InitialSettings { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Bumped on every settings or workspace change so findings computed before it are not reused or published.</summary>
    public int SettingsGeneration => Volatile.Read(ref _settingsGeneration);

    public void UpdateSettings(ServerSettings settings)
    {
        _settings = settings;
        Interlocked.Increment(ref _settingsGeneration);
    }

    /// <summary>Files other than the open buffers changed (save, disk): cached findings may depend on them.</summary>
    public void InvalidateFindings() => Interlocked.Increment(ref _settingsGeneration);

    private (int Generation, AnalysisDiskCache Cache)? _diskCache;

    /// <summary>
    /// Analyses a snapshot through the on-disk cache of the workspace root it belongs to (when enabled and under a
    /// root): a reopened workspace gets unchanged files' findings without re-analysing them.
    /// </summary>
    /// <param name="diskFingerprints">Memo of closed files' fingerprints shared by one workspace scan (dependencies such as
    /// the project model's inputs are the same for most files); open buffers are always fingerprinted as they are now.</param>
    public IReadOnlyList<Finding> AnalyzeWithDiskCache(AnalysisDocument document, CancellationToken cancellationToken,
        System.Collections.Concurrent.ConcurrentDictionary<string, string>? diskFingerprints = null)
    {
        var context = ContextFor(document.Path);
        var under = context.WorkspaceRoot != null && IsUnder(document.Path, context.WorkspaceRoot);
        Func<string, string>? fingerprintOf = diskFingerprints == null
            ? null
            : path => Documents.FindByPath(path) is { } open
                ? RecordingWorkspaceFiles.Fingerprint(open.Document)
                : diskFingerprints.GetOrAdd(path, p => RecordingWorkspaceFiles.Fingerprint(DiskFiles.Instance.TryGetDocument(p)));
        return CachedAnalysis.Analyze(under ? DiskCache() : null, document, context, cancellationToken, fingerprintOf);
    }

    public CachedAnalysis CachedAnalysis { get; }

    /// <summary>The disk cache for the current settings generation (re-keyed when options change: they are part of the key); null when off.</summary>
    public AnalysisDiskCache? DiskCache()
    {
        var root = WorkspaceRoots.FirstOrDefault();
        if (root == null || !_settings.DiskCache) return null;
        var generation = SettingsGeneration;
        var current = _diskCache;
        if (current is { } c && c.Generation == generation) return c.Cache;
        var directory = _settings.CacheDirectory != null
            ? Path.Combine(_settings.CacheDirectory, Path.GetFileName(AnalysisDiskCache.DefaultDirectory(root)))
            : AnalysisDiskCache.DefaultDirectory(root);
        var cache = new AnalysisDiskCache(directory, AnalysisDiskCache.ConfigKey(Engine, Options, root), Engine.Catalog);
        _diskCache = (generation, cache);
        return cache;
    }

    public AnalysisContext ContextFor(string path)
    {
        var root = WorkspaceRoots.FirstOrDefault(r => IsUnder(path, r)) ?? WorkspaceRoots.FirstOrDefault();
        return new AnalysisContext(Options, Documents, root);
    }

    /// <summary>The current text of a file: the open buffer, else disk; null when unreadable.</summary>
    public SourceText? TextOf(string path)
    {
        var open = Documents.FindByPath(path);
        if (open != null) return open.Document.Text;
        return SourceFiles.TryRead(path, out var text, out _) ? text : null;
    }

    public string UriOf(string path) => Documents.FindByPath(path)?.Uri ?? DocumentUris.FromPath(path);

    public void Log(string message) => Connection.Log(message);

    private static bool IsUnder(string path, string root)
    {
        var relative = Path.GetRelativePath(root, path);
        return !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using DjangoLsp.Analysis.Dependencies.Advisories;
using DjangoLsp.Analysis.Engine;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Server.Caching;

/// <summary>
/// Per-file analysis results on disk, so a reopened workspace (or a second <c>check</c>) does not re-analyse unchanged
/// files. One JSON file per source path under the cache directory; an entry is used only when
/// <list type="bullet">
/// <item>its format version and configuration key match (tool build, advisory snapshot, rule set, options, root),</item>
/// <item>the document's content hash matches, and</item>
/// <item>every other file the analysis read (settings chain, rendering views, the project model's inputs, included
/// requirements) still has the recorded content hash (or is still missing).</item>
/// </list>
/// Unreadable, partial or corrupted entries are misses. Writes go to a temporary file and are renamed into place, so a
/// crash never leaves half an entry. The directory is pruned (oldest first) when it grows past its size bound.
/// </summary>
public sealed class AnalysisDiskCache
{
    /// <summary>Bumped whenever the entry layout or what a key covers changes.</summary>
    public const int FormatVersion = 1;

    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    private readonly string _directory;
    private readonly string _configKey;
    private readonly RuleCatalog _catalog;
    private readonly long _maxBytes;
    private long _writtenSincePrune;
    private int _hits, _misses, _stores, _rejected;

    public AnalysisDiskCache(string directory, string configKey, RuleCatalog catalog, long maxBytes = DefaultMaxBytes)
    {
        _directory = Path.GetFullPath(directory);
        _configKey = configKey;
        _catalog = catalog;
        _maxBytes = maxBytes;
    }

    public string Directory => _directory;
    public int Hits => Volatile.Read(ref _hits);
    public int Misses => Volatile.Read(ref _misses);
    public int Stores => Volatile.Read(ref _stores);

    /// <summary>Entries found but unusable (corrupted, partial, other format): counted separately from plain misses.</summary>
    public int Rejected => Volatile.Read(ref _rejected);

    /// <summary>
    /// The default location: <c>$DJANGOLSP_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/djangolsp</c>, else
    /// <c>~/.cache/djangolsp</c> (the platform's local application data folder on Windows), then one folder per
    /// workspace root (a hash of its path). Never inside the user's repository.
    /// </summary>
    public static string DefaultDirectory(string workspaceRoot)
    {
        var baseDir = Environment.GetEnvironmentVariable("DJANGOLSP_CACHE_DIR");
        if (string.IsNullOrWhiteSpace(baseDir))
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            baseDir = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)
                ? Path.Combine(xdg, "djangolsp")
                : OperatingSystem.IsWindows()
                    ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "djangolsp", "cache")
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "djangolsp");
        }
        return Path.Combine(baseDir, Hash(Path.GetFullPath(workspaceRoot))[..16]);
    }

    /// <summary>
    /// What every entry's validity depends on besides file contents: format, the build of the analysis and server
    /// assemblies, the advisory snapshot in use, the analyzers' rule set, the options and the workspace root
    /// (per-file ignores are relative to it).
    /// </summary>
    public static string ConfigKey(AnalysisEngine engine, AnalysisOptions options, string? workspaceRoot)
    {
        var key = new StringBuilder();
        key.Append("format=").Append(FormatVersion).Append('\n');
        key.Append("analysis=").Append(typeof(AnalysisEngine).Assembly.ManifestModule.ModuleVersionId).Append('\n');
        key.Append("server=").Append(typeof(AnalysisDiskCache).Assembly.ManifestModule.ModuleVersionId).Append('\n');
        key.Append("advisories=").Append(AdvisoryStore.Current.SnapshotDate).Append('\n');
        key.Append("analyzers=").AppendJoin(',', engine.Analyzers.Select(a => a.GetType().FullName)).Append('\n');
        key.Append("rules=").AppendJoin(',', engine.Catalog.All.Select(r => r.Id + ":" + (int)r.DefaultSeverity)).Append('\n');
        key.Append("root=").Append(workspaceRoot == null ? "" : Path.GetFullPath(workspaceRoot)).Append('\n');
        key.Append("options=").Append(JsonConvert.SerializeObject(new
        {
            options.Select, options.Ignore,
            PerFileIgnores = options.PerFileIgnores.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
            SeverityOverrides = options.SeverityOverrides.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
            options.MinimumSeverity, options.ReportSyntaxErrors, options.SettingsModule, options.ExtraTemplateDirs,
        }));
        return Hash(key.ToString());
    }

    /// <summary>The cached findings for this snapshot, or null. <paramref name="fingerprintOf"/> gives a dependency's current fingerprint.</summary>
    public IReadOnlyList<Finding>? TryGet(AnalysisDocument document, Func<string, string> fingerprintOf)
    {
        var file = EntryPath(document.Path);
        JObject entry;
        try
        {
            if (!File.Exists(file))
            {
                Interlocked.Increment(ref _misses);
                return null;
            }
            using var reader = new JsonTextReader(new StreamReader(file, Encoding.UTF8)) { DateParseHandling = DateParseHandling.None, MaxDepth = 64 };
            entry = JObject.Load(reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidCastException or ArgumentException)
        {
            return Reject();
        }
        var findings = Validate(entry, document, fingerprintOf);
        if (findings == null)
        {
            Interlocked.Increment(ref _misses);
            return null;
        }
        Interlocked.Increment(ref _hits);
        return findings;
    }

    private IReadOnlyList<Finding>? Validate(JObject entry, AnalysisDocument document, Func<string, string> fingerprintOf)
    {
        if (entry["format"] is not JValue { Type: JTokenType.Integer } format || (long)format != FormatVersion) return null;
        if (Str(entry["key"]) != _configKey || Str(entry["path"]) != Path.GetFullPath(document.Path)) return null;
        if (Str(entry["content"]) != RecordingWorkspaceFiles.Fingerprint(document)) return null;
        if (entry["deps"] is not JObject deps || entry["findings"] is not JArray array) return Reject();
        foreach (var dep in deps.Properties())
            if (Str(dep.Value) is not { } expected || fingerprintOf(dep.Name) != expected) return null;
        var findings = new List<Finding>(array.Count);
        foreach (var item in array)
        {
            var finding = FindingJson.Read(item, id => _catalog.Find(id));
            if (finding == null) return Reject();
            findings.Add(finding);
        }
        return findings;
    }

    private IReadOnlyList<Finding>? Reject()
    {
        Interlocked.Increment(ref _rejected);
        Interlocked.Increment(ref _misses);
        return null;
    }

    /// <summary>Stores the findings of <paramref name="document"/> with the fingerprints of the files its analysis read.</summary>
    public void Store(AnalysisDocument document, IReadOnlyDictionary<string, string> dependencies, IReadOnlyList<Finding> findings)
    {
        var full = Path.GetFullPath(document.Path);
        var deps = new JObject();
        foreach (var (path, fingerprint) in dependencies.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (path != full) deps[path] = fingerprint;
        var entry = new JObject
        {
            ["format"] = FormatVersion,
            ["key"] = _configKey,
            ["path"] = full,
            ["content"] = RecordingWorkspaceFiles.Fingerprint(document),
            ["deps"] = deps,
            ["findings"] = new JArray(findings.Select(FindingJson.Write)),
        };
        var file = EntryPath(full);
        var temp = file + "." + Environment.ProcessId + "." + Environment.CurrentManagedThreadId + ".tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var text = entry.ToString(Formatting.None);
            File.WriteAllText(temp, text, new UTF8Encoding(false));
            File.Move(temp, file, overwrite: true);
            Interlocked.Increment(ref _stores);
            if (Interlocked.Add(ref _writtenSincePrune, text.Length) > _maxBytes / 8)
            {
                Interlocked.Exchange(ref _writtenSincePrune, 0);
                Prune();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only or full disk: the cache is an optimisation, analysis results are still returned.
            TryDelete(temp);
        }
    }

    /// <summary>Deletes the oldest entries until the directory is under 80% of its bound (leftover temporary files first).</summary>
    public void Prune()
    {
        try
        {
            if (!System.IO.Directory.Exists(_directory)) return;
            var files = new DirectoryInfo(_directory).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
            foreach (var stale in files.Where(f => f.Name.EndsWith(".tmp", StringComparison.Ordinal) && f.LastWriteTimeUtc < DateTime.UtcNow.AddMinutes(-10)))
                TryDelete(stale.FullName);
            var total = files.Sum(f => f.Length);
            if (total <= _maxBytes) return;
            foreach (var file in files.OrderBy(f => f.LastWriteTimeUtc))
            {
                if (total <= _maxBytes * 8 / 10) break;
                total -= file.Length;
                TryDelete(file.FullName);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Where the entry for <paramref name="path"/> lives (a hash of the full path, fanned out over 256 folders).</summary>
    public string EntryPath(string path)
    {
        var hash = Hash(Path.GetFullPath(path));
        return Path.Combine(_directory, hash[..2], hash + ".json");
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static string? Str(JToken? token) => token is JValue { Type: JTokenType.String } v ? (string?)v : null;

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}

/// <summary>Runs the engine through an optional <see cref="AnalysisDiskCache"/>, recording what each analysis read.</summary>
public sealed class CachedAnalysis
{
    private readonly AnalysisEngine _engine;
    private readonly ConcurrentDictionary<string, byte> _failed = new(StringComparer.Ordinal);

    public CachedAnalysis(AnalysisEngine engine)
    {
        _engine = engine;
        engine.AnalyzerFailed += OnFailed;
    }

    /// <summary>Stops listening to the engine (for short-lived instances over a long-lived engine).</summary>
    public void Detach() => _engine.AnalyzerFailed -= OnFailed;

    private void OnFailed(IDocumentAnalyzer analyzer, AnalysisDocument document, Exception e) => _failed[Path.GetFullPath(document.Path)] = 0;

    /// <param name="fingerprintOf">Current fingerprint of a dependency; defaults to reading it through the context's files.</param>
    public IReadOnlyList<Finding> Analyze(AnalysisDiskCache? cache, AnalysisDocument document, AnalysisContext context,
        CancellationToken cancellationToken, Func<string, string>? fingerprintOf = null)
    {
        if (cache == null) return _engine.Analyze(document, context, cancellationToken);
        fingerprintOf ??= path => RecordingWorkspaceFiles.Fingerprint(context.Files.TryGetDocument(path));
        if (cache.TryGet(document, fingerprintOf) is { } cached) return cached;
        var recording = new RecordingWorkspaceFiles(context.Files);
        var full = Path.GetFullPath(document.Path);
        _failed.TryRemove(full, out _);
        var findings = _engine.Analyze(document, new AnalysisContext(context.Options, recording, context.WorkspaceRoot), cancellationToken);
        // A result missing an analyzer that threw is not worth keeping: the next run should try again.
        if (!_failed.ContainsKey(full)) cache.Store(document, recording.Reads, findings);
        return findings;
    }
}

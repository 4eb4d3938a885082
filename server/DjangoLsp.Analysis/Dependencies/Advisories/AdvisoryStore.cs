namespace DjangoLsp.Analysis.Dependencies.Advisories;

/// <summary>
/// Which advisory database the product uses: the user's installed copy (from
/// <c>djangolsp advisories update --from DIR</c>) when it is at least as new as the embedded snapshot,
/// otherwise the embedded one. The user's copy lives at <c>$XDG_CACHE_HOME/djangolsp/advisories.json.gz</c>
/// (<c>~/.cache/…</c> when unset; <c>DJANGOLSP_ADVISORIES</c> overrides the path).
/// </summary>
public static class AdvisoryStore
{
    private static readonly object Gate = new();
    private static Lazy<AdvisoryDatabase> _embedded = new(AdvisoryDatabase.LoadEmbedded);
    private static Lazy<AdvisoryDatabase> _current = new(() => LoadPreferred(UserDatabasePath));

    private static readonly Lazy<AdvisorySnapshotInfo> EmbeddedInfo = new(() =>
    {
        using var stream = typeof(AdvisoryDatabase).Assembly.GetManifestResourceStream(AdvisoryDatabase.EmbeddedResourceName)
            ?? throw new InvalidOperationException($"embedded resource {AdvisoryDatabase.EmbeddedResourceName} is missing");
        return AdvisoryDatabase.ReadSnapshotInfo(stream);
    });

    /// <summary>Source, licence and date of the built-in snapshot, read without loading the advisories.</summary>
    public static AdvisorySnapshotInfo EmbeddedSnapshot => EmbeddedInfo.Value;

    /// <summary>One line for <c>djangolsp rules</c>/<c>--version</c>: which advisory data is in use and how old it is.</summary>
    public static string Describe()
    {
        var db = Current;
        var origin = ReferenceEquals(db, Embedded) ? "built-in" : "installed at " + UserDatabasePath;
        return $"Advisory data: {db.AdvisoryCount} advisories for {db.PackageCount} PyPI packages, snapshot {db.SnapshotDate} ({origin}). {db.Notice}";
    }

    /// <summary>The database built into this version of the product.</summary>
    public static AdvisoryDatabase Embedded => _embedded.Value;

    /// <summary>The database analyses use (loaded once per process).</summary>
    public static AdvisoryDatabase Current => _current.Value;

    public static string UserDatabasePath
    {
        get
        {
            var explicitPath = Environment.GetEnvironmentVariable("DJANGOLSP_ADVISORIES");
            if (!string.IsNullOrWhiteSpace(explicitPath)) return explicitPath;
            var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrWhiteSpace(cache))
                cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(cache, "djangolsp", "advisories.json.gz");
        }
    }

    /// <summary>The user's copy at <paramref name="userPath"/> when it loads and is not older than the embedded snapshot; else the embedded one.</summary>
    public static AdvisoryDatabase LoadPreferred(string? userPath)
    {
        var embedded = Embedded;
        if (userPath == null || !File.Exists(userPath)) return embedded;
        try
        {
            using var stream = File.OpenRead(userPath);
            var user = AdvisoryDatabase.Load(stream);
            return string.CompareOrdinal(user.SnapshotDate, embedded.SnapshotDate) >= 0 && user.AdvisoryCount > 0 ? user : embedded;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException or KeyNotFoundException or InvalidOperationException)
        {
            return embedded;   // a damaged download must never break analysis
        }
    }

    /// <summary>
    /// <c>djangolsp advisories update --from DIR</c>: reads OSV files under <paramref name="directory"/> and installs
    /// them as the user's database. Returns the process exit code (0 installed, 1 bad input, 2 nothing found).
    /// </summary>
    public static int UpdateFrom(string directory, TextWriter log) => UpdateFrom(directory, log, UserDatabasePath);

    public static int UpdateFrom(string directory, TextWriter log, string targetPath)
    {
        AdvisoryDatabase database;
        try
        {
            database = AdvisoryDatabase.LoadFromDirectory(directory, log);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            log.WriteLine($"error: {e.Message}");
            return 1;
        }
        if (database.AdvisoryCount == 0)
        {
            log.WriteLine($"error: no OSV advisories for PyPI packages found under '{directory}'");
            return 2;
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(targetPath))!);
            var temp = targetPath + ".tmp";
            using (var stream = File.Create(temp)) database.Save(stream);
            File.Move(temp, targetPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"error: cannot write {targetPath}: {e.Message}");
            return 1;
        }
        if (string.CompareOrdinal(database.SnapshotDate, Embedded.SnapshotDate) < 0)
            log.WriteLine($"warning: this data ({database.SnapshotDate}) is older than the built-in snapshot ({Embedded.SnapshotDate}); the built-in one stays in use");
        log.WriteLine($"installed {database.AdvisoryCount} advisories for {database.PackageCount} packages (snapshot {database.SnapshotDate}) to {targetPath}");
        lock (Gate) _current = new Lazy<AdvisoryDatabase>(() => LoadPreferred(UserDatabasePath));
        return 0;
    }
}

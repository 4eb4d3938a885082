using System.IO.Compression;
using System.Text.Json;

namespace DjangoLsp.Analysis.Dependencies.Advisories;

/// <summary>
/// Offline advisories for PyPI projects, by PEP 503 name. The product ships one built from the PyPA advisory
/// database (see <c>tools/build-advisories.py</c> and <c>docs/advisories.md</c>); a newer OSV export can be
/// loaded from a directory and installed as the user's copy (<see cref="AdvisoryStore"/>).
/// </summary>
public sealed class AdvisoryDatabase
{
    public const string EmbeddedResourceName = "DjangoLsp.Analysis.Dependencies.Data.advisories.json.gz";
    private const int FormatVersion = 1;

    private readonly Dictionary<string, PackageAdvisories> _byPackage;

    public AdvisoryDatabase(IDictionary<string, IReadOnlyList<Advisory>> byPackage, string source, string license, string notice,
        string snapshotCommit, string snapshotDate)
        : this(byPackage.ToDictionary(p => p.Key, p => new PackageAdvisories(p.Value.Count, new Lazy<IReadOnlyList<Advisory>>(p.Value))),
            source, license, notice, snapshotCommit, snapshotDate)
    {
    }

    private AdvisoryDatabase(Dictionary<string, PackageAdvisories> byPackage, string source, string license, string notice,
        string snapshotCommit, string snapshotDate)
    {
        _byPackage = new Dictionary<string, PackageAdvisories>(StringComparer.Ordinal);
        foreach (var (name, advisories) in byPackage) _byPackage[PackageName.Normalize(name)] = advisories;
        Source = source;
        License = license;
        Notice = notice;
        SnapshotCommit = snapshotCommit;
        SnapshotDate = snapshotDate;
    }

    /// <summary>A package's advisories, materialised from the JSON on first use (most packages are never asked for).</summary>
    private sealed record PackageAdvisories(int Count, Lazy<IReadOnlyList<Advisory>> Advisories);

    /// <summary>Where the data comes from (a URL or a directory).</summary>
    public string Source { get; }
    public string License { get; }
    /// <summary>The attribution line the data's licence asks for.</summary>
    public string Notice { get; }
    public string SnapshotCommit { get; }
    /// <summary>The date of the advisory snapshot (yyyy-MM-dd): advisories published after it are not known.</summary>
    public string SnapshotDate { get; }

    public AdvisorySnapshotInfo SnapshotInfo => new(Source, License, Notice, SnapshotCommit, SnapshotDate);

    public int PackageCount => _byPackage.Count;
    public int AdvisoryCount => _byPackage.Values.Sum(a => a.Count);
    public IEnumerable<string> Packages => _byPackage.Keys;

    /// <summary>Advisories for a project (any spelling of its name); empty when none are known.</summary>
    public IReadOnlyList<Advisory> ForPackage(string name) =>
        _byPackage.TryGetValue(PackageName.Normalize(name), out var entry) ? entry.Advisories.Value : Array.Empty<Advisory>();

    /// <summary>The database built into the product.</summary>
    public static AdvisoryDatabase LoadEmbedded()
    {
        using var stream = typeof(AdvisoryDatabase).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"embedded resource {EmbeddedResourceName} is missing");
        return Load(stream);
    }

    /// <summary>
    /// Reads the compact gzip'd JSON format written by <see cref="Save"/> and the build script. Only the header and the
    /// package index are read here; each package's advisories are parsed when first asked for.
    /// </summary>
    public static AdvisoryDatabase Load(Stream gzipStream)
    {
        byte[] bytes;
        using (var gzip = new GZipStream(gzipStream, CompressionMode.Decompress, leaveOpen: true))
        using (var memory = new MemoryStream())
        {
            gzip.CopyTo(memory);
            bytes = memory.ToArray();
        }
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var packages = new Dictionary<string, PackageAdvisories>(StringComparer.Ordinal);
        var format = -1;
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 16 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new InvalidDataException("advisory database is not a JSON object");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString()!;
            reader.Read();
            if (property == "packages" && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartArray) throw new InvalidDataException($"package {name}: expected an array");
                    var start = (int)reader.TokenStartIndex;
                    var count = 0;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        count++;
                        reader.Skip();
                    }
                    var end = (int)reader.BytesConsumed;
                    packages[name] = new PackageAdvisories(count, new Lazy<IReadOnlyList<Advisory>>(() => ReadPackage(bytes, start, end - start)));
                }
            }
            else if (property == "format" && reader.TokenType == JsonTokenType.Number) format = reader.GetInt32();
            else if (reader.TokenType == JsonTokenType.String) header[property] = reader.GetString() ?? "";
            else reader.Skip();
        }
        if (format != FormatVersion) throw new InvalidDataException("unsupported advisory database format");
        return new AdvisoryDatabase(packages, header.GetValueOrDefault("source", ""), header.GetValueOrDefault("license", ""),
            header.GetValueOrDefault("notice", ""), header.GetValueOrDefault("snapshotCommit", ""), header.GetValueOrDefault("snapshotDate", ""));
    }

    /// <summary>
    /// Reads only the header (source, licence, notice, snapshot commit and date) from the start of a database file,
    /// without decompressing the advisories: cheap enough for rule descriptions and <c>--version</c> output.
    /// </summary>
    public static AdvisorySnapshotInfo ReadSnapshotInfo(Stream gzipStream)
    {
        using var gzip = new GZipStream(gzipStream, CompressionMode.Decompress, leaveOpen: true);
        var buffer = new byte[8192];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = gzip.Read(buffer, length, buffer.Length - length)) > 0) length += read;
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(buffer.AsSpan(0, length), isFinalBlock: length < buffer.Length, default);
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.GetString()!;
                if (property == "packages" || !reader.Read()) break;
                if (reader.TokenType == JsonTokenType.String) header[property] = reader.GetString() ?? "";
                else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) break;
            }
        }
        return new AdvisorySnapshotInfo(header.GetValueOrDefault("source", ""), header.GetValueOrDefault("license", ""),
            header.GetValueOrDefault("notice", ""), header.GetValueOrDefault("snapshotCommit", ""), header.GetValueOrDefault("snapshotDate", ""));
    }

    private static IReadOnlyList<Advisory> ReadPackage(byte[] bytes, int start, int length)
    {
        using var json = JsonDocument.Parse(bytes.AsMemory(start, length));
        return json.RootElement.EnumerateArray().Select(ReadAdvisory).ToList();
    }

    private static Advisory ReadAdvisory(JsonElement a)
    {
        var ranges = new List<IReadOnlyList<RangeEvent>>();
        if (a.TryGetProperty("ranges", out var rs))
            foreach (var range in rs.EnumerateArray())
                ranges.Add(range.EnumerateArray().Select(e => new RangeEvent(e[0].GetString() switch
                {
                    "i" => RangeEventKind.Introduced,
                    "f" => RangeEventKind.Fixed,
                    _ => RangeEventKind.LastAffected,
                }, e[1].GetString() ?? "")).ToList());
        return new Advisory(Str(a, "id"), Strings(a, "aliases"), Str(a, "summary"), ParseSeverity(Str(a, "severity")),
            Str(a, "published"), Str(a, "modified"), ranges, Strings(a, "versions"));
    }

    internal static AdvisorySeverity ParseSeverity(string? s) => s?.ToLowerInvariant() switch
    {
        "critical" => AdvisorySeverity.Critical,
        "high" => AdvisorySeverity.High,
        "medium" or "moderate" => AdvisorySeverity.Medium,
        "low" => AdvisorySeverity.Low,
        _ => AdvisorySeverity.Unknown,
    };

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    private static IReadOnlyList<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : Array.Empty<string>();

    /// <summary>Writes this database in the embedded format (gzip'd JSON).</summary>
    public void Save(Stream output)
    {
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new Utf8JsonWriter(gzip);
        w.WriteStartObject();
        w.WriteNumber("format", FormatVersion);
        w.WriteString("source", Source);
        w.WriteString("license", License);
        w.WriteString("notice", Notice);
        w.WriteString("snapshotCommit", SnapshotCommit);
        w.WriteString("snapshotDate", SnapshotDate);
        w.WriteStartObject("packages");
        foreach (var (name, entry) in _byPackage.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var advisories = entry.Advisories.Value;
            w.WriteStartArray(name);
            foreach (var a in advisories)
            {
                w.WriteStartObject();
                w.WriteString("id", a.Id);
                WriteStrings(w, "aliases", a.Aliases);
                w.WriteString("summary", a.Summary);
                if (a.Severity != AdvisorySeverity.Unknown) w.WriteString("severity", a.Severity.ToString().ToLowerInvariant());
                w.WriteString("published", a.Published);
                w.WriteString("modified", a.Modified);
                w.WriteStartArray("ranges");
                foreach (var range in a.Ranges)
                {
                    w.WriteStartArray();
                    foreach (var e in range)
                    {
                        w.WriteStartArray();
                        w.WriteStringValue(e.Kind switch { RangeEventKind.Introduced => "i", RangeEventKind.Fixed => "f", _ => "l" });
                        w.WriteStringValue(e.Version);
                        w.WriteEndArray();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                WriteStrings(w, "versions", a.Versions);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    /// <summary>Reads every OSV advisory (<c>.json</c> as osv.dev exports them, <c>.yaml</c>/<c>.yml</c> as the PyPA repository keeps them) under <paramref name="directory"/>.</summary>
    public static AdvisoryDatabase LoadFromDirectory(string directory, TextWriter? log = null) => OsvDirectoryLoader.Load(directory, log);
}

/// <summary>Where an advisory database comes from and how old it is.</summary>
public sealed record AdvisorySnapshotInfo(string Source, string License, string Notice, string Commit, string Date);

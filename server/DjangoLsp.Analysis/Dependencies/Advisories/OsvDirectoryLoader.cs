using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DjangoLsp.Analysis.Dependencies.Formats;

namespace DjangoLsp.Analysis.Dependencies.Advisories;

/// <summary>
/// Builds an <see cref="AdvisoryDatabase"/> from OSV files in a directory tree: <c>.json</c> (osv.dev's PyPI
/// export) and <c>.yaml</c>/<c>.yml</c> (the PyPA advisory repository). Only PyPI packages and ECOSYSTEM
/// ranges are kept; withdrawn advisories are skipped; unreadable files are logged and skipped.
/// </summary>
internal static class OsvDirectoryLoader
{
    private const long MaxFileBytes = 4 * 1024 * 1024;

    public static AdvisoryDatabase Load(string directory, TextWriter? log)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"'{directory}' is not a directory");
        var packages = new Dictionary<string, List<Advisory>>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        var latest = "";
        int files = 0, failed = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive };
        foreach (var path in Directory.EnumerateFiles(directory, "*", options).Order(StringComparer.Ordinal))
        {
            var ext = Path.GetExtension(path).ToLowerInvariant();
            if (ext is not (".json" or ".yaml" or ".yml")) continue;
            files++;
            try
            {
                if (new FileInfo(path).Length > MaxFileBytes) throw new InvalidDataException("file too large");
                var text = File.ReadAllText(path);
                var doc = ext == ".json" ? FromJson(text) : YamlSubsetReader.Parse(text);
                if (doc is not Dictionary<string, object?> osv) throw new InvalidDataException("not an OSV object");
                foreach (var (package, advisory) in Convert(osv))
                {
                    if (!seen.Add((package, advisory.Id))) continue;   // the same advisory in .json and .yaml
                    if (!packages.TryGetValue(package, out var list)) packages[package] = list = new List<Advisory>();
                    list.Add(advisory);
                    if (string.CompareOrdinal(advisory.Modified, latest) > 0) latest = advisory.Modified;
                }
            }
            catch (Exception e) when (e is FormatException or InvalidDataException or JsonException or IOException or UnauthorizedAccessException or InvalidCastException)
            {
                failed++;
                log?.WriteLine($"skipped {path}: {e.Message}");
            }
        }
        log?.WriteLine($"read {files} files ({failed} skipped): {packages.Count} packages, {packages.Values.Sum(l => l.Count)} advisories");
        var (commit, date) = ReadSnapshotInfo(directory);
        var snapshotDate = date ?? latest;
        var frozen = packages.ToDictionary(p => p.Key, p => (IReadOnlyList<Advisory>)p.Value.OrderBy(a => a.Id, StringComparer.Ordinal).ToList());
        return new AdvisoryDatabase(frozen, Path.GetFullPath(directory), "see the source's licence",
            $"Contains OSV advisory data loaded from {Path.GetFullPath(directory)}" + (commit != null ? $" (snapshot {commit})" : "") + $", newest modification {latest}.",
            commit ?? "", snapshotDate);
    }

    /// <summary>A PyPA checkout has SNAPSHOT.txt ("… at commit X (Thu Oct 10 17:35:05 2024 +0000)") next to vulns/.</summary>
    private static (string? Commit, string? Date) ReadSnapshotInfo(string directory)
    {
        foreach (var candidate in new[] { Path.Combine(directory, "SNAPSHOT.txt"), Path.Combine(directory, "..", "SNAPSHOT.txt") })
        {
            if (!File.Exists(candidate)) continue;
            var text = File.ReadAllText(candidate);
            var commit = Regex.Match(text, "[0-9a-f]{40}");
            var date = Regex.Match(text, @"\((\w{3} \w{3} +\d+ [\d:]+ \d{4}) ([+-]\d{4})\)");
            string? iso = null;
            if (date.Success && DateTime.TryParseExact(date.Groups[1].Value.Replace("  ", " "), "ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                iso = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return (commit.Success ? commit.Value : null, iso);
        }
        return (null, null);
    }

    private static object? FromJson(string text)
    {
        using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true });
        return ToTree(doc.RootElement);
    }

    private static object? ToTree(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().GroupBy(p => p.Name).ToDictionary(g => g.Key, g => ToTree(g.Last().Value), StringComparer.Ordinal),
        JsonValueKind.Array => e.EnumerateArray().Select(ToTree).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => e.GetRawText(),
    };

    /// <summary>One advisory per affected PyPI package of an OSV record.</summary>
    internal static IEnumerable<(string Package, Advisory Advisory)> Convert(Dictionary<string, object?> osv)
    {
        if (osv.TryGetValue("withdrawn", out var withdrawn) && withdrawn is string { Length: > 0 }) yield break;
        var id = osv.GetValueOrDefault("id") as string ?? throw new InvalidDataException("advisory without an id");
        var aliases = Strings(osv.GetValueOrDefault("aliases")).OrderBy(a => a, StringComparer.Ordinal).ToList();
        var summary = Summarize(osv.GetValueOrDefault("summary") as string, osv.GetValueOrDefault("details") as string);
        var severity = SeverityOf(osv);
        var published = DatePart(osv.GetValueOrDefault("published") as string);
        var modified = DatePart(osv.GetValueOrDefault("modified") as string);
        foreach (var item in osv.GetValueOrDefault("affected") as List<object?> ?? new List<object?>())
        {
            if (item is not Dictionary<string, object?> affected) continue;
            if (affected.GetValueOrDefault("package") is not Dictionary<string, object?> package) continue;
            if (package.GetValueOrDefault("ecosystem") as string != "PyPI" || package.GetValueOrDefault("name") is not string { Length: > 0 } name) continue;
            var ranges = new List<IReadOnlyList<RangeEvent>>();
            foreach (var r in affected.GetValueOrDefault("ranges") as List<object?> ?? new List<object?>())
            {
                if (r is not Dictionary<string, object?> range || range.GetValueOrDefault("type") as string != "ECOSYSTEM") continue;
                var events = new List<RangeEvent>();
                foreach (var ev in range.GetValueOrDefault("events") as List<object?> ?? new List<object?>())
                {
                    if (ev is not Dictionary<string, object?> e) continue;
                    if (e.GetValueOrDefault("introduced") is string i) events.Add(new RangeEvent(RangeEventKind.Introduced, i));
                    if (e.GetValueOrDefault("fixed") is string f) events.Add(new RangeEvent(RangeEventKind.Fixed, f));
                    if (e.GetValueOrDefault("last_affected") is string l) events.Add(new RangeEvent(RangeEventKind.LastAffected, l));
                }
                if (events.Count > 0) ranges.Add(events);
            }
            var versions = Strings(affected.GetValueOrDefault("versions")).ToList();
            yield return (PackageName.Normalize(name), new Advisory(id, aliases, summary, severity, published, modified, ranges, versions));
        }
    }

    private static IEnumerable<string> Strings(object? value) =>
        value is List<object?> list ? list.OfType<string>() : Enumerable.Empty<string>();

    private static string DatePart(string? timestamp) => timestamp is { Length: >= 10 } ? timestamp[..10] : timestamp ?? "";

    /// <summary>The summary, or the first sentence of the details, kept to one line (same rule as the build script).</summary>
    internal static string Summarize(string? summary, string? details)
    {
        var text = (summary ?? "").Trim();
        if (text.Length == 0)
        {
            var flat = string.Join(' ', (details ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var sentences = Regex.Matches(flat, @"(.+?\.)(?:\s+|$)").Select(m => m.Groups[1].Value).ToList();
            // Same rule as tools/build-advisories.py: skip a leading sentence that says nothing about the flaw.
            if (sentences.Count > 1 && Regex.IsMatch(sentences[0], @"^([\w\-. ]{1,40} (is|are) (a|an|the) |An issue was discovered in )"))
                sentences.RemoveAt(0);
            text = sentences.Count > 0 && sentences[0].Length >= 20 ? sentences[0] : flat;
        }
        return text.Length > 240 ? text[..237].TrimEnd() + "..." : text;
    }

    private static AdvisorySeverity SeverityOf(Dictionary<string, object?> osv)
    {
        // GitHub's advisories (osv.dev export) carry a label; otherwise score the CVSS v3 vector.
        if (osv.GetValueOrDefault("database_specific") is Dictionary<string, object?> specific &&
            AdvisoryDatabase.ParseSeverity(specific.GetValueOrDefault("severity") as string) is var labelled && labelled != AdvisorySeverity.Unknown)
            return labelled;
        double? best = null;
        foreach (var s in osv.GetValueOrDefault("severity") as List<object?> ?? new List<object?>())
        {
            if (s is Dictionary<string, object?> entry && (entry.GetValueOrDefault("type") as string ?? "").StartsWith("CVSS_V3", StringComparison.Ordinal)
                && Cvss3.BaseScore(entry.GetValueOrDefault("score") as string ?? "") is { } score)
                best = Math.Max(best ?? 0, score);
        }
        return best switch
        {
            null => AdvisorySeverity.Unknown,
            >= 9.0 => AdvisorySeverity.Critical,
            >= 7.0 => AdvisorySeverity.High,
            >= 4.0 => AdvisorySeverity.Medium,
            > 0 => AdvisorySeverity.Low,
            _ => AdvisorySeverity.Unknown,
        };
    }
}

using DjangoLsp.Analysis.Dependencies.Formats;
using DjangoLsp.Analysis.Engine;

namespace DjangoLsp.Analysis.Configuration;

/// <summary>The <c>[tool.djangolsp]</c> table of one pyproject.toml: the layer it defines and what was wrong with it.</summary>
public sealed record PyProjectConfiguration(string? Path, ConfigurationLayer Layer, IReadOnlyList<string> Warnings)
{
    public static readonly PyProjectConfiguration None = new(null, ConfigurationLayer.Empty, Array.Empty<string>());

    /// <summary>The folder holding the pyproject.toml: per-file-ignores and exclude globs are relative to it.</summary>
    public string? Directory => Path == null ? null : System.IO.Path.GetDirectoryName(Path);

    /// <summary>Finds the nearest pyproject.toml at or above <paramref name="start"/> (a file or folder) and reads it; <see cref="None"/> when there is none.</summary>
    public static PyProjectConfiguration Discover(string start)
    {
        var file = FindNearest(start);
        return file == null ? None : Load(file);
    }

    public static string? FindNearest(string start)
    {
        string? dir;
        try
        {
            var full = System.IO.Path.GetFullPath(start);
            dir = File.Exists(full) ? System.IO.Path.GetDirectoryName(full) : full;
        }
        catch (Exception e) when (e is ArgumentException or IOException or NotSupportedException or System.Security.SecurityException)
        {
            return null;
        }
        for (; dir != null; dir = System.IO.Path.GetDirectoryName(dir))
        {
            var candidate = System.IO.Path.Combine(dir, "pyproject.toml");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Reads a pyproject.toml; an unreadable or malformed file yields warnings, never an exception.</summary>
    public static PyProjectConfiguration Load(string path)
    {
        string text;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > 4 * 1024 * 1024) return new(path, ConfigurationLayer.Empty, new[] { $"{path}: ignored, larger than 4 MB" });
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(path, ConfigurationLayer.Empty, new[] { $"{path}: could not be read: {e.Message}" });
        }
        return Parse(text, path);
    }

    public static PyProjectConfiguration Parse(string text, string path)
    {
        var warnings = new List<string>();
        var document = TomlReader.Parse(text);
        if (document.Errors.Count > 0)
        {
            // One line, not one per error: the first error is what the user needs to fix.
            var first = document.Errors[0];
            var more = document.Errors.Count > 1 ? $" (and {document.Errors.Count - 1} more)" : "";
            warnings.Add($"{path}:{LineOf(text, first.Span.Start)}: malformed TOML: {first.Message}{more}; the broken lines are ignored");
        }
        var table = document.Root.Table("tool")?.Table("djangolsp");
        if (table == null) return new(path, ConfigurationLayer.Empty, warnings);

        var layer = new ConfigurationLayer();
        foreach (var entry in table.Entries)
        {
            void Warn(string expected) => warnings.Add($"{path}:{LineOf(text, entry.KeySpan.Start)}: [tool.djangolsp] {entry.Key} must be {expected}; ignored");
            switch (Normalize(entry.Key))
            {
                case "select":
                    if (StringList(entry.Value) is { } select) layer = layer with { Select = select }; else Warn("a list of rule ids");
                    break;
                case "ignore":
                    if (StringList(entry.Value) is { } ignore) layer = layer with { Ignore = ignore }; else Warn("a list of rule ids");
                    break;
                case "exclude":
                    if (StringList(entry.Value) is { } exclude) layer = layer with { Exclude = exclude }; else Warn("a list of globs");
                    break;
                case "template-dirs":
                    if (StringList(entry.Value) is { } dirs) layer = layer with { TemplateDirs = dirs }; else Warn("a list of folders");
                    break;
                case "settings-module":
                    if (entry.Value is DocString { Value.Length: > 0 } module) layer = layer with { SettingsModule = module.Value.Trim() }; else Warn("a dotted module name");
                    break;
                case "min-severity":
                    if (entry.Value is DocString s && SeverityNames.TryParse(s.Value, out var min)) layer = layer with { MinimumSeverity = min };
                    else Warn("one of error, warning, info, hint");
                    break;
                case "report-syntax-errors":
                    if (entry.Value is DocScalar { Raw: "true" or "false" } b) layer = layer with { ReportSyntaxErrors = b.Raw == "true" }; else Warn("true or false");
                    break;
                case "severity":
                case "severity-overrides":
                    if (entry.Value is DocTable severities) layer = layer with { SeverityOverrides = Severities(severities, layer.SeverityOverrides, Warn) };
                    else Warn("a table of rule id = level");
                    break;
                case "per-file-ignores":
                    if (entry.Value is DocTable perFile) layer = layer with { PerFileIgnores = PerFile(perFile, Warn) };
                    else Warn("a table of glob = [rule ids]");
                    break;
                default:
                    warnings.Add($"{path}:{LineOf(text, entry.KeySpan.Start)}: unknown key [tool.djangolsp] {entry.Key}; ignored");
                    break;
            }
        }
        return new(path, layer, warnings);
    }

    private static string Normalize(string key) => key.Trim().ToLowerInvariant().Replace('_', '-');

    private static IReadOnlyList<string>? StringList(DocNode node) => node switch
    {
        DocArray array when array.Items.All(i => i is DocString) =>
            array.Items.Cast<DocString>().Select(s => s.Value.Trim()).Where(s => s.Length > 0).ToArray(),
        // A single string is accepted as a comma-separated list, like the editor settings.
        DocString one => one.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => null,
    };

    private static IReadOnlyDictionary<string, Severity> Severities(DocTable table, IReadOnlyDictionary<string, Severity>? earlier, Action<string> warn)
    {
        var result = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        if (earlier != null) foreach (var (k, v) in earlier) result[k] = v;
        foreach (var entry in table.Entries)
        {
            if (entry.Value is DocString s && SeverityNames.TryParse(s.Value, out var severity)) result[entry.Key.Trim()] = severity;
            else warn($"a level (error, warning, info, hint) for {entry.Key}");
        }
        return result;
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> PerFile(DocTable table, Action<string> warn)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var entry in table.Entries)
        {
            if (StringList(entry.Value) is { } rules) result[entry.Key] = rules;
            else warn($"a list of rule ids for \"{entry.Key}\"");
        }
        return result;
    }

    private static int LineOf(string text, int position)
    {
        var line = 1;
        for (var i = 0; i < position && i < text.Length; i++)
            if (text[i] == '\n') line++;
        return line;
    }
}

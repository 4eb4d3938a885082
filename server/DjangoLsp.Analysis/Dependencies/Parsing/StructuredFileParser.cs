using DjangoLsp.Analysis.Dependencies.Formats;
using DjangoLsp.Analysis.Dependencies.Versions;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Dependencies.Parsing;

/// <summary>
/// Reads the TOML and JSON dependency files: <c>pyproject.toml</c> (PEP 621 <c>[project]</c>, PEP 735
/// <c>[dependency-groups]</c>, Poetry), <c>Pipfile</c>, <c>Pipfile.lock</c>, <c>poetry.lock</c> and <c>uv.lock</c>.
/// </summary>
public static class StructuredFileParser
{
    public static DependencyFile ParsePyproject(string path, string text)
    {
        var toml = TomlReader.Parse(text);
        var deps = new List<Dependency>();
        var problems = ToProblems(toml);
        if (toml.Root.Table("project") is { } project)
        {
            AddPep508Array(project["dependencies"] as DocArray, "project.dependencies", deps, problems);
            if (project.Table("optional-dependencies") is { } optional)
                foreach (var entry in optional.Entries)
                    AddPep508Array(entry.Value as DocArray, "project.optional-dependencies." + entry.Key, deps, problems);
        }
        if (toml.Root.Table("dependency-groups") is { } groups)
            foreach (var entry in groups.Entries)
                AddPep508Array(entry.Value as DocArray, "dependency-groups." + entry.Key, deps, problems);
        if (toml.Root.Table("tool")?.Table("poetry") is { } poetry)
        {
            AddPoetryTable(poetry.Table("dependencies"), "tool.poetry.dependencies", deps, problems);
            AddPoetryTable(poetry.Table("dev-dependencies"), "tool.poetry.dev-dependencies", deps, problems);
            if (poetry.Table("group") is { } poetryGroups)
                foreach (var group in poetryGroups.Entries)
                    AddPoetryTable((group.Value as DocTable)?.Table("dependencies"), $"tool.poetry.group.{group.Key}.dependencies", deps, problems);
        }
        return new DependencyFile(path, DependencyFileKind.Pyproject, deps, Array.Empty<RequirementsInclude>(), problems);
    }

    public static DependencyFile ParsePipfile(string path, string text)
    {
        var toml = TomlReader.Parse(text);
        var deps = new List<Dependency>();
        var problems = ToProblems(toml);
        foreach (var section in new[] { "packages", "dev-packages" })
        {
            if (toml.Root.Table(section) is not { } table) continue;
            foreach (var entry in table.Entries)
            {
                var (versionNode, lineSpan) = VersionNodeOf(entry);
                if (versionNode == null) continue;   // git, path, editable entries
                var value = versionNode.Value;
                if (value.Trim() == "*")
                {
                    deps.Add(new Dependency(entry.Key, entry.KeySpan, "", entry.KeySpan, SpecifierSet.Any, null, lineSpan, Section: section));
                    continue;
                }
                if (!SpecifierSet.TryParse(value, out var set))
                {
                    problems.Add(new DependencyParseProblem($"'{value}' is not a valid version specifier", versionNode.Span));
                    continue;
                }
                var (pinStart, pinLength) = Pep508.FindPin(value);
                deps.Add(new Dependency(entry.Key, entry.KeySpan, value, versionNode.SpanOf(0, value.Length), set,
                    pinStart >= 0 ? versionNode.SpanOf(pinStart, pinLength) : null, lineSpan, Section: section));
            }
        }
        return new DependencyFile(path, DependencyFileKind.Pipfile, deps, Array.Empty<RequirementsInclude>(), problems);
    }

    public static DependencyFile ParsePipfileLock(string path, string text)
    {
        var deps = new List<Dependency>();
        var problems = new List<DependencyParseProblem>();
        if (JsonSpanReader.TryParse(text) is not DocTable root)
        {
            problems.Add(new DependencyParseProblem("Pipfile.lock is not valid JSON", new TextSpan(0, 0)));
            return new DependencyFile(path, DependencyFileKind.PipfileLock, deps, Array.Empty<RequirementsInclude>(), problems);
        }
        foreach (var section in new[] { "default", "develop" })
        {
            if (root.Table(section) is not { } table) continue;
            foreach (var entry in table.Entries)
            {
                if (entry.Value is not DocTable package || package["version"] is not DocString version) continue;
                if (!SpecifierSet.TryParse(version.Value, out var set) || set.PinnedVersion == null)
                {
                    problems.Add(new DependencyParseProblem($"'{version.Value}' is not a pinned version", version.Span));
                    continue;
                }
                var (pinStart, pinLength) = Pep508.FindPin(version.Value);
                var hasHashes = package["hashes"] is DocArray { Items.Count: > 0 };
                deps.Add(new Dependency(entry.Key, entry.KeySpan, version.Value, version.SpanOf(0, version.Value.Length), set,
                    version.SpanOf(pinStart, pinLength), TextSpan.FromBounds(entry.KeySpan.Start, package.Span.End),
                    IsLocked: true, HasHashes: hasHashes, Section: section));
            }
        }
        return new DependencyFile(path, DependencyFileKind.PipfileLock, deps, Array.Empty<RequirementsInclude>(), problems);
    }

    /// <summary><c>poetry.lock</c> and <c>uv.lock</c>: <c>[[package]]</c> tables with <c>name</c> and <c>version</c>.</summary>
    public static DependencyFile ParseTomlLock(string path, string text, DependencyFileKind kind)
    {
        var toml = TomlReader.Parse(text);
        var deps = new List<Dependency>();
        var problems = ToProblems(toml);
        if (toml.Root["package"] is DocArray packages)
        {
            foreach (var item in packages.Items)
            {
                if (item is not DocTable package || package["name"] is not DocString name || package["version"] is not DocString version) continue;
                if (IsNotFromIndex(package)) continue;
                if (!PythonVersion.TryParse(version.Value, out var v))
                {
                    problems.Add(new DependencyParseProblem($"'{version.Value}' is not a PEP 440 version", version.Span));
                    continue;
                }
                var set = new SpecifierSet(new[] { Exact(v) });
                var hasHashes = package["files"] is DocArray { Items.Count: > 0 } || package["wheels"] is DocArray { Items.Count: > 0 } || package["sdist"] is DocTable;
                deps.Add(new Dependency(name.Value, name.ContentSpan, version.Value, version.ContentSpan, set, version.ContentSpan,
                    TextSpan.FromBounds(package.Span.Start, Math.Max(package.Span.End, version.Span.End)), IsLocked: true, HasHashes: hasHashes));
            }
        }
        return new DependencyFile(path, kind, deps, Array.Empty<RequirementsInclude>(), problems);
    }

    /// <summary>The project itself, path, directory and git sources are not PyPI releases, so advisories do not apply.</summary>
    private static bool IsNotFromIndex(DocTable package)
    {
        if (package["source"] is DocTable source)
        {
            if (source["editable"] != null || source["virtual"] != null || source["path"] != null || source["directory"] != null || source["git"] != null)
                return true;
            if (source.String("type") is "git" or "directory" or "file" or "url") return true;
        }
        return false;
    }

    private static VersionSpecifier Exact(PythonVersion v) =>
        VersionSpecifier.TryParse("==" + v, out var spec) ? spec : throw new InvalidOperationException("normalised version must parse");

    private static void AddPep508Array(DocArray? array, string section, List<Dependency> deps, List<DependencyParseProblem> problems)
    {
        if (array == null) return;
        foreach (var item in array.Items)
        {
            if (item is not DocString s) continue;   // PEP 735 {include-group = "..."} tables
            var requirement = Pep508.TryParse(s.Value, out var error);
            if (requirement == null)
            {
                problems.Add(new DependencyParseProblem(error ?? "not a requirement", s.Span));
                continue;
            }
            deps.Add(Pep508.ToDependency(requirement, s.SpanOf, s.Span, false, section));
        }
    }

    private static void AddPoetryTable(DocTable? table, string section, List<Dependency> deps, List<DependencyParseProblem> problems)
    {
        if (table == null) return;
        foreach (var entry in table.Entries)
        {
            if (entry.Key.Equals("python", StringComparison.OrdinalIgnoreCase)) continue;
            var constraints = entry.Value is DocArray multiple ? multiple.Items.Select(i => new DocEntry(entry.Key, entry.KeySpan, i)) : new[] { entry };
            foreach (var single in constraints)
            {
                var (versionNode, lineSpan) = VersionNodeOf(single);
                if (versionNode == null) continue;
                var set = PoetryConstraint.Convert(versionNode.Value, out var pinStart, out var pinLength);
                if (set == null)
                {
                    problems.Add(new DependencyParseProblem($"'{versionNode.Value}' is not a supported Poetry constraint", versionNode.Span));
                    continue;
                }
                deps.Add(new Dependency(entry.Key, entry.KeySpan, versionNode.Value.Trim(), versionNode.Span, set,
                    pinStart >= 0 ? versionNode.SpanOf(pinStart, pinLength) : null, lineSpan, Section: section));
            }
        }
    }

    /// <summary>The version string of <c>name = "…"</c> or <c>name = { version = "…" }</c>; null for git/path/url entries.</summary>
    private static (DocString? Version, TextSpan LineSpan) VersionNodeOf(DocEntry entry)
    {
        var lineSpan = TextSpan.FromBounds(entry.KeySpan.Start, Math.Max(entry.KeySpan.End, entry.Value.Span.End));
        return entry.Value switch
        {
            DocString s => (s, lineSpan),
            DocTable t when t["version"] is DocString v => (v, lineSpan),
            _ => (null, lineSpan),
        };
    }

    private static List<DependencyParseProblem> ToProblems(TomlDocument toml) =>
        toml.Errors.Select(e => new DependencyParseProblem(e.Message, e.Span)).ToList();
}

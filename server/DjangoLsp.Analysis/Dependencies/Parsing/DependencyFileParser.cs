using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Dependencies.Parsing;

/// <summary>Picks the parser for a dependency file from its name.</summary>
public static class DependencyFileParser
{
    public static DependencyFileKind? KindOf(string path)
    {
        var name = System.IO.Path.GetFileName(path).ToLowerInvariant();
        return name switch
        {
            "pyproject.toml" => DependencyFileKind.Pyproject,
            "pipfile" => DependencyFileKind.Pipfile,
            "pipfile.lock" => DependencyFileKind.PipfileLock,
            "poetry.lock" => DependencyFileKind.PoetryLock,
            "uv.lock" => DependencyFileKind.UvLock,
            _ when name.Contains("constraint", StringComparison.Ordinal) => DependencyFileKind.Constraints,
            _ => DependencyFileKind.Requirements,
        };
    }

    public static DependencyFile Parse(string path, SourceText text)
    {
        var kind = KindOf(path) ?? DependencyFileKind.Requirements;
        return kind switch
        {
            DependencyFileKind.Pyproject => StructuredFileParser.ParsePyproject(path, text.ToString()),
            DependencyFileKind.Pipfile => StructuredFileParser.ParsePipfile(path, text.ToString()),
            DependencyFileKind.PipfileLock => StructuredFileParser.ParsePipfileLock(path, text.ToString()),
            DependencyFileKind.PoetryLock or DependencyFileKind.UvLock => StructuredFileParser.ParseTomlLock(path, text.ToString(), kind),
            _ => RequirementsParser.Parse(path, text, kind),
        };
    }
}

using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Dependencies.Parsing;

/// <summary>
/// Reads pip requirements and constraints files: PEP 508 lines with extras, markers and per-line options
/// (<c>--hash=</c>), comments, backslash line continuations, <c>-r</c>/<c>-c</c> includes (resolved relative to
/// the file), and recognises and skips editables, URLs, paths and global options.
/// </summary>
public static partial class RequirementsParser
{
    // Per-requirement options start at whitespace + "-" / "--" (pip splits the same way).
    [GeneratedRegex(@"(^|\s)--?[A-Za-z]", RegexOptions.CultureInvariant)]
    private static partial Regex OptionStartPattern();
    [GeneratedRegex(@"^(-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+|(?=[^\s=]))(?<target>\S+)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex IncludeOptionPattern();

    public static DependencyFile Parse(string path, SourceText text, DependencyFileKind kind = DependencyFileKind.Requirements)
    {
        var dependencies = new List<Dependency>();
        var includes = new List<RequirementsInclude>();
        var problems = new List<DependencyParseProblem>();
        var directory = System.IO.Path.GetDirectoryName(path) ?? "";
        foreach (var line in LogicalLines(text))
        {
            var content = StripComment(line.Text);
            var trimmedStart = content.Length - content.TrimStart().Length;
            var body = content.Trim();
            if (body.Length == 0) continue;
            var lineSpan = line.Map(trimmedStart, body.Length);
            if (body[0] == '-')
            {
                var include = IncludeOptionPattern().Match(body);
                if (include.Success)
                {
                    var target = include.Groups["target"].Value;
                    var isConstraint = body.StartsWith("-c", StringComparison.Ordinal) || body.StartsWith("--constraint", StringComparison.Ordinal);
                    var resolved = IsUrl(target) ? target : System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, target));
                    includes.Add(new RequirementsInclude(isConstraint, target, resolved, lineSpan));
                }
                continue;   // -e/--editable, -i/--index-url, --find-links, --require-hashes and other global options
            }
            var optionMatch = OptionStartPattern().Match(content, trimmedStart);
            var requirementEnd = optionMatch.Success ? optionMatch.Index : content.Length;
            var requirementText = content[trimmedStart..requirementEnd];
            var options = optionMatch.Success ? content[optionMatch.Index..] : "";
            if (IsUrlOrPath(requirementText.Trim())) continue;
            var requirement = Pep508.TryParse(requirementText, out var error);
            if (requirement == null)
            {
                problems.Add(new DependencyParseProblem(error ?? "not a requirement", lineSpan));
                continue;
            }
            var hasHashes = options.Contains("--hash", StringComparison.Ordinal);
            dependencies.Add(Pep508.ToDependency(requirement, (s, n) => line.Map(trimmedStart + s, n), lineSpan, hasHashes, null));
        }
        return new DependencyFile(path, kind, dependencies, includes, problems);
    }

    private static bool IsUrl(string s) => s.Contains("://", StringComparison.Ordinal);

    private static bool IsUrlOrPath(string s) =>
        IsUrl(s) || s.StartsWith('.') || s.StartsWith('/') || s.StartsWith('\\') || s.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ||
        s.Length > 2 && s[1] == ':' && s[2] is '\\' or '/' ||
        s.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) || s.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) ||
        s.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ||
        !s.Contains('@') && s.IndexOfAny(new[] { '/', '\\' }) >= 0;

    /// <summary>Everything from a <c>#</c> at the start or after whitespace is a comment (pip's rule; <c>#egg=</c> in URLs survives).</summary>
    private static string StripComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i];
        return line;
    }

    /// <summary>A line after joining backslash continuations, with a map from its characters back to source offsets.</summary>
    internal sealed class LogicalLine
    {
        private readonly int[] _offsets;

        public LogicalLine(string text, int[] offsets)
        {
            Text = text;
            _offsets = offsets;
        }

        public string Text { get; }

        public TextSpan Map(int start, int length)
        {
            if (Text.Length == 0) return new TextSpan(_offsets.Length > 0 ? _offsets[0] : 0, 0);
            var first = _offsets[Math.Clamp(start, 0, Text.Length - 1)];
            if (length == 0) return new TextSpan(first, 0);
            var last = _offsets[Math.Clamp(start + length - 1, 0, Text.Length - 1)];
            return TextSpan.FromBounds(first, last + 1);
        }
    }

    internal static IEnumerable<LogicalLine> LogicalLines(SourceText text)
    {
        var sb = new StringBuilder();
        var offsets = new List<int>();
        foreach (var line in text.Lines)
        {
            var s = line.ToString();
            var continued = s.EndsWith('\\') && !IsCommentLine(s);
            var take = continued ? s.Length - 1 : s.Length;
            for (var i = 0; i < take; i++)
            {
                sb.Append(s[i]);
                offsets.Add(line.Start + i);
            }
            if (continued && line.LineNumber < text.Lines.Count - 1) continue;
            yield return new LogicalLine(sb.ToString(), offsets.ToArray());
            sb.Clear();
            offsets.Clear();
        }
    }

    private static bool IsCommentLine(string s) => s.TrimStart().StartsWith('#');
}

using System.Text.RegularExpressions;
using DjangoLsp.Analysis.Dependencies.Versions;

namespace DjangoLsp.Analysis.Dependencies.Parsing;

/// <summary>
/// Converts Poetry version constraints to PEP 440: <c>^1.2.3</c> (≥1.2.3, &lt;2.0.0; the first non-zero
/// segment may not change), <c>~1.2.3</c> (≥1.2.3, &lt;1.3.0), a bare version (== that version), <c>*</c>,
/// wildcards and PEP 440 clauses, joined by commas or spaces. <c>||</c> alternatives are not supported.
/// </summary>
public static class PoetryConstraint
{
    private static readonly Regex Clause = new(@"(?<op>\^|~=|~|===|==|!=|<=|>=|<|>)?\s*(?<v>[^\s,<>=!~^][^\s,]*)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    /// <summary>The PEP 440 equivalent and, for a single exact version, where that version sits in <paramref name="text"/>.</summary>
    public static SpecifierSet? Convert(string text, out int pinStart, out int pinLength)
    {
        pinStart = -1;
        pinLength = 0;
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed == "*") return SpecifierSet.Any;
        if (trimmed.Contains("||", StringComparison.Ordinal)) return null;
        var clauses = new List<VersionSpecifier>();
        var matches = Clause.Matches(text);
        foreach (Match m in matches)
        {
            var op = m.Groups["op"].Success ? m.Groups["op"].Value : "";
            var v = m.Groups["v"].Value;
            if (v == "*") continue;
            IEnumerable<string> pep440;
            switch (op)
            {
                case "^": pep440 = Caret(v); break;
                case "~": pep440 = Tilde(v); break;
                case "":
                    pep440 = new[] { "==" + v };
                    if (matches.Count == 1 && !v.EndsWith(".*", StringComparison.Ordinal)) { pinStart = m.Groups["v"].Index; pinLength = v.Length; }
                    break;
                default:
                    pep440 = new[] { op + v };
                    if (matches.Count == 1 && op is "==" or "===" && !v.EndsWith(".*", StringComparison.Ordinal)) { pinStart = m.Groups["v"].Index; pinLength = v.Length; }
                    break;
            }
            foreach (var c in pep440)
            {
                if (!VersionSpecifier.TryParse(c, out var spec)) { pinStart = -1; return null; }
                clauses.Add(spec);
            }
        }
        return new SpecifierSet(clauses);
    }

    private static IEnumerable<string> Caret(string v)
    {
        if (!PythonVersion.TryParse(v, out var version)) return new[] { "^" + v };   // fails to parse downstream
        var release = version.Release.ToArray();
        var index = Array.FindIndex(release, r => r != 0);
        if (index < 0) index = release.Length - 1;
        return new[] { ">=" + v, "<" + Bump(release, index) };
    }

    private static IEnumerable<string> Tilde(string v)
    {
        if (!PythonVersion.TryParse(v, out var version)) return new[] { "~" + v };
        var release = version.Release.ToArray();
        return new[] { ">=" + v, "<" + Bump(release, release.Length == 1 ? 0 : 1) };
    }

    private static string Bump(long[] release, int index)
    {
        var upper = release.Take(index + 1).ToArray();
        upper[index]++;
        return string.Join(".", upper);
    }
}

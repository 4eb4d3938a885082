using System.Text.RegularExpressions;

namespace DjangoLsp.Analysis.Dependencies.Versions;

/// <summary>
/// One PEP 440 version clause: <c>~=</c>, <c>==</c> (with an optional <c>.*</c> prefix match), <c>!=</c>,
/// <c>&lt;=</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&gt;</c> or <c>===</c>, with PEP 440's rules for pre-releases,
/// post-releases and local versions in the exclusive comparisons.
/// </summary>
public sealed partial class VersionSpecifier
{
    [GeneratedRegex(@"^\s*(?<op>~=|===|==|!=|<=|>=|<|>)\s*(?<v>[^\s,;]+)\s*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ClausePattern();

    private VersionSpecifier(string op, string versionText, PythonVersion? version, bool wildcard)
    {
        Operator = op;
        VersionText = versionText;
        Version = version;
        IsWildcard = wildcard;
    }

    public string Operator { get; }
    /// <summary>The version as written (with <c>.*</c> for prefix matches).</summary>
    public string VersionText { get; }
    /// <summary>The parsed version (the prefix, for wildcards); null only for <c>===</c> with a non-PEP 440 string.</summary>
    public PythonVersion? Version { get; }
    public bool IsWildcard { get; }

    /// <summary>Whether this clause names a single version (<c>==X</c> without <c>.*</c>, or <c>===X</c>).</summary>
    public bool IsExactPin => Operator is "===" || Operator == "==" && !IsWildcard;

    public static bool TryParse(string text, out VersionSpecifier specifier)
    {
        specifier = null!;
        var m = ClausePattern().Match(text);
        if (!m.Success) return false;
        var op = m.Groups["op"].Value;
        var v = m.Groups["v"].Value;
        if (op == "===")
        {
            PythonVersion.TryParse(v, out var arbitrary);
            specifier = new VersionSpecifier(op, v, arbitrary, false);
            return true;
        }
        var wildcard = v.EndsWith(".*", StringComparison.Ordinal);
        if (wildcard && op is not ("==" or "!=")) return false;
        if (!PythonVersion.TryParse(wildcard ? v[..^2] : v, out var version)) return false;
        if (wildcard && (version.HasLocal || version.Dev != null)) return false;
        if (op == "~=" && (version.Release.Count < 2 || version.HasLocal)) return false;
        if (op is not ("==" or "!=") && version.HasLocal) return false;
        specifier = new VersionSpecifier(op, v, version, wildcard);
        return true;
    }

    /// <summary>Whether <paramref name="candidate"/> satisfies this clause (pre-release filtering is the set's job).</summary>
    public bool Contains(PythonVersion candidate)
    {
        if (Operator == "===")
            return string.Equals(candidate.ToString(), VersionText, StringComparison.OrdinalIgnoreCase);
        var spec = Version!;
        switch (Operator)
        {
            case "==": return IsWildcard ? PrefixMatch(candidate, spec) : ExactMatch(candidate, spec);
            case "!=": return IsWildcard ? !PrefixMatch(candidate, spec) : !ExactMatch(candidate, spec);
            case "<=": return candidate.Public <= spec;
            case ">=": return candidate.Public >= spec;
            case "~=":
            {
                // ~=2.2.post3 is >=2.2.post3, ==2.*: the prefix drops the last release segment.
                var prefix = spec.Release.Take(spec.Release.Count - 1).ToArray();
                return candidate.Public >= spec && candidate.Epoch == spec.Epoch && ReleaseStartsWith(candidate.Release, prefix);
            }
            case "<":
                if (!(candidate.Public < spec)) return false;
                // <3.1 must not match 3.1.dev0 or 3.1rc1 unless the bound itself is a pre-release.
                return spec.IsPrerelease || !candidate.IsPrerelease || !candidate.BaseVersion.Equals(spec.BaseVersion);
            case ">":
                if (!(candidate.Public > spec)) return false;
                // >3.1 must not match 3.1.post1 (unless the bound is a post release) or 3.1+local.
                if (!spec.IsPostrelease && candidate.IsPostrelease && candidate.BaseVersion.Equals(spec.BaseVersion)) return false;
                return !(candidate.HasLocal && candidate.BaseVersion.Equals(spec.BaseVersion));
            default: return false;
        }
    }

    private static bool ExactMatch(PythonVersion candidate, PythonVersion spec) =>
        spec.HasLocal ? candidate.Equals(spec) : candidate.Public.Equals(spec);

    private static bool PrefixMatch(PythonVersion candidate, PythonVersion prefix)
    {
        if (candidate.Epoch != prefix.Epoch) return false;
        if (prefix.PreLabel == null && prefix.Post == null)
            return ReleaseStartsWith(candidate.Release, prefix.Release);
        // ==1.0rc1.* and the like: the candidate's release (zero-padded) must equal the prefix's, and its
        // pre/post parts must match the ones written.
        if (PythonVersion.CompareRelease(candidate.Release, prefix.Release) != 0) return false;
        if (prefix.PreLabel != null && (candidate.PreLabel != prefix.PreLabel || candidate.PreNumber != prefix.PreNumber)) return false;
        return prefix.Post == null || candidate.Post == prefix.Post;
    }

    /// <summary>Zero-padded prefix match on release segments (1 starts with 1.0; 1.10 does not start with 1.1).</summary>
    private static bool ReleaseStartsWith(IReadOnlyList<long> release, IReadOnlyList<long> prefix)
    {
        for (var i = 0; i < prefix.Count; i++)
            if ((i < release.Count ? release[i] : 0) != prefix[i]) return false;
        return true;
    }

    /// <summary>Whether the clause itself names a pre-release, which lets the set accept pre-releases.</summary>
    internal bool AllowsPrereleases => Operator is "==" or ">=" or "<=" or "~=" or "===" && Version is { IsPrerelease: true };

    public override string ToString() => Operator + VersionText;
}

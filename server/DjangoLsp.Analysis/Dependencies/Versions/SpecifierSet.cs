namespace DjangoLsp.Analysis.Dependencies.Versions;

/// <summary>
/// A comma-separated PEP 440 specifier set (<c>&gt;=4.2,&lt;5</c>). An empty set allows every version.
/// Pre-releases are only allowed when a clause names one (PEP 440 "Handling of pre-releases") or the
/// caller asks for them.
/// </summary>
public sealed class SpecifierSet
{
    public static readonly SpecifierSet Any = new(Array.Empty<VersionSpecifier>());

    public SpecifierSet(IReadOnlyList<VersionSpecifier> clauses) => Clauses = clauses;

    public IReadOnlyList<VersionSpecifier> Clauses { get; }

    /// <summary>The single version this set pins (<c>==4.2.14</c>, <c>===4.2.14</c>), or null.</summary>
    public PythonVersion? PinnedVersion =>
        Clauses.FirstOrDefault(c => c.IsExactPin && c.Version != null)?.Version;

    /// <summary>Whether some clause bounds the versions from above (<c>&lt;</c>, <c>&lt;=</c>, <c>~=</c>, <c>==</c>).</summary>
    public bool HasUpperBound => Clauses.Any(c => c.Operator is "<" or "<=" or "~=" or "==" or "===");

    public static bool TryParse(string text, out SpecifierSet set)
    {
        set = Any;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var clauses = new List<VersionSpecifier>();
        foreach (var part in text.Split(','))
        {
            if (!VersionSpecifier.TryParse(part, out var clause)) return false;
            clauses.Add(clause);
        }
        set = new SpecifierSet(clauses);
        return true;
    }

    public bool Contains(PythonVersion version, bool? includePrereleases = null)
    {
        var pre = includePrereleases ?? Clauses.Any(c => c.AllowsPrereleases);
        if (version.IsPrerelease && !pre) return false;
        foreach (var clause in Clauses)
            if (!clause.Contains(version)) return false;
        return true;
    }

    public override string ToString() => string.Join(",", Clauses);
}

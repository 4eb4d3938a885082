using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DjangoLsp.Analysis.Dependencies.Versions;

/// <summary>
/// A PEP 440 version: <c>[N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]</c>, parsed with PEP 440's
/// normalisation rules (case, separators, <c>alpha</c>→<c>a</c>, <c>c</c>/<c>pre</c>/<c>preview</c>→<c>rc</c>,
/// <c>rev</c>/<c>r</c>→<c>post</c>, implicit numbers, implicit post releases <c>1.0-1</c>, leading <c>v</c>).
/// Ordering follows PEP 440 (the same keys as <c>packaging.version</c>).
/// </summary>
public sealed partial class PythonVersion : IComparable<PythonVersion>, IEquatable<PythonVersion>
{
    // PEP 440, Appendix B ("VERSION_PATTERN"), matched case-insensitively with surrounding whitespace allowed.
    [GeneratedRegex(
        @"^\s*v?(?:(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)" +
        @"(?<pre>[-_\.]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_\.]?(?<pre_n>[0-9]+)?)?" +
        @"(?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_\.]?(?<post_l>post|rev|r)[-_\.]?(?<post_n2>[0-9]+)?))?" +
        @"(?<dev>[-_\.]?(?<dev_l>dev)[-_\.]?(?<dev_n>[0-9]+)?)?)" +
        @"(?:\+(?<local>[a-z0-9]+(?:[-_\.][a-z0-9]+)*))?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex VersionPattern();

    private PythonVersion(long epoch, long[] release, string? preLabel, long preNumber, long? post, long? dev, string[] local)
    {
        Epoch = epoch;
        Release = release;
        PreLabel = preLabel;
        PreNumber = preNumber;
        Post = post;
        Dev = dev;
        Local = local;
    }

    public long Epoch { get; }
    public IReadOnlyList<long> Release { get; }
    /// <summary><c>a</c>, <c>b</c> or <c>rc</c>; null for no pre-release segment.</summary>
    public string? PreLabel { get; }
    public long PreNumber { get; }
    public long? Post { get; }
    public long? Dev { get; }
    /// <summary>Local version label segments (lower case), empty when there is none.</summary>
    public IReadOnlyList<string> Local { get; }

    public bool IsPrerelease => PreLabel != null || Dev != null;
    public bool IsPostrelease => Post != null;
    public bool HasLocal => Local.Count > 0;

    /// <summary>The version without its local label.</summary>
    public PythonVersion Public => HasLocal ? new PythonVersion(Epoch, (long[])Release, PreLabel, PreNumber, Post, Dev, Array.Empty<string>()) : this;

    /// <summary>Epoch and release only (<c>1.2.3rc1.post2</c> → <c>1.2.3</c>).</summary>
    public PythonVersion BaseVersion => new(Epoch, (long[])Release, null, 0, null, null, Array.Empty<string>());

    public static PythonVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a valid PEP 440 version.");

    public static bool TryParse(string? text, out PythonVersion version)
    {
        version = null!;
        if (string.IsNullOrEmpty(text) || text.Length > 256) return false;
        var m = VersionPattern().Match(text);
        if (!m.Success) return false;
        try
        {
            var epoch = m.Groups["epoch"].Success ? long.Parse(m.Groups["epoch"].Value, CultureInfo.InvariantCulture) : 0;
            var release = m.Groups["release"].Value.Split('.').Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            string? preLabel = null;
            long preNumber = 0;
            if (m.Groups["pre"].Success)
            {
                preLabel = m.Groups["pre_l"].Value.ToLowerInvariant() switch
                {
                    "alpha" or "a" => "a",
                    "beta" or "b" => "b",
                    _ => "rc",   // c, pre, preview, rc
                };
                preNumber = m.Groups["pre_n"].Success ? long.Parse(m.Groups["pre_n"].Value, CultureInfo.InvariantCulture) : 0;
            }
            long? post = null;
            if (m.Groups["post_n1"].Success) post = long.Parse(m.Groups["post_n1"].Value, CultureInfo.InvariantCulture);
            else if (m.Groups["post_l"].Success) post = m.Groups["post_n2"].Success ? long.Parse(m.Groups["post_n2"].Value, CultureInfo.InvariantCulture) : 0;
            long? dev = null;
            if (m.Groups["dev"].Success) dev = m.Groups["dev_n"].Success ? long.Parse(m.Groups["dev_n"].Value, CultureInfo.InvariantCulture) : 0;
            var local = m.Groups["local"].Success
                ? m.Groups["local"].Value.ToLowerInvariant().Split('-', '_', '.').Select(NormalizeLocalSegment).ToArray()
                : Array.Empty<string>();
            version = new PythonVersion(epoch, release, preLabel, preNumber, post, dev, local);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>Numeric local segments compare as integers (<c>+01</c> == <c>+1</c>), so they are stored without leading zeros.</summary>
    private static string NormalizeLocalSegment(string segment) =>
        segment.Length > 1 && segment.All(char.IsAsciiDigit) ? segment.TrimStart('0') is { Length: > 0 } t ? t : "0" : segment;

    public int CompareTo(PythonVersion? other)
    {
        if (other is null) return 1;
        var c = Epoch.CompareTo(other.Epoch);
        if (c != 0) return c;
        c = CompareRelease(Release, other.Release);
        if (c != 0) return c;
        c = PreKey().CompareTo(other.PreKey());
        if (c != 0) return c;
        c = (Post ?? -1).CompareTo(other.Post ?? -1);
        if (c != 0) return c;
        c = (Dev ?? long.MaxValue).CompareTo(other.Dev ?? long.MaxValue);
        if (c != 0) return c;
        return CompareLocal(Local, other.Local);
    }

    /// <summary>
    /// Orders the pre-release part: a dev release of a final version (<c>1.0.dev0</c>) sorts before its
    /// pre-releases, a final release after them.
    /// </summary>
    private (int Rank, long Number) PreKey()
    {
        if (PreLabel == null) return Post == null && Dev != null ? (-1, 0) : (3, 0);
        return (PreLabel switch { "a" => 0, "b" => 1, _ => 2 }, PreNumber);
    }

    /// <summary>Compares release tuples with trailing zeros ignored (1.0 == 1.0.0).</summary>
    internal static int CompareRelease(IReadOnlyList<long> a, IReadOnlyList<long> b)
    {
        var n = Math.Max(a.Count, b.Count);
        for (var i = 0; i < n; i++)
        {
            var x = i < a.Count ? a[i] : 0;
            var y = i < b.Count ? b[i] : 0;
            if (x != y) return x.CompareTo(y);
        }
        return 0;
    }

    private static int CompareLocal(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        // No local label sorts first; numeric segments sort after alphanumeric ones; a longer label wins a tie.
        if (a.Count == 0 || b.Count == 0) return (a.Count > 0).CompareTo(b.Count > 0);
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var an = long.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out var x);
            var bn = long.TryParse(b[i], NumberStyles.None, CultureInfo.InvariantCulture, out var y);
            int c;
            if (an && bn) c = x.CompareTo(y);
            else if (an) c = 1;
            else if (bn) c = -1;
            else c = string.CompareOrdinal(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Count.CompareTo(b.Count);
    }

    public bool Equals(PythonVersion? other) => other is not null && CompareTo(other) == 0;
    public override bool Equals(object? obj) => obj is PythonVersion v && Equals(v);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Epoch);
        var n = Release.Count;
        while (n > 1 && Release[n - 1] == 0) n--;
        for (var i = 0; i < n; i++) hash.Add(Release[i]);
        hash.Add(PreKey());
        hash.Add(Post);
        hash.Add(Dev);
        foreach (var l in Local) hash.Add(l);
        return hash.ToHashCode();
    }

    public static bool operator <(PythonVersion a, PythonVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(PythonVersion a, PythonVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(PythonVersion a, PythonVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(PythonVersion a, PythonVersion b) => a.CompareTo(b) >= 0;

    /// <summary>The normalised form (<c>1.0RC1</c> → <c>1.0rc1</c>, <c>1.0-1</c> → <c>1.0.post1</c>).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Epoch != 0) sb.Append(Epoch.ToString(CultureInfo.InvariantCulture)).Append('!');
        sb.Append(string.Join(".", Release.Select(r => r.ToString(CultureInfo.InvariantCulture))));
        if (PreLabel != null) sb.Append(PreLabel).Append(PreNumber.ToString(CultureInfo.InvariantCulture));
        if (Post != null) sb.Append(".post").Append(Post.Value.ToString(CultureInfo.InvariantCulture));
        if (Dev != null) sb.Append(".dev").Append(Dev.Value.ToString(CultureInfo.InvariantCulture));
        if (Local.Count > 0) sb.Append('+').Append(string.Join(".", Local));
        return sb.ToString();
    }
}

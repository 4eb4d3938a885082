using System.IO.Compression;
using System.Text;

namespace DjangoLsp.Python.Syntax.Parsing;

/// <summary>Unicode character names (for <c>\N{...}</c>) and identifier NFKC forms, from embedded UCD 14.0 tables.</summary>
public static class UnicodeTables
{
    private static readonly Lazy<Dictionary<string, int>> s_names = new(LoadNames);
    private static readonly Lazy<Dictionary<int, string>> s_nfkc = new(LoadNfkc);

    /// <summary>The character(s) for a Unicode name (case-insensitive), or null if unknown.</summary>
    public static string? LookupName(string name)
    {
        var upper = name.ToUpperInvariant();
        if (upper.StartsWith("CJK UNIFIED IDEOGRAPH-", StringComparison.Ordinal) &&
            int.TryParse(upper.AsSpan(22), System.Globalization.NumberStyles.HexNumber, null, out int cjk) && IsCjkUnified(cjk)
            && upper.Length - 22 is 4 or 5)
        {
            return char.ConvertFromUtf32(cjk);
        }
        return s_names.Value.TryGetValue(upper, out int cp) ? char.ConvertFromUtf32(cp) : null;
    }

    private static bool IsCjkUnified(int cp) =>
        (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x20000 && cp <= 0x2A6DF) ||
        (cp >= 0x2A700 && cp <= 0x2EBE0) || (cp >= 0x30000 && cp <= 0x3134A);

    /// <summary>NFKC form of an identifier (per character; what CPython stores for non-ASCII names).</summary>
    public static string NormalizeIdentifier(string identifier)
    {
        bool ascii = true;
        foreach (char c in identifier)
        {
            if (c > 127) { ascii = false; break; }
        }
        if (ascii) return identifier;
        var map = s_nfkc.Value;
        var sb = new StringBuilder(identifier.Length);
        for (int i = 0; i < identifier.Length; i++)
        {
            int cp = char.IsHighSurrogate(identifier[i]) && i + 1 < identifier.Length && char.IsLowSurrogate(identifier[i + 1])
                ? char.ConvertToUtf32(identifier[i], identifier[i + 1])
                : identifier[i];
            if (map.TryGetValue(cp, out var replacement)) sb.Append(replacement);
            else if (cp >= 0x10000) sb.Append(identifier, i, 2);
            else sb.Append(identifier[i]);
            if (cp >= 0x10000) i++;
        }
        return sb.ToString();
    }

    private static IEnumerable<string> ReadLines(string resource)
    {
        using var stream = typeof(UnicodeTables).Assembly.GetManifestResourceStream(resource);
        if (stream is null) yield break;
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length > 0) yield return line;
        }
    }

    private static Dictionary<string, int> LoadNames()
    {
        var d = new Dictionary<string, int>(48000, StringComparer.Ordinal);
        foreach (var line in ReadLines("UnicodeNames.txt.gz"))
        {
            int tab = line.IndexOf('\t');
            d[line[(tab + 1)..]] = int.Parse(line.AsSpan(0, tab), System.Globalization.NumberStyles.HexNumber, null);
        }
        return d;
    }

    private static Dictionary<int, string> LoadNfkc()
    {
        var d = new Dictionary<int, string>(4000);
        foreach (var line in ReadLines("IdentifierNfkc.txt.gz"))
        {
            int tab = line.IndexOf('\t');
            int cp = int.Parse(line.AsSpan(0, tab), System.Globalization.NumberStyles.HexNumber, null);
            var sb = new StringBuilder();
            foreach (var hex in line[(tab + 1)..].Split(' '))
            {
                sb.Append(char.ConvertFromUtf32(int.Parse(hex, System.Globalization.NumberStyles.HexNumber, null)));
            }
            d[cp] = sb.ToString();
        }
        return d;
    }
}

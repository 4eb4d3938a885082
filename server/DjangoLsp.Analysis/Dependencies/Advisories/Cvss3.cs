namespace DjangoLsp.Analysis.Dependencies.Advisories;

/// <summary>CVSS v3.x base score from a vector string (FIRST CVSS v3.1 specification, section 7.1).</summary>
public static class Cvss3
{
    public static double? BaseScore(string vector)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in vector.Split('/').Skip(1))
        {
            var kv = part.Split(':', 2);
            if (kv.Length == 2) parts[kv[0]] = kv[1];
        }
        if (!vector.StartsWith("CVSS:3", StringComparison.Ordinal)) return null;
        try
        {
            var changed = parts["S"] == "C";
            var av = parts["AV"] switch { "N" => 0.85, "A" => 0.62, "L" => 0.55, "P" => 0.2, _ => throw new KeyNotFoundException() };
            var ac = parts["AC"] switch { "L" => 0.77, "H" => 0.44, _ => throw new KeyNotFoundException() };
            var pr = parts["PR"] switch { "N" => 0.85, "L" => changed ? 0.68 : 0.62, "H" => changed ? 0.5 : 0.27, _ => throw new KeyNotFoundException() };
            var ui = parts["UI"] switch { "N" => 0.85, "R" => 0.62, _ => throw new KeyNotFoundException() };
            double Cia(string k) => parts[k] switch { "H" => 0.56, "L" => 0.22, "N" => 0.0, _ => throw new KeyNotFoundException() };
            var iss = 1 - (1 - Cia("C")) * (1 - Cia("I")) * (1 - Cia("A"));
            var impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.Pow(iss - 0.02, 15) : 6.42 * iss;
            var exploitability = 8.22 * av * ac * pr * ui;
            if (impact <= 0) return 0.0;
            return RoundUp(Math.Min(changed ? 1.08 * (impact + exploitability) : impact + exploitability, 10));
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    private static double RoundUp(double x)
    {
        var i = (long)Math.Round(x * 100000);
        return i % 10000 == 0 ? i / 100000.0 : (Math.Floor(i / 10000.0) + 1) / 10.0;
    }
}

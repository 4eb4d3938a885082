using System.Globalization;
using System.Numerics;

namespace DjangoLsp.Python.Syntax.Debug;

/// <summary>Values of Python number literals and Python's <c>repr</c> of floats.</summary>
public static class PythonNumbers
{
    public enum NumberKind { Int, Float, Complex }

    /// <summary>Classifies a number token and returns its value (int: <see cref="BigInteger"/>, float/complex imaginary part: double).</summary>
    public static NumberKind Parse(string token, out BigInteger integer, out double real)
    {
        integer = default;
        real = 0;
        var text = token.Replace("_", "", StringComparison.Ordinal);
        if (text.Length > 1 && text[0] == '0' && "xXoObB".Contains(text[1]))
        {
            int radix = char.ToLowerInvariant(text[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            BigInteger v = BigInteger.Zero;
            for (int i = 2; i < text.Length; i++)
            {
                int d = text[i] <= '9' ? text[i] - '0' : (text[i] | 0x20) - 'a' + 10;
                if (d < 0 || d >= radix) break; // only in erroneous literals
                v = v * radix + d;
            }
            integer = v;
            return NumberKind.Int;
        }
        bool imaginary = text.EndsWith('j') || text.EndsWith('J');
        if (imaginary) text = text[..^1];
        if (imaginary || text.Contains('.') || text.Contains('e') || text.Contains('E'))
        {
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out real);
            return imaginary ? NumberKind.Complex : NumberKind.Float;
        }
        BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out integer);
        return NumberKind.Int;
    }

    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, exponent form when exp &lt; -4 or &gt;= 16.</summary>
    public static string Repr(double value)
    {
        if (double.IsPositiveInfinity(value)) return "inf";
        if (double.IsNegativeInfinity(value)) return "-inf";
        if (double.IsNaN(value)) return "nan";
        if (value == 0) return double.IsNegative(value) ? "-0.0" : "0.0";
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        bool negative = r[0] == '-';
        if (negative) r = r[1..];
        int exp = 0;
        int e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exp = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }
        int dot = r.IndexOf('.');
        string digits = dot < 0 ? r : r.Remove(dot, 1);
        int decpt = (dot < 0 ? r.Length : dot) + exp;
        // Strip leading zeros (e.g. "0.001").
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') { lead++; decpt--; }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        string result;
        if (decpt > -4 && decpt <= 16)
        {
            if (decpt <= 0) result = "0." + new string('0', -decpt) + digits;
            else if (decpt >= digits.Length) result = digits + new string('0', decpt - digits.Length) + ".0";
            else result = digits[..decpt] + "." + digits[decpt..];
        }
        else
        {
            int x = decpt - 1;
            result = digits[..1] + (digits.Length > 1 ? "." + digits[1..] : "") + "e" + (x < 0 ? "-" : "+") + Math.Abs(x).ToString("00", CultureInfo.InvariantCulture);
        }
        return negative ? "-" + result : result;
    }
}

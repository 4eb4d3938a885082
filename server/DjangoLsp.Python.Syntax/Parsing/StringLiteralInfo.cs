using System.Text;

namespace DjangoLsp.Python.Syntax.Parsing;

/// <summary>Prefix, quotes and escape decoding of Python string literals.</summary>
public readonly record struct StringLiteralInfo(bool IsRaw, bool IsBytes, bool IsFormat, bool IsTemplate, bool IsUnicode, int PrefixLength, int QuoteLength)
{
    /// <summary>Reads the prefix and quote length of a string token or f-string start token.</summary>
    public static StringLiteralInfo Parse(string token)
    {
        int i = 0;
        bool r = false, b = false, f = false, t = false, u = false;
        while (i < token.Length && token[i] != '\'' && token[i] != '"')
        {
            switch (char.ToLowerInvariant(token[i]))
            {
                case 'r': r = true; break;
                case 'b': b = true; break;
                case 'f': f = true; break;
                case 't': t = true; break;
                case 'u': u = true; break;
            }
            i++;
        }
        int q = 1;
        if (i + 2 < token.Length && token[i + 1] == token[i] && token[i + 2] == token[i]) q = 3;
        // A token of exactly two quotes is the empty single-quoted string.
        if (token.Length - i == 2) q = 1;
        return new StringLiteralInfo(r, b, f, t, u, i, q);
    }

    /// <summary>
    /// The value of a complete string token (prefix and quotes included), escapes processed.
    /// Bytes values are returned as Latin-1 characters. <paramref name="error"/> describes an invalid escape that CPython rejects.
    /// </summary>
    public static string Decode(string token, out string? error)
    {
        var info = Parse(token);
        int start = info.PrefixLength + info.QuoteLength;
        int end = token.Length - info.QuoteLength;
        if (end < start) end = start; // unterminated
        // Unterminated tokens have no closing quote.
        if (token.Length < start + info.QuoteLength || !EndsWithQuote(token, info)) end = token.Length;
        return DecodeBody(token.AsSpan(start, Math.Max(0, end - start)), info.IsRaw, info.IsBytes, fstring: false, out error);
    }

    private static bool EndsWithQuote(string token, StringLiteralInfo info)
    {
        char q = token[info.PrefixLength];
        int n = info.QuoteLength;
        if (token.Length < info.PrefixLength + 2 * n) return false;
        for (int k = 1; k <= n; k++)
        {
            if (token[^k] != q) return false;
        }
        if (n == 1)
        {
            // The closing quote must not be escaped by an odd number of backslashes.
            int bs = 0;
            for (int j = token.Length - 2; j >= info.PrefixLength + 1 && token[j] == '\\'; j--) bs++;
            return bs % 2 == 0;
        }
        return true;
    }

    /// <summary>Decodes the body of a literal (without quotes). In f-string middles, <c>{{</c>/<c>}}</c> become single braces.</summary>
    public static string DecodeBody(ReadOnlySpan<char> body, bool raw, bool bytes, bool fstring, out string? error)
    {
        error = null;
        if (body.IndexOf('\\') < 0 && body.IndexOf('\r') < 0 && (!fstring || (body.IndexOf('{') < 0 && body.IndexOf('}') < 0)))
        {
            return body.ToString();
        }
        var sb = new StringBuilder(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c == '\r')
            {
                // CPython's tokenizer translates \r\n and \r to \n inside literals.
                sb.Append('\n');
                if (i + 1 < body.Length && body[i + 1] == '\n') i++;
                continue;
            }
            if (fstring && (c == '{' || c == '}') && i + 1 < body.Length && body[i + 1] == c)
            {
                sb.Append(c);
                i++;
                continue;
            }
            if (c != '\\' || raw || i + 1 >= body.Length)
            {
                sb.Append(c);
                continue;
            }
            char n = body[++i];
            switch (n)
            {
                case '\n': break;
                case '\r': if (i + 1 < body.Length && body[i + 1] == '\n') i++; break;
                case '\\': sb.Append('\\'); break;
                case '\'': sb.Append('\''); break;
                case '"': sb.Append('"'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case >= '0' and <= '7':
                {
                    int v = n - '0';
                    int k = 1;
                    while (k < 3 && i + 1 < body.Length && body[i + 1] >= '0' && body[i + 1] <= '7')
                    {
                        v = v * 8 + (body[++i] - '0');
                        k++;
                    }
                    if (bytes) v &= 0xFF;
                    sb.Append((char)v);
                    break;
                }
                case 'x':
                    if (!AppendHex(body, ref i, 2, sb)) { error = "(unicode error) truncated \\xXX escape"; }
                    break;
                case 'u' when !bytes:
                    if (!AppendHex(body, ref i, 4, sb)) { error = "(unicode error) truncated \\uXXXX escape"; }
                    break;
                case 'U' when !bytes:
                    if (!AppendHex(body, ref i, 8, sb)) { error = "(unicode error) truncated \\UXXXXXXXX escape"; }
                    break;
                case 'N' when !bytes:
                {
                    int close = i + 1 < body.Length && body[i + 1] == '{' ? body.Slice(i + 1).IndexOf('}') : -1;
                    if (close < 0)
                    {
                        error = "(unicode error) malformed \\N character escape";
                        sb.Append('\\').Append('N');
                        break;
                    }
                    var name = body.Slice(i + 2, close - 1).ToString();
                    var value = UnicodeTables.LookupName(name);
                    if (value is null)
                    {
                        error ??= "(unicode error) 'unicodeescape' codec can't decode bytes: unknown Unicode character name";
                        sb.Append("\\N{").Append(name).Append('}');
                    }
                    else
                    {
                        sb.Append(value);
                    }
                    i += close + 1;
                    break;
                }
                default:
                    // Unknown escapes keep the backslash (a warning in CPython, not an error).
                    sb.Append('\\').Append(n);
                    break;
            }
        }
        return sb.ToString();
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static bool AppendHex(ReadOnlySpan<char> body, ref int i, int digits, StringBuilder sb)
    {
        int v = 0;
        for (int k = 1; k <= digits; k++)
        {
            if (i + k >= body.Length || !Uri.IsHexDigit(body[i + k])) return false;
            v = v * 16 + HexValue(body[i + k]);
        }
        i += digits;
        if (v > 0x10FFFF) return false;
        if (v >= 0xD800 && v <= 0xDFFF) { sb.Append((char)v); return true; }
        if (v >= 0x10000) sb.Append(char.ConvertFromUtf32(v));
        else sb.Append((char)v);
        return true;
    }
}


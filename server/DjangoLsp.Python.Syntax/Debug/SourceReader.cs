using System.Text;
using System.Text.RegularExpressions;

namespace DjangoLsp.Python.Syntax.Debug;

/// <summary>Decodes Python source bytes like CPython: UTF-8 by default, or the PEP 263 coding cookie (Latin-1 family supported).</summary>
public static partial class SourceReader
{
    [GeneratedRegex(@"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")]
    private static partial Regex CookiePattern();

    private static Encoding? TryGetEncoding(string name)
    {
        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The decoded text, or null with a message and 1-based line when the bytes are not valid in the declared encoding.</summary>
    public static string? Read(byte[] bytes, out string? error, out int errorLine)
    {
        error = null;
        errorLine = 0;
        string? encoding = null;
        int lineStart = 0;
        for (int line = 0; line < 2 && lineStart < bytes.Length; line++)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', lineStart);
            if (end < 0) end = bytes.Length;
            var text = Encoding.Latin1.GetString(bytes, lineStart, end - lineStart);
            var m = CookiePattern().Match(text);
            if (m.Success)
            {
                encoding = m.Groups[1].Value.ToLowerInvariant().Replace('_', '-');
                break;
            }
            if (text.TrimStart(' ', '\t', '\f', '\r').Length > 0 && !text.TrimStart(' ', '\t', '\f').StartsWith('#')) break;
            lineStart = end + 1;
        }
        if (encoding is not null && (encoding.StartsWith("latin-1") || encoding.StartsWith("iso-8859-1-") || encoding == "iso-8859-1" || encoding.StartsWith("iso-latin-1") || encoding == "l1"))
        {
            return Encoding.Latin1.GetString(bytes);
        }
        if (encoding is not null && !encoding.StartsWith("utf-8") && encoding != "utf8" && !encoding.StartsWith("utf-8-"))
        {
            var enc = TryGetEncoding(encoding);
            if (enc is not null) return enc.GetString(bytes);
        }
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            int index = e.Index >= 0 ? e.Index : 0;
            errorLine = 1;
            for (int i = 0; i < index && i < bytes.Length; i++)
            {
                if (bytes[i] == '\n') errorLine++;
            }
            error = "(unicode error) 'utf-8' codec can't decode byte";
            return null;
        }
    }
}

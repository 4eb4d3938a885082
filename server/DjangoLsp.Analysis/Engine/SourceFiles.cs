using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Engine;

/// <summary>Reads source files safely: missing, unreadable, binary and oversized files give an error message, not an exception.</summary>
public static class SourceFiles
{
    /// <summary>Files larger than this are not analysed (generated or vendored code, data).</summary>
    public const long MaxFileBytes = 8 * 1024 * 1024;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static bool TryRead(string path, out SourceText text, out string? error)
    {
        text = SourceText.From(string.Empty);
        try
        {
            // One open + fstat + read (FileInfo.Exists then File.ReadAllBytes stat'ed and opened the file twice).
            byte[] bytes;
            using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                var length = RandomAccess.GetLength(handle);
                if (length > MaxFileBytes) { error = $"file is larger than {MaxFileBytes / (1024 * 1024)} MB; skipped"; return false; }
                bytes = ReadAll(handle, (int)length);
            }
            if (LooksBinary(bytes)) { error = "binary file; skipped"; return false; }
            // Python source is UTF-8 by default (PEP 3120); a BOM is honoured; invalid bytes become U+FFFD. Decoded here
            // rather than by SourceText.From(Stream), which also computes a SHA-256 checksum of every file up front.
            var (encoding, preamble) = DetectEncoding(bytes);
            text = SourceText.From(encoding.GetString(bytes, preamble, bytes.Length - preamble), encoding, SourceHashAlgorithm.Sha256);
            error = null;
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
                                   || (e is UnauthorizedAccessException && Directory.Exists(path)))
        {
            error = "file not found";
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            error = e.Message;
            return false;
        }
    }

    private static byte[] ReadAll(Microsoft.Win32.SafeHandles.SafeFileHandle handle, int length)
    {
        var bytes = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
            if (n == 0) break;   // truncated meanwhile
            read += n;
        }
        return read == length ? bytes : bytes.AsSpan(0, read).ToArray();
    }

    /// <summary>The encoding a byte order mark asks for (as Roslyn's stream decoding honours them), else UTF-8.</summary>
    private static (Encoding Encoding, int Preamble) DetectEncoding(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return (Utf8, 3);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return (Encoding.Unicode, 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return (Encoding.BigEndianUnicode, 2);
        return (Utf8, 0);
    }

    private static bool LooksBinary(byte[] bytes)
    {
        var n = Math.Min(bytes.Length, 8000);
        for (var i = 0; i < n; i++)
            if (bytes[i] == 0) return true;
        return false;
    }
}

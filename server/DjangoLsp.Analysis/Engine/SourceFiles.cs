using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace DjangoLsp.Analysis.Engine;

/// <summary>Reads source files safely: missing, unreadable, binary and oversized files give an error message, not an exception.</summary>
public static class SourceFiles
{
    /// <summary>Files larger than this are not analysed (generated or vendored code, data).</summary>
    public const long MaxFileBytes = 8 * 1024 * 1024;

    public static bool TryRead(string path, out SourceText text, out string? error)
    {
        text = SourceText.From(string.Empty);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) { error = "file not found"; return false; }
            if (info.Length > MaxFileBytes) { error = $"file is larger than {MaxFileBytes / (1024 * 1024)} MB; skipped"; return false; }
            var bytes = File.ReadAllBytes(path);
            if (LooksBinary(bytes)) { error = "binary file; skipped"; return false; }
            using var stream = new MemoryStream(bytes, writable: false);
            // Python source is UTF-8 by default (PEP 3120); a BOM is honoured; invalid bytes become U+FFFD.
            text = SourceText.From(stream, new UTF8Encoding(false, false), SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false);
            error = null;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            error = e.Message;
            return false;
        }
    }

    private static bool LooksBinary(byte[] bytes)
    {
        var n = Math.Min(bytes.Length, 8000);
        for (var i = 0; i < n; i++)
            if (bytes[i] == 0) return true;
        return false;
    }
}

using System.Text;

namespace DjangoLsp.Protocol.JsonRpc;

/// <summary>
/// Reads LSP base-protocol frames (<c>Content-Length: N\r\n\r\n</c> + N bytes of UTF-8 JSON) from a stream.
/// Robust to frames split across reads and to several frames arriving in one read: it keeps its own buffer.
/// </summary>
public sealed class MessageReader
{
    private const int MaxHeaderBytes = 64 * 1024;
    private readonly Stream _stream;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;   // first unconsumed byte
    private int _end;     // one past the last buffered byte

    public MessageReader(Stream stream) => _stream = stream;

    /// <summary>
    /// The next frame's body, or null at end of stream. A frame with a bad header throws
    /// <see cref="InvalidDataException"/> after the reader has skipped past that header, so the caller can go on.
    /// </summary>
    public async Task<byte[]?> ReadAsync(CancellationToken cancellationToken = default)
    {
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd()) < 0)
        {
            if (_end - _start > MaxHeaderBytes)
            {
                _start = _end;   // garbage with no header end: drop it
                throw new InvalidDataException("Message header too long or missing.");
            }
            if (!await FillAsync(cancellationToken)) return null;
        }

        var header = Encoding.ASCII.GetString(_buffer, _start, headerEnd - _start);
        _start = headerEnd + 4;
        var length = ParseContentLength(header);
        if (length < 0) throw new InvalidDataException("Missing or invalid Content-Length header.");

        while (_end - _start < length)
        {
            if (!await FillAsync(cancellationToken)) return null;
        }
        var body = new byte[length];
        Buffer.BlockCopy(_buffer, _start, body, 0, length);
        _start += length;
        return body;
    }

    private static int ParseContentLength(string header)
    {
        foreach (var line in header.Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            if (!line.AsSpan(0, colon).Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            return int.TryParse(line.AsSpan(colon + 1).Trim(), out var n) && n >= 0 ? n : -1;
        }
        return -1;
    }

    private int IndexOfHeaderEnd()
    {
        var span = _buffer.AsSpan(_start, _end - _start);
        var i = span.IndexOf("\r\n\r\n"u8);
        return i < 0 ? -1 : _start + i;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0 && _start == _end) _start = _end = 0;
        if (_end == _buffer.Length)
        {
            var used = _end - _start;
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, used);
            }
            else
            {
                var bigger = new byte[_buffer.Length * 2];
                Buffer.BlockCopy(_buffer, 0, bigger, 0, used);
                _buffer = bigger;
            }
            _start = 0;
            _end = used;
        }
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end, _buffer.Length - _end), cancellationToken);
        if (read <= 0) return false;
        _end += read;
        return true;
    }
}

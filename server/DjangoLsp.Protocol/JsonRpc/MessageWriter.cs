using System.Text;

namespace DjangoLsp.Protocol.JsonRpc;

/// <summary>Writes LSP base-protocol frames. Thread-safe: whole frames never interleave.</summary>
public sealed class MessageWriter
{
    private readonly Stream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public MessageWriter(Stream stream) => _stream = stream;

    public async Task WriteAsync(string json, CancellationToken cancellationToken = default)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await _stream.WriteAsync(header, cancellationToken);
            await _stream.WriteAsync(body, cancellationToken);
            await _stream.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}

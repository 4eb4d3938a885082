using System.IO.Pipes;

namespace DjangoLsp.Testing;

/// <summary>A one-way in-process byte pipe (OS anonymous pipe): what one side writes the other reads.</summary>
public sealed class OneWayPipe : IDisposable
{
    public OneWayPipe()
    {
        var server = new AnonymousPipeServerStream(PipeDirection.Out);
        Writer = server;
        Reader = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
    }

    public Stream Writer { get; }
    public Stream Reader { get; }

    public void Dispose()
    {
        Writer.Dispose();
        Reader.Dispose();
    }
}

/// <summary>A stream that hands out at most <see cref="ChunkSize"/> bytes per read, to exercise split frames.</summary>
public sealed class TrickleStream : Stream
{
    private readonly Stream _inner;

    public TrickleStream(Stream inner, int chunkSize)
    {
        _inner = inner;
        ChunkSize = chunkSize;
    }

    public int ChunkSize { get; }
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, ChunkSize));
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _inner.ReadAsync(buffer[..Math.Min(buffer.Length, ChunkSize)], cancellationToken);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

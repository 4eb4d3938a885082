using System.Text;
using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Testing;
using NUnit.Framework;

namespace DjangoLsp.Protocol.Tests;

public class MessageFramingTests
{
    private static async Task<List<string>> ReadAll(byte[] bytes, int chunk)
    {
        var reader = new MessageReader(new TrickleStream(new MemoryStream(bytes), chunk));
        var bodies = new List<string>();
        while (await reader.ReadAsync() is { } body) bodies.Add(Encoding.UTF8.GetString(body));
        return bodies;
    }

    [Test]
    public async Task Frames_split_into_single_bytes_are_reassembled()
    {
        var bytes = LspTestClient.Frame("{\"a\":1}").Concat(LspTestClient.Frame("{\"b\":2}")).ToArray();
        Assert.That(await ReadAll(bytes, 1), Is.EqualTo(new[] { "{\"a\":1}", "{\"b\":2}" }));
    }

    [Test]
    public async Task Two_frames_in_one_read_are_both_returned()
    {
        var bytes = LspTestClient.Frame("{\"first\":true}").Concat(LspTestClient.Frame("{\"second\":true}")).ToArray();
        Assert.That(await ReadAll(bytes, 1 << 20), Is.EqualTo(new[] { "{\"first\":true}", "{\"second\":true}" }));
    }

    [Test]
    public async Task Content_length_counts_utf8_bytes_not_characters()
    {
        const string json = "{\"text\":\"héllo wörld 🐍 日本\"}";
        var frame = LspTestClient.Frame(json);
        var header = Encoding.ASCII.GetString(frame, 0, Array.IndexOf(frame, (byte)'\r'));
        Assert.That(header, Is.EqualTo($"Content-Length: {Encoding.UTF8.GetByteCount(json)}"));
        Assert.That(Encoding.UTF8.GetByteCount(json), Is.GreaterThan(json.Length));
        var bytes = frame.Concat(LspTestClient.Frame("{}")).ToArray();
        Assert.That(await ReadAll(bytes, 3), Is.EqualTo(new[] { json, "{}" }));
    }

    [Test]
    public async Task Writer_emits_byte_length_header()
    {
        var stream = new MemoryStream();
        await new MessageWriter(stream).WriteAsync("{\"x\":\"ü\"}");
        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.That(text, Is.EqualTo("Content-Length: 10\r\n\r\n{\"x\":\"ü\"}"));
    }

    [Test]
    public async Task Extra_headers_are_accepted_and_header_name_is_case_insensitive()
    {
        var bytes = Encoding.UTF8.GetBytes("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}");
        Assert.That(await ReadAll(bytes, 5), Is.EqualTo(new[] { "{}" }));
    }

    [Test]
    public async Task Missing_content_length_throws_then_the_next_frame_is_read()
    {
        var bytes = Encoding.ASCII.GetBytes("Content-Type: x\r\n\r\n").Concat(LspTestClient.Frame("{\"ok\":1}")).ToArray();
        var reader = new MessageReader(new MemoryStream(bytes));
        Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadAsync());
        var body = await reader.ReadAsync();
        Assert.That(Encoding.UTF8.GetString(body!), Is.EqualTo("{\"ok\":1}"));
    }

    [Test]
    public async Task Truncated_body_at_end_of_stream_returns_null()
    {
        var bytes = Encoding.ASCII.GetBytes("Content-Length: 50\r\n\r\n{\"short\":1}");
        Assert.That(await new MessageReader(new MemoryStream(bytes)).ReadAsync(), Is.Null);
    }

    [Test]
    public async Task Large_body_bigger_than_the_initial_buffer_is_read_whole()
    {
        var json = "{\"t\":\"" + new string('x', 300_000) + "\"}";
        Assert.That((await ReadAll(LspTestClient.Frame(json), 4096)).Single(), Has.Length.EqualTo(json.Length));
    }
}

using System.Collections.Concurrent;
using System.Text;
using DjangoLsp.Protocol.JsonRpc;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Testing;

/// <summary>
/// The client side of an LSP connection for tests: sends requests and notifications, answers the server's
/// requests (configurable), and records everything the server sends so tests can wait for it.
/// </summary>
public sealed class LspTestClient : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly Stream _toServer;
    private readonly MessageReader _reader;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JObject>> _pending = new();
    private readonly List<JObject> _inbox = new();       // notifications, server requests and id-less errors, not yet taken
    private readonly List<JObject> _all = new();         // everything received (for ordering checks)
    private readonly object _gate = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;

    public LspTestClient(Stream toServer, Stream fromServer)
    {
        _toServer = toServer;
        _reader = new MessageReader(fromServer);
        ReadLoop = Task.Run(ReadAllAsync);
    }

    /// <summary>Answers server→client requests by method; a missing entry answers null.</summary>
    public Dictionary<string, Func<JToken?, JToken?>> ServerRequestHandlers { get; } = new();

    public Task ReadLoop { get; }

    public IReadOnlyList<JObject> Received
    {
        get { lock (_gate) return _all.ToList(); }
    }

    public Task<JObject> RequestAsync(string method, object? parameters = null) => RequestAsync(method, parameters, out _);

    public Task<JObject> RequestAsync(string method, object? parameters, out int id)
    {
        id = Interlocked.Increment(ref _nextId);
        var tcs = new TaskCompletionSource<JObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        var message = new JObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters != null) message["params"] = parameters as JToken ?? JToken.FromObject(parameters);
        var send = SendAsync(message);
        return WithTimeout(send.ContinueWith(_ => tcs.Task).Unwrap(), $"response to {method}");
    }

    public Task NotifyAsync(string method, object? parameters = null)
    {
        var message = new JObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters != null) message["params"] = parameters as JToken ?? JToken.FromObject(parameters);
        return SendAsync(message);
    }

    public Task SendAsync(JObject message) => SendRawAsync(Frame(message.ToString(Formatting.None)));

    public static byte[] Frame(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n").Concat(body).ToArray();
    }

    public async Task SendRawAsync(byte[] bytes)
    {
        await _writeGate.WaitAsync();
        try
        {
            await _toServer.WriteAsync(bytes);
            await _toServer.FlushAsync();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Waits for (and takes) the first received notification/server request/id-less message matching <paramref name="predicate"/>.</summary>
    public async Task<JObject> WaitForAsync(Func<JObject, bool> predicate, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                var index = _inbox.FindIndex(m => predicate(m));
                if (index >= 0)
                {
                    var found = _inbox[index];
                    _inbox.RemoveAt(index);
                    return found;
                }
                arrived = _arrived.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || ReadLoop.IsCompleted && !arrived.IsCompleted)
                throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.WhenAny(arrived, Task.Delay(left));
        }
    }

    public Task<JObject> WaitForNotificationAsync(string method, Func<JObject, bool>? predicate = null, TimeSpan? timeout = null) =>
        WaitForAsync(m => (string?)m["method"] == method && m["id"] == null && (predicate == null || predicate(m)), method, timeout);

    /// <summary>Waits for publishDiagnostics of <paramref name="uri"/> (optionally of one version).</summary>
    public Task<JObject> WaitForDiagnosticsAsync(string uri, int? version = null, TimeSpan? timeout = null) =>
        WaitForNotificationAsync("textDocument/publishDiagnostics",
            m => (string?)m["params"]?["uri"] == uri && (version == null || (int?)m["params"]?["version"] == version), timeout);

    /// <summary>Takes every publishDiagnostics received so far for <paramref name="uri"/>.</summary>
    public List<JObject> TakeAllDiagnostics(string uri)
    {
        lock (_gate)
        {
            var taken = _inbox.Where(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]?["uri"] == uri).ToList();
            _inbox.RemoveAll(taken.Contains);
            return taken;
        }
    }

    private async Task ReadAllAsync()
    {
        try
        {
            while (true)
            {
                var body = await _reader.ReadAsync();
                if (body == null) break;
                var message = JObject.Parse(Encoding.UTF8.GetString(body));
                lock (_gate) _all.Add(message);
                var id = message["id"];
                if (message["method"] == null && id is { Type: JTokenType.Integer } && _pending.TryRemove((int)id, out var tcs))
                {
                    tcs.TrySetResult(message);
                    continue;
                }
                if (message["method"] != null && id != null)
                {
                    var handler = ServerRequestHandlers.GetValueOrDefault((string)message["method"]!);
                    var result = handler?.Invoke(message["params"]) ?? JValue.CreateNull();
                    _ = SendAsync(new JObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result });
                }
                lock (_gate)
                {
                    _inbox.Add(message);
                    var signal = _arrived;
                    _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    signal.TrySetResult();
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            lock (_gate) _arrived.TrySetResult();
            foreach (var pending in _pending.Values) pending.TrySetException(new EndOfStreamException("The server closed the connection."));
        }
    }

    private static async Task<T> WithTimeout<T>(Task<T> task, string what)
    {
        var done = await Task.WhenAny(task, Task.Delay(DefaultTimeout));
        if (done != task) throw new TimeoutException($"Timed out waiting for {what}.");
        return await task;
    }

    public void Dispose() => _toServer.Dispose();
}

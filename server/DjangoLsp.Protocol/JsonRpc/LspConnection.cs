using System.Collections.Concurrent;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Protocol.JsonRpc;

/// <summary>
/// One JSON-RPC 2.0 connection speaking the LSP base protocol, with the LSP lifecycle
/// (initialize → initialized → … → shutdown → exit). One loop reads messages; notifications are handled on
/// it in order, requests on the thread pool with a cancellation token that <c>$/cancelRequest</c> trips.
/// Malformed input and throwing handlers are answered with errors; the loop keeps going.
/// </summary>
public sealed class LspConnection
{
    private readonly MessageReader _reader;
    private readonly MessageWriter _writer;
    private readonly HandlerRegistry _handlers;
    private readonly Action<string> _log;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _inflight = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JToken?>> _outgoing = new();
    private readonly CancellationTokenSource _lifetime = new();
    private int _nextOutgoingId;
    private LifecycleState _state = LifecycleState.Created;

    public LspConnection(Stream input, Stream output, HandlerRegistry handlers, Action<string>? log = null)
    {
        _reader = new MessageReader(input);
        _writer = new MessageWriter(output);
        _handlers = handlers;
        _log = log ?? (_ => { });
    }

    private enum LifecycleState { Created, Initialized, ShutDown }

    /// <summary>True once <c>shutdown</c> was received.</summary>
    public bool IsShutDown => _state == LifecycleState.ShutDown;

    /// <summary>Cancelled when the connection ends (exit or end of input).</summary>
    public CancellationToken Lifetime => _lifetime.Token;

    public void Log(string message) => _log(message);

    /// <summary>Reads and dispatches until <c>exit</c> or end of input. Returns the process exit code (0 only after shutdown).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                byte[]? body;
                try
                {
                    body = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidDataException e)
                {
                    _log("Bad message frame: " + e.Message);
                    await SendErrorAsync(null, ErrorCodes.ParseError, e.Message).ConfigureAwait(false);
                    continue;
                }
                if (body == null) break;                                  // end of input
                if (await DispatchAsync(body).ConfigureAwait(false)) break;  // exit
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (IOException e)
        {
            _log("Connection lost: " + e.Message);
        }
        finally
        {
            _lifetime.Cancel();
            foreach (var pending in _outgoing.Values) pending.TrySetCanceled();
            foreach (var inflight in _inflight.Values) inflight.Cancel();
        }
        return IsShutDown ? 0 : 1;
    }

    /// <summary>Handles one message; returns true when it was <c>exit</c>.</summary>
    private async Task<bool> DispatchAsync(byte[] body)
    {
        JObject message;
        try
        {
            var token = LspSerializer.Parse(Encoding.UTF8.GetString(body));
            if (token is not JObject obj)
            {
                await SendErrorAsync(null, ErrorCodes.InvalidRequest, "A message must be a JSON object (batches are not supported).").ConfigureAwait(false);
                return false;
            }
            message = obj;
        }
        catch (JsonException e)
        {
            _log("Malformed JSON: " + e.Message);
            await SendErrorAsync(null, ErrorCodes.ParseError, "Parse error: " + e.Message).ConfigureAwait(false);
            return false;
        }

        var id = message["id"];
        var method = message["method"];
        if (method == null)
        {
            if (id != null && (message.ContainsKey("result") || message.ContainsKey("error")))
                CompleteOutgoing(id, message);
            else
                await SendErrorAsync(id, ErrorCodes.InvalidRequest, "Message has no method.").ConfigureAwait(false);
            return false;
        }
        if (method.Type != JTokenType.String || (id != null && id.Type is not (JTokenType.Integer or JTokenType.String)))
        {
            await SendErrorAsync(id?.Type is JTokenType.Integer or JTokenType.String ? id : null, ErrorCodes.InvalidRequest, "Invalid method or id.").ConfigureAwait(false);
            return false;
        }

        var name = (string)method!;
        var parameters = message["params"];
        if (id == null) return HandleNotification(name, parameters);
        await HandleRequestAsync(id, name, parameters).ConfigureAwait(false);
        return false;
    }

    private bool HandleNotification(string method, JToken? parameters)
    {
        if (method == "exit") return true;
        if (method == "$/cancelRequest")
        {
            var id = parameters?["id"];
            if (id != null && _inflight.TryGetValue(Key(id), out var cts)) cts.Cancel();
            return false;
        }
        if (_state != LifecycleState.Initialized) return false;  // dropped before initialize and after shutdown
        var handler = _handlers.FindNotification(method);
        if (handler == null)
        {
            if (!method.StartsWith("$/", StringComparison.Ordinal)) _log($"No handler for notification {method}.");
            return false;
        }
        try
        {
            handler.Handle(parameters);
        }
        catch (Exception e)
        {
            _log($"Notification {method} failed: {e}");
        }
        return false;
    }

    private async Task HandleRequestAsync(JToken id, string method, JToken? parameters)
    {
        if (_state == LifecycleState.ShutDown)
        {
            await SendErrorAsync(id, ErrorCodes.InvalidRequest, "The server is shut down.").ConfigureAwait(false);
            return;
        }
        if (method == "initialize")
        {
            if (_state != LifecycleState.Created)
            {
                await SendErrorAsync(id, ErrorCodes.InvalidRequest, "initialize was already received.").ConfigureAwait(false);
                return;
            }
            // Handled inline: nothing else may run before the server knows the client's capabilities.
            if (await RunHandlerAsync(id, method, parameters, CancellationToken.None).ConfigureAwait(false))
                _state = LifecycleState.Initialized;
            return;
        }
        if (_state == LifecycleState.Created)
        {
            await SendErrorAsync(id, ErrorCodes.ServerNotInitialized, "The server is not initialized.").ConfigureAwait(false);
            return;
        }
        if (method == "shutdown")
        {
            _state = LifecycleState.ShutDown;
            foreach (var inflight in _inflight.Values) inflight.Cancel();
            if (_handlers.FindRequest(method) != null)
                await RunHandlerAsync(id, method, parameters, CancellationToken.None).ConfigureAwait(false);
            else
                await SendResultAsync(id, JValue.CreateNull()).ConfigureAwait(false);
            return;
        }

        var key = Key(id);
        var cts = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        if (!_inflight.TryAdd(key, cts))
        {
            cts.Dispose();
            await SendErrorAsync(id, ErrorCodes.InvalidRequest, "A request with this id is already running.").ConfigureAwait(false);
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await RunHandlerAsync(id, method, parameters, cts.Token).ConfigureAwait(false);
            }
            finally
            {
                _inflight.TryRemove(key, out _);
                cts.Dispose();
            }
        });
    }

    /// <summary>Runs a request handler and sends its answer; true when it succeeded.</summary>
    private async Task<bool> RunHandlerAsync(JToken id, string method, JToken? parameters, CancellationToken cancellationToken)
    {
        var handler = _handlers.FindRequest(method);
        if (handler == null)
        {
            await SendErrorAsync(id, ErrorCodes.MethodNotFound, $"Method not found: {method}").ConfigureAwait(false);
            return false;
        }
        try
        {
            var result = await handler.HandleAsync(parameters, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            await SendResultAsync(id, result ?? JValue.CreateNull()).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await SendErrorAsync(id, ErrorCodes.RequestCancelled, "Request cancelled.").ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            await SendErrorAsync(id, e.Code, e.Message).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _log($"Request {method} failed: {e}");
            await SendErrorAsync(id, ErrorCodes.InternalError, $"Internal error in {method}: {e.Message}").ConfigureAwait(false);
        }
        return false;
    }

    public Task SendNotificationAsync(string method, object? parameters)
    {
        var message = new JObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters != null) message["params"] = parameters as JToken ?? LspSerializer.FromObject(parameters);
        return WriteAsync(message);
    }

    /// <summary>Sends a request to the client and waits for its answer (an error answer throws <see cref="RpcException"/>).</summary>
    public async Task<JToken?> SendRequestAsync(string method, object? parameters, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextOutgoingId);
        var tcs = new TaskCompletionSource<JToken?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _outgoing[id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = tcs;
        var message = new JObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters != null) message["params"] = parameters as JToken ?? LspSerializer.FromObject(parameters);
        await WriteAsync(message).ConfigureAwait(false);
        using var registration = cancellationToken.Register(() => tcs.TrySetCanceled(cancellationToken));
        return await tcs.Task.ConfigureAwait(false);
    }

    private void CompleteOutgoing(JToken id, JObject message)
    {
        if (!_outgoing.TryRemove(Key(id), out var tcs)) return;
        if (message["error"] is JObject error)
            tcs.TrySetException(new RpcException((int?)error["code"] ?? ErrorCodes.InternalError, (string?)error["message"] ?? "error"));
        else
            tcs.TrySetResult(message["result"]);
    }

    private Task SendResultAsync(JToken id, JToken result) =>
        WriteAsync(new JObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result });

    private Task SendErrorAsync(JToken? id, int code, string text) =>
        WriteAsync(new JObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id ?? JValue.CreateNull(),
            ["error"] = new JObject { ["code"] = code, ["message"] = text },
        });

    private async Task WriteAsync(JObject message)
    {
        try
        {
            await _writer.WriteAsync(LspSerializer.Serialize(message)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            _log("Could not write to the client: " + e.Message);
        }
    }

    private static string Key(JToken id) => id.Type == JTokenType.String ? "s:" + (string)id! : id.ToString(Formatting.None);
}

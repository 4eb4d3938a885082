using DjangoLsp.Protocol.JsonRpc;
using DjangoLsp.Testing;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace DjangoLsp.Protocol.Tests;

public class ConnectionTests
{
    private sealed class Harness : IDisposable
    {
        private readonly OneWayPipe _toServer = new();
        private readonly OneWayPipe _toClient = new();

        public Harness(HandlerRegistry registry)
        {
            Connection = new LspConnection(_toServer.Reader, _toClient.Writer, registry, m => Log.Add(m));
            Run = Task.Run(() => Connection.RunAsync());
            Client = new LspTestClient(_toServer.Writer, _toClient.Reader);
        }

        public List<string> Log { get; } = new();
        public LspConnection Connection { get; }
        public Task<int> Run { get; }
        public LspTestClient Client { get; }

        public async Task InitializeAsync()
        {
            var response = await Client.RequestAsync("initialize", new JObject());
            Assert.That(response["error"], Is.Null);
            await Client.NotifyAsync("initialized", new JObject());
        }

        public async Task<int> ExitCodeAsync()
        {
            var done = await Task.WhenAny(Run, Task.Delay(TimeSpan.FromSeconds(20)));
            Assert.That(done, Is.SameAs(Run), "server loop did not end");
            return await Run;
        }

        public void Dispose()
        {
            Client.Dispose();
            _toServer.Dispose();
            _toClient.Dispose();
        }
    }

    private sealed class Echo : IRequestHandler
    {
        public string Method => "test/echo";
        public Task<JToken?> HandleAsync(JToken? parameters, CancellationToken cancellationToken) => Task.FromResult(parameters);
    }

    private sealed class Initialize : IRequestHandler
    {
        public string Method => "initialize";
        public Task<JToken?> HandleAsync(JToken? parameters, CancellationToken cancellationToken) =>
            Task.FromResult<JToken?>(new JObject { ["capabilities"] = new JObject() });
    }

    private sealed class Throws : IRequestHandler
    {
        public string Method => "test/throw";
        public Task<JToken?> HandleAsync(JToken? parameters, CancellationToken cancellationToken) => throw new InvalidOperationException("boom");
    }

    private sealed class WaitsForCancel : IRequestHandler
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string Method => "test/slow";

        public async Task<JToken?> HandleAsync(JToken? parameters, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }
    }

    private sealed record Point(int X, int Y);

    private sealed class Typed : RequestHandler<Point, int>
    {
        public override string Method => "test/sum";
        protected override Task<int> HandleAsync(Point parameters, CancellationToken cancellationToken) => Task.FromResult(parameters.X + parameters.Y);
    }

    private sealed class Recorder : INotificationHandler
    {
        public List<int> Seen { get; } = new();
        public string Method => "test/record";
        public void Handle(JToken? parameters) => Seen.Add((int)parameters!["n"]!);
    }

    private sealed class ReadRecorded : IRequestHandler
    {
        private readonly Recorder _recorder;
        public ReadRecorded(Recorder recorder) => _recorder = recorder;
        public string Method => "test/recorded";
        public Task<JToken?> HandleAsync(JToken? parameters, CancellationToken cancellationToken) => Task.FromResult<JToken?>(new JArray(_recorder.Seen));
    }

    private static HandlerRegistry Registry(params IRequestHandler[] extra)
    {
        var registry = new HandlerRegistry().Add(new Initialize()).Add(new Echo()).Add(new Throws()).Add(new Typed());
        foreach (var handler in extra) registry.Add(handler);
        return registry;
    }

    [Test]
    public async Task Request_before_initialize_gets_server_not_initialized()
    {
        using var h = new Harness(Registry());
        var response = await h.Client.RequestAsync("test/echo", new JObject { ["a"] = 1 });
        Assert.That((int?)response["error"]?["code"], Is.EqualTo(ErrorCodes.ServerNotInitialized));
        await h.InitializeAsync();
        var after = await h.Client.RequestAsync("test/echo", new JObject { ["a"] = 1 });
        Assert.That((int?)after["result"]?["a"], Is.EqualTo(1));
    }

    [Test]
    public async Task Second_initialize_is_an_invalid_request()
    {
        using var h = new Harness(Registry());
        await h.InitializeAsync();
        var again = await h.Client.RequestAsync("initialize", new JObject());
        Assert.That((int?)again["error"]?["code"], Is.EqualTo(ErrorCodes.InvalidRequest));
    }

    [Test]
    public async Task Malformed_json_gets_parse_error_and_the_server_keeps_answering()
    {
        using var h = new Harness(Registry());
        await h.InitializeAsync();
        await h.Client.SendRawAsync(LspTestClient.Frame("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":"));
        var error = await h.Client.WaitForAsync(m => m["error"] != null && m["id"]?.Type == JTokenType.Null, "parse error");
        Assert.That((int?)error["error"]!["code"], Is.EqualTo(ErrorCodes.ParseError));
        var response = await h.Client.RequestAsync("test/echo", new JObject { ["still"] = "alive" });
        Assert.That((string?)response["result"]?["still"], Is.EqualTo("alive"));
    }

    [Test]
    public async Task Non_object_message_is_an_invalid_request()
    {
        using var h = new Harness(Registry());
        await h.InitializeAsync();
        await h.Client.SendRawAsync(LspTestClient.Frame("[1,2,3]"));
        var error = await h.Client.WaitForAsync(m => m["error"] != null, "invalid request");
        Assert.That((int?)error["error"]!["code"], Is.EqualTo(ErrorCodes.InvalidRequest));
    }

    [Test]
    public async Task Unknown_method_gets_method_not_found()
    {
        using var h = new Harness(Registry());
        await h.InitializeAsync();
        var response = await h.Client.RequestAsync("test/nope", null);
        Assert.That((int?)response["error"]?["code"], Is.EqualTo(ErrorCodes.MethodNotFound));
    }

    [Test]
    public async Task Handler_exception_gets_internal_error_and_the_server_keeps_answering()
    {
        using var h = new Harness(Registry());
        await h.InitializeAsync();
        var response = await h.Client.RequestAsync("test/throw", null);
        Assert.That((int?)response["error"]?["code"], Is.EqualTo(ErrorCodes.InternalError));
        Assert.That(h.Log, Has.Some.Contains("boom"));
        var next = await h.Client.RequestAsync("test/echo", new JObject { ["n"] = 2 });
        Assert.That((int?)next["result"]?["n"], Is.EqualTo(2));
    }

    [Test]
    public async Task Typed_handler_with_wrong_params_gets_invalid_params()
    {
        using var h = new Harness(Registry());
        await h.InitializeAsync();
        var ok = await h.Client.RequestAsync("test/sum", new JObject { ["x"] = 2, ["y"] = 3 });
        Assert.That((int?)ok["result"], Is.EqualTo(5));
        var bad = await h.Client.RequestAsync("test/sum", new JObject { ["x"] = "not a number", ["y"] = 3 });
        Assert.That((int?)bad["error"]?["code"], Is.EqualTo(ErrorCodes.InvalidParams));
    }

    [Test]
    public async Task Cancel_request_answers_request_cancelled()
    {
        var slow = new WaitsForCancel();
        using var h = new Harness(Registry(slow));
        await h.InitializeAsync();
        var pending = h.Client.RequestAsync("test/slow", null, out var id);
        await slow.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await h.Client.NotifyAsync("$/cancelRequest", new JObject { ["id"] = id });
        var response = await pending;
        Assert.That((int?)response["error"]?["code"], Is.EqualTo(ErrorCodes.RequestCancelled));
    }

    [Test]
    public async Task Notifications_are_handled_in_order()
    {
        var recorder = new Recorder();
        var registry = Registry(new ReadRecorded(recorder)).Add(recorder);
        using var h = new Harness(registry);
        await h.InitializeAsync();
        for (var i = 0; i < 200; i++) await h.Client.NotifyAsync("test/record", new JObject { ["n"] = i });
        var response = await h.Client.RequestAsync("test/recorded", null);
        Assert.That(response["result"]!.Values<int>(), Is.EqualTo(Enumerable.Range(0, 200)));
    }

    [Test]
    public async Task Shutdown_then_exit_ends_with_code_zero_and_later_requests_are_refused()
    {
        using var h = new Harness(Registry());
        await h.InitializeAsync();
        var shutdown = await h.Client.RequestAsync("shutdown", null);
        Assert.That(shutdown.ContainsKey("result") && shutdown["result"]!.Type == JTokenType.Null, Is.True);
        var after = await h.Client.RequestAsync("test/echo", new JObject());
        Assert.That((int?)after["error"]?["code"], Is.EqualTo(ErrorCodes.InvalidRequest));
        await h.Client.NotifyAsync("exit");
        Assert.That(await h.ExitCodeAsync(), Is.EqualTo(0));
    }

    [Test]
    public async Task Exit_without_shutdown_ends_with_code_one()
    {
        using var h = new Harness(Registry());
        await h.InitializeAsync();
        await h.Client.NotifyAsync("exit");
        Assert.That(await h.ExitCodeAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task End_of_input_without_shutdown_ends_with_code_one()
    {
        using var h = new Harness(Registry());
        await h.InitializeAsync();
        h.Client.Dispose();
        Assert.That(await h.ExitCodeAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Server_to_client_request_gets_the_client_answer()
    {
        using var h = new Harness(Registry());
        await h.InitializeAsync();
        h.Client.ServerRequestHandlers["workspace/configuration"] = p => new JArray(new JObject { ["echo"] = p!["items"]![0]!["section"] });
        var result = await h.Connection.SendRequestAsync("workspace/configuration",
            new JObject { ["items"] = new JArray(new JObject { ["section"] = "djangolsp" }) }).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.That((string?)result![0]!["echo"], Is.EqualTo("djangolsp"));
    }

    [Test]
    public async Task Garbage_without_a_header_gets_an_error_and_the_server_survives()
    {
        using var h = new Harness(Registry());
        await h.InitializeAsync();
        await h.Client.SendRawAsync(System.Text.Encoding.ASCII.GetBytes("this is not a header\r\n\r\n"));
        var error = await h.Client.WaitForAsync(m => m["error"] != null, "framing error");
        Assert.That((int?)error["error"]!["code"], Is.EqualTo(ErrorCodes.ParseError));
        var response = await h.Client.RequestAsync("test/echo", new JObject { ["x"] = 1 });
        Assert.That((int?)response["result"]?["x"], Is.EqualTo(1));
    }
}

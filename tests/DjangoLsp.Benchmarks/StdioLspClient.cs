using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Newtonsoft.Json.Linq;

namespace DjangoLsp.Benchmarks;

/// <summary>
/// A minimal LSP client for the real <c>djangolsp</c> process over stdio (Content-Length framing), for timing what a
/// user sees. Server requests (configuration, capability registration, progress creation) are answered with null.
/// </summary>
internal sealed class StdioLspClient : IDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JObject>> _responses = new();
    private readonly List<(Func<JObject, bool> Predicate, TaskCompletionSource<JObject> Done)> _waiters = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private int _nextId;

    public StdioLspClient(string serverDll)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(serverDll);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        _process = Process.Start(info)!;
        _input = _process.StandardInput.BaseStream;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _ = Task.Run(ReadLoop);
    }

    public int ProcessId => _process.Id;

    /// <summary>Raised on the reader thread for every notification (after waiters are checked).</summary>
    public event Action<JObject>? Notification;

    public async Task<JObject> RequestAsync(string method, JToken? parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var done = new TaskCompletionSource<JObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _responses[id] = done;
        await WriteAsync(new JObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return await done.Task;
    }

    public Task NotifyAsync(string method, JToken? parameters) =>
        WriteAsync(new JObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Completes with the next notification matching <paramref name="predicate"/> (register before triggering it).</summary>
    public Task<JObject> Expect(Func<JObject, bool> predicate)
    {
        var done = new TaskCompletionSource<JObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters) _waiters.Add((predicate, done));
        return done.Task;
    }

    /// <summary>(peak RSS in MB, CPU seconds) of the server process, from /proc.</summary>
    public (double PeakRssMb, double CpuSeconds) Usage()
    {
        double rss = 0, cpu = 0;
        try
        {
            foreach (var line in File.ReadAllLines($"/proc/{_process.Id}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    rss = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 (1-based) of /proc/pid/stat: 12 and 13 after the command name.
            cpu = (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
        }
        return (rss, cpu);
    }

    private async Task WriteAsync(JObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToString(Newtonsoft.Json.Formatting.None));
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeGate.WaitAsync();
        try
        {
            await _input.WriteAsync(header);
            await _input.WriteAsync(body);
            await _input.FlushAsync();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task ReadLoop()
    {
        var stream = _process.StandardOutput.BaseStream;
        var buffer = new List<byte>();
        while (true)
        {
            var length = -1;
            while (true)
            {
                var line = await ReadLine(stream);
                if (line == null) return;
                if (line.Length == 0) break;
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line[15..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
            var body = new byte[length];
            var read = 0;
            while (read < length)
            {
                var n = await stream.ReadAsync(body.AsMemory(read, length - read));
                if (n == 0) return;
                read += n;
            }
            var message = JObject.Parse(Encoding.UTF8.GetString(body));
            if (message["method"] != null && message["id"] != null)
            {
                var result = (string?)message["method"] == "workspace/configuration" ? new JArray(new JObject()) : null;
                await WriteAsync(new JObject { ["jsonrpc"] = "2.0", ["id"] = message["id"], ["result"] = result });
                continue;
            }
            if (message["id"] is JValue id && message["method"] == null)
            {
                if (_responses.TryRemove((int)id, out var done)) done.TrySetResult(message);
                continue;
            }
            lock (_waiters)
            {
                for (var i = _waiters.Count - 1; i >= 0; i--)
                    if (_waiters[i].Predicate(message))
                    {
                        _waiters[i].Done.TrySetResult(message);
                        _waiters.RemoveAt(i);
                    }
            }
            Notification?.Invoke(message);
        }
    }

    private static async Task<string?> ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0) return null;
            if (one[0] == '\n') return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            bytes.Add(one[0]);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                RequestAsync("shutdown", null).Wait(TimeSpan.FromSeconds(10));
                NotifyAsync("exit", null).Wait(TimeSpan.FromSeconds(5));
                if (!_process.WaitForExit(10_000)) _process.Kill();
            }
        }
        catch (Exception e) when (e is AggregateException or InvalidOperationException or IOException)
        {
        }
        _process.Dispose();
    }
}

using System.Diagnostics;

namespace DjangoLsp.Server.Cli;

/// <summary>
/// A progress bar on stderr, drawn only when stderr is a terminal and the scan has already taken more than a
/// second (short scans and CI logs stay clean).
/// </summary>
public sealed class ProgressBar : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly TextWriter? _writer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private TimeSpan _lastDraw = TimeSpan.MinValue;
    private bool _drawn;

    private ProgressBar(TextWriter? writer) => _writer = writer;

    public static ProgressBar ForStandardError() => new(Console.IsErrorRedirected ? null : Console.Error);

    public void Report(int done, int total)
    {
        if (_writer == null || total == 0) return;
        var elapsed = _clock.Elapsed;
        if (elapsed < Delay) return;
        lock (_gate)
        {
            if (elapsed - _lastDraw < Interval && done < total) return;
            _lastDraw = elapsed;
            const int width = 30;
            var filled = (int)((long)width * done / total);
            _writer.Write($"\r[{new string('#', filled)}{new string(' ', width - filled)}] {100L * done / total,3}% {done}/{total} files");
            _drawn = true;
        }
    }

    /// <summary>Clears the bar so the report starts on a clean line.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (!_drawn || _writer == null) return;
            _writer.Write("\r" + new string(' ', 70) + "\r");
            _drawn = false;
        }
    }

    public void Dispose() => Finish();
}

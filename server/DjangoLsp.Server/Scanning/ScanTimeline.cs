using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace DjangoLsp.Server.Scanning;

/// <summary>
/// Wall-clock timeline of a scan for <c>check --timings</c>: when start-up steps ended (process start to the
/// command, the walk, the engine, the report), and for each analysing thread when it took its first file, when it
/// finished its last one, how long it sat idle between files and what it analysed last. The CPU table says where the
/// work goes; this says whether both cores are busy from the start to the very end of the scan.
/// </summary>
public sealed class ScanTimeline
{
    private readonly DateTime _processStart;
    private readonly long _origin;
    private readonly double _originOffsetMs;
    private readonly ConcurrentQueue<(string Name, double Ms)> _marks = new();
    private readonly ConcurrentDictionary<int, Worker> _workers = new();

    public ScanTimeline()
    {
        _origin = Stopwatch.GetTimestamp();
        try
        {
            _processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
            _originOffsetMs = (DateTime.UtcNow - _processStart).TotalMilliseconds;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            _originOffsetMs = 0;   // no process start time: times count from the command instead
        }
        Mark("command started");
    }

    /// <summary>Milliseconds since the process started.</summary>
    public double Now() => _originOffsetMs + Stopwatch.GetElapsedTime(_origin).TotalMilliseconds;

    /// <summary>Records that <paramref name="name"/> happened now.</summary>
    public void Mark(string name) => _marks.Enqueue((name, Now()));

    /// <summary>Records that <paramref name="name"/> happened at <paramref name="timestamp"/> (a <see cref="Stopwatch.GetTimestamp"/> value).</summary>
    public void MarkAt(string name, long timestamp) =>
        _marks.Enqueue((name, _originOffsetMs - Stopwatch.GetElapsedTime(timestamp, _origin).TotalMilliseconds));

    private sealed class Worker
    {
        public required string Name;
        public double First = -1;
        public double LastEnd;
        public double Busy;
        public double Idle;
        public double LargestGap;
        public double LargestGapAt;
        public int Files;
        public string? LastFile;
        public double LastFileMs;
        public string? LongestFile;
        public double LongestFileMs;
    }

    /// <summary>Runs the analysis of one file on the calling thread, recording when it started and ended.</summary>
    public void Item(string path, Action action)
    {
        var worker = _workers.GetOrAdd(Environment.CurrentManagedThreadId, _ => new Worker { Name = Thread.CurrentThread.Name ?? "main" });
        var start = Now();
        try
        {
            action();
        }
        finally
        {
            var end = Now();
            if (worker.First < 0)
            {
                worker.First = start;
            }
            else
            {
                var gap = start - worker.LastEnd;
                worker.Idle += gap;
                if (gap > worker.LargestGap) (worker.LargestGap, worker.LargestGapAt) = (gap, worker.LastEnd);
            }
            worker.LastEnd = end;
            worker.Busy += end - start;
            worker.Files++;
            worker.LastFile = path;
            worker.LastFileMs = end - start;
            if (end - start > worker.LongestFileMs) (worker.LongestFile, worker.LongestFileMs) = (path, end - start);
        }
    }

    public void Write(TextWriter writer)
    {
        string F(double ms) => ms.ToString("F0", CultureInfo.InvariantCulture);
        writer.WriteLine("timeline (wall ms since the process started)");
        foreach (var (name, ms) in _marks.OrderBy(m => m.Ms)) writer.WriteLine($"  {F(ms),6}  {name}");
        var workers = _workers.Values.OrderBy(w => w.First).ToList();
        if (workers.Count == 0) return;
        var end = workers.Max(w => w.LastEnd);
        foreach (var w in workers)
            writer.WriteLine($"  {w.Name}: files {w.Files}, first at {F(w.First)}, last done at {F(w.LastEnd)} ({F(end - w.LastEnd)} before the end), " +
                             $"busy {F(w.Busy)}, idle between files {F(w.Idle)} (largest gap {F(w.LargestGap)} at {F(w.LargestGapAt)}); " +
                             $"longest {Path.GetFileName(w.LongestFile)} {F(w.LongestFileMs)}, last {Path.GetFileName(w.LastFile)} {F(w.LastFileMs)}");
    }
}

using DjangoLsp.Analysis;
using DjangoLsp.Analysis.Engine;
using DjangoLsp.Server.Scanning;

namespace DjangoLsp.Server.Cli;

/// <summary>
/// The built-in engine, started on another core as the first thing <c>Main</c> does for <c>check</c>. Setting up
/// the command line (System.CommandLine's types, parsing, the command's action) takes the main thread about 50 ms
/// before the command runs; building the analyzers (rule tables, advisories, ~40 ms) needs nothing from it, so
/// the two overlap instead of running one after the other.
/// </summary>
public sealed class EarlyEngine
{
    private EarlyEngine(bool measureCpu)
    {
        var built = new TaskCompletionSource<AnalysisEngine>();
        Task = built.Task;
        // A thread of its own, not the thread pool's: nothing else in `check` uses the pool, and starting it (a
        // worker, the gate thread watching it) would be more start-up work beside the command line's.
        var thread = new Thread(() =>
        {
            try
            {
                var start = measureCpu ? ThreadCpuClock.Nanoseconds() : 0;
                var engine = BuiltInAnalyzers.CreateEngine();
                if (measureCpu) CpuNanoseconds = ThreadCpuClock.Nanoseconds() - start;
                CreatedAt = System.Diagnostics.Stopwatch.GetTimestamp();
                built.SetResult(engine);
            }
            catch (Exception e)
            {
                built.SetException(e);
            }
        })
        { IsBackground = true, Name = "djangolsp engine" };
        thread.Start();
    }

    /// <summary>Starts building the engine when <paramref name="args"/> run <c>check</c> (the only command that needs it at once).</summary>
    public static EarlyEngine? StartFor(string[] args) =>
        args.Length > 0 && args[0] == "check" ? new EarlyEngine(measureCpu: Array.IndexOf(args, "--timings") >= 0) : null;

    /// <summary>The engine being built; faults with what building it threw.</summary>
    public Task<AnalysisEngine> Task { get; }

    /// <summary>Thread CPU time spent building the engine (with <c>--timings</c> only); valid once <see cref="Task"/> completed.</summary>
    public long CpuNanoseconds { get; private set; }

    /// <summary>When the engine was ready (a <see cref="System.Diagnostics.Stopwatch"/> timestamp); valid once <see cref="Task"/> completed.</summary>
    public long CreatedAt { get; private set; }
}

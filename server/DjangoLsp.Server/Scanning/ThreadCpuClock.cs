using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DjangoLsp.Server.Scanning;

/// <summary>
/// CPU time consumed by the calling thread (Linux: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, nanosecond
/// resolution; elsewhere wall time). Used by <c>check --timings</c> and by the benchmarks, where wall time on a shared
/// machine mostly measures waiting for a core.
/// </summary>
public static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static readonly bool UseThreadClock = OperatingSystem.IsLinux() && Probe();

    /// <summary>True when the values are real thread CPU time (false: wall-clock fallback).</summary>
    public static bool IsThreadCpuTime => UseThreadClock;

    private static bool Probe()
    {
        try
        {
            return ClockGetTime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    public static long Nanoseconds()
    {
        if (UseThreadClock && ClockGetTime(ClockThreadCpuTimeId, out var time) == 0)
            return time.Seconds * 1_000_000_000 + time.Nanoseconds;
        return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }

    public static double NowMilliseconds() => Nanoseconds() / 1e6;
}

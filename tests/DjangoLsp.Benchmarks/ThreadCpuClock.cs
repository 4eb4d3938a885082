using System.Runtime.InteropServices;

namespace DjangoLsp.Benchmarks;

/// <summary>
/// CPU time of the calling thread (clock_gettime(CLOCK_THREAD_CPUTIME_ID), nanosecond resolution on Linux):
/// sub-millisecond operations timed on a shared, loaded machine, where wall time mostly measures waiting for a
/// core. Falls back to wall time where the call is unavailable.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);

    private static readonly bool s_available = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>True when the values are real thread CPU time (false: wall-clock fallback).</summary>
    public static bool IsThreadCpuTime => s_available;

    /// <summary>Current thread CPU time in milliseconds.</summary>
    public static double NowMilliseconds()
    {
        if (s_available && TryRead(out double ms)) return ms;
        return System.Diagnostics.Stopwatch.GetTimestamp() * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
    }

    private static bool TryRead(out double milliseconds)
    {
        try
        {
            if (ClockGetTime(ClockThreadCpuTimeId, out var ts) == 0)
            {
                milliseconds = ts.Seconds * 1000.0 + ts.Nanoseconds / 1e6;
                return true;
            }
        }
        catch (DllNotFoundException)
        {
        }
        catch (EntryPointNotFoundException)
        {
        }
        milliseconds = 0;
        return false;
    }
}

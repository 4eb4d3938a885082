using System.Runtime.ExceptionServices;

namespace DjangoLsp.Server.Scanning;

/// <summary>
/// Runs an action over items on one thread per core, taking items strictly in the given order (one at a time, so
/// the caller's ordering decides the schedule). The calling thread works too. Plain threads rather than
/// <c>Parallel.ForEach</c>: a scan is one long burst, and the thread pool's idle workers spinning for work and its
/// chunking of the list cost CPU and balance that a batch run does not need.
/// </summary>
public static class ParallelWork
{
    public static void Run<T>(IReadOnlyList<T> items, CancellationToken cancellationToken, Action<T> action, int? degree = null)
    {
        var next = -1;
        Run(Math.Max(1, items.Count), cancellationToken, action, degree, (out T item) =>
        {
            var i = Interlocked.Increment(ref next);
            item = i < items.Count ? items[i] : default!;
            return i < items.Count;
        });
    }

    /// <summary>Runs <paramref name="action"/> over the files of <paramref name="queue"/>, which a walk may still be filling.</summary>
    public static void Run(ScanQueue queue, CancellationToken cancellationToken, Action<string> action, int? degree = null) =>
        Run(queue.IsComplete ? Math.Max(1, queue.Count) : int.MaxValue, cancellationToken, action, degree,
            (out string path) => queue.TryTake(cancellationToken, out path));

    private delegate bool Take<T>(out T item);

    private static void Run<T>(int maxThreads, CancellationToken cancellationToken, Action<T> action, int? degree, Take<T> take)
    {
        var threads = Math.Clamp(degree ?? Environment.ProcessorCount, 1, maxThreads);
        ExceptionDispatchInfo? failure = null;

        void Work()
        {
            try
            {
                while (Volatile.Read(ref failure) == null && take(out var item))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    action(item);
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
            }
        }

        var helpers = new Thread[threads - 1];
        for (var t = 0; t < helpers.Length; t++)
        {
            // 16 MB: the analysis recurses over syntax trees (deeply nested generated code), as on the main thread.
            helpers[t] = new Thread(Work, 16 * 1024 * 1024) { IsBackground = true, Name = $"djangolsp scan {t + 1}" };
            helpers[t].Start();
        }
        Work();
        foreach (var helper in helpers) helper.Join();
        failure?.Throw();
    }
}

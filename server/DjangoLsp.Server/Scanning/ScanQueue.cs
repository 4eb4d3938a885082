namespace DjangoLsp.Server.Scanning;

/// <summary>
/// The files of a scan, handed out largest first (ties in path order) among those found so far, while a folder walk
/// may still be adding more. Analysis starts on the first files found instead of waiting for the whole walk (Django's
/// tree: 2,500 folders, about 0.1 s of serial start-up). Once the walk is done every remaining file is taken largest
/// first, so the end of the scan stays balanced: a big file is never left to one thread at the end.
/// </summary>
public sealed class ScanQueue
{
    // The priority is a class: a queue keyed by a value tuple is generic code that the precompiled framework lacks
    // (JIT-compiled when the scan starts).
    private sealed record Rank(long Size, string Path);

    private static readonly Comparer<Rank> LargestFirst = Comparer<Rank>.Create(
        (a, b) => a.Size != b.Size ? b.Size.CompareTo(a.Size) : string.CompareOrdinal(a.Path, b.Path));

    private readonly PriorityQueue<string, Rank> _waiting = new(LargestFirst);
    private readonly object _gate = new();
    private int _added;
    private bool _complete;

    /// <summary>A queue holding <paramref name="files"/> and nothing more.</summary>
    public static ScanQueue Of(IEnumerable<(string Path, long Size)> files)
    {
        var queue = new ScanQueue();
        foreach (var (path, size) in files) queue.Add(path, size);
        queue.Complete();
        return queue;
    }

    /// <summary>Files added so far (all of them once <see cref="IsComplete"/>).</summary>
    public int Count
    {
        get { lock (_gate) return _added; }
    }

    public bool IsComplete
    {
        get { lock (_gate) return _complete; }
    }

    public void Add(string path, long size)
    {
        lock (_gate)
        {
            if (_complete) throw new InvalidOperationException("the scan queue is complete");
            _waiting.Enqueue(path, new Rank(size, path));
            _added++;
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>No more files will be added: threads waiting for one stop once the queue is empty.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _complete = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The largest waiting file; waits while the queue is empty but not complete. False when all files are taken.</summary>
    public bool TryTake(CancellationToken cancellationToken, out string path)
    {
        lock (_gate)
        {
            while (_waiting.Count == 0 && !_complete)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Monitor.Wait(_gate, 50);   // woken by Add or Complete; the timeout only notices cancellation
            }
            return _waiting.TryDequeue(out path!, out _);
        }
    }
}

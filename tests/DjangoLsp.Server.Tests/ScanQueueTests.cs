using System.Collections.Concurrent;
using DjangoLsp.Server.Scanning;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

/// <summary>The scan queue a walk fills while workers take from it: largest first, nothing lost, waiting until the walk ends.</summary>
public class ScanQueueTests
{
    [Test]
    public void Files_are_taken_largest_first_with_ties_in_path_order()
    {
        var queue = ScanQueue.Of(new[] { ("b.py", 10L), ("small.py", 1L), ("big.py", 500L), ("a.py", 10L) });
        var order = new List<string>();
        while (queue.TryTake(CancellationToken.None, out var path)) order.Add(path);
        Assert.That(order, Is.EqualTo(new[] { "big.py", "a.py", "b.py", "small.py" }));
        Assert.That(queue.Count, Is.EqualTo(4));
    }

    [Test]
    public void Workers_wait_for_files_still_being_found_and_stop_when_the_walk_completes()
    {
        var queue = new ScanQueue();
        var seen = new ConcurrentBag<string>();
        var walk = new Thread(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                queue.Add($"f{i:D3}.py", i % 7);
                if (i % 50 == 0) Thread.Sleep(5);   // workers run dry and must wait, not stop
            }
            queue.Complete();
        });
        walk.Start();
        ParallelWork.Run(queue, CancellationToken.None, seen.Add, degree: 3);
        walk.Join();
        Assert.That(seen.Order(StringComparer.Ordinal), Is.EqualTo(Enumerable.Range(0, 500).Select(i => $"f{i:D3}.py")));
        Assert.That(queue.Count, Is.EqualTo(500));
    }

    [Test]
    public void A_waiting_worker_notices_cancellation()
    {
        var queue = new ScanQueue();   // never completed: a walk that hangs
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        Assert.That(() => ParallelWork.Run(queue, cts.Token, _ => { }, degree: 2), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Nothing_can_be_added_after_completion()
    {
        var queue = ScanQueue.Of(Array.Empty<(string, long)>());
        Assert.That(queue.TryTake(CancellationToken.None, out _), Is.False);
        Assert.That(() => queue.Add("late.py", 1), Throws.InvalidOperationException);
    }
}

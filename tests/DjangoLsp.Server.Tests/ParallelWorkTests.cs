using System.Collections.Concurrent;
using DjangoLsp.Server.Scanning;
using NUnit.Framework;

namespace DjangoLsp.Server.Tests;

/// <summary>The scan's thread loop: every item exactly once, in the given order per taker, failures and cancellation surface.</summary>
public class ParallelWorkTests
{
    [Test]
    public void Every_item_runs_exactly_once_on_several_threads()
    {
        var items = Enumerable.Range(0, 2000).ToArray();
        var seen = new ConcurrentDictionary<int, int>();
        var threads = new ConcurrentDictionary<int, byte>();
        ParallelWork.Run(items, CancellationToken.None, i =>
        {
            seen.AddOrUpdate(i, 1, (_, n) => n + 1);
            threads[Environment.CurrentManagedThreadId] = 0;
            Thread.SpinWait(200);
        }, degree: 3);
        Assert.That(seen.Keys.Order(), Is.EqualTo(items));
        Assert.That(seen.Values.All(n => n == 1), Is.True);
        Assert.That(threads.Count, Is.InRange(1, 3));
    }

    [Test]
    public void Items_are_taken_in_the_given_order()
    {
        var order = new List<string>();
        ParallelWork.Run(new[] { "big.py", "medium.py", "small.py" }, CancellationToken.None, order.Add, degree: 1);
        Assert.That(order, Is.EqualTo(new[] { "big.py", "medium.py", "small.py" }));
    }

    [Test]
    public void A_failure_stops_the_work_and_is_rethrown_with_its_type()
    {
        var ran = 0;
        var e = Assert.Throws<InvalidOperationException>(() => ParallelWork.Run(Enumerable.Range(0, 10_000).ToArray(), CancellationToken.None, i =>
        {
            Interlocked.Increment(ref ran);
            if (i == 5) throw new InvalidOperationException("broken rule");
        }, degree: 2));
        Assert.That(e!.Message, Is.EqualTo("broken rule"));
        Assert.That(ran, Is.LessThan(10_000), "the other threads stop taking items");
    }

    [Test]
    public void Cancellation_surfaces_as_operation_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var ran = 0;
        Assert.That(() => ParallelWork.Run(Enumerable.Range(0, 10_000).ToArray(), cts.Token, i =>
        {
            if (Interlocked.Increment(ref ran) == 10) cts.Cancel();
        }), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(ran, Is.LessThan(10_000));
    }

    [Test]
    public void No_items_and_one_item_need_no_helper_threads()
    {
        ParallelWork.Run(Array.Empty<int>(), CancellationToken.None, _ => Assert.Fail("no items"));
        var thread = -1;
        ParallelWork.Run(new[] { 1 }, CancellationToken.None, _ => thread = Environment.CurrentManagedThreadId);
        Assert.That(thread, Is.EqualTo(Environment.CurrentManagedThreadId));
    }
}

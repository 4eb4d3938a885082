using System.Diagnostics.Tracing;

namespace DjangoLsp.Benchmarks;

/// <summary>
/// In-process allocation sampler: listens to the runtime's GCAllocationTick events (one per ~100 KB allocated)
/// and sums the sampled bytes per type name, so a console mode can say where the allocation goes without an
/// external profiler.
/// </summary>
internal sealed class AllocationProfiler : EventListener
{
    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private bool _enabled;

    public void Start() => _enabled = true;

    public void Stop() => _enabled = false;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // Keyword 0x1 = GC; verbose level includes GCAllocationTick.
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_enabled || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        int typeIndex = e.PayloadNames!.IndexOf("TypeName");
        int amountIndex = e.PayloadNames.IndexOf("AllocationAmount64");
        if (typeIndex < 0 || amountIndex < 0) return;
        var type = e.Payload[typeIndex] as string ?? "?";
        long amount = Convert.ToInt64(e.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture);
        lock (_bytesByType)
        {
            _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
        }
    }

    public void Print(long sourceBytes, int top)
    {
        lock (_bytesByType)
        {
            foreach (var (type, bytes) in _bytesByType.OrderByDescending(kv => kv.Value).Take(top))
            {
                Console.WriteLine($"{bytes / (double)sourceBytes,6:F2} B/B  {type}");
            }
        }
    }
}

using System.Runtime.CompilerServices;
using DjangoLsp.Python.Syntax.Green;

namespace DjangoLsp.Python.Syntax.Parsing;

/// <summary>
/// A reusable buffer for the children of a list node (Roslyn's SyntaxListBuilder): the parser rents one per list
/// it builds and hands it back when the exact-size list node is made, so no List&lt;T&gt; and no growing arrays are
/// allocated per list. Rented from a per-thread pool.
/// </summary>
internal sealed class GreenListBuilder
{
    [ThreadStatic]
    private static LocalList<GreenListBuilder>? t_pool;

    /// <summary>
    /// This thread's pool of free builders. The parser fetches it once and passes it to <see cref="Rent"/> and
    /// <see cref="Free"/>: in ReadyToRun code each thread-static access is a helper call, and a CoreLib
    /// <c>Stack&lt;T&gt;</c>'s TryPop/Push are calls that are never inlined; lists are rented several times per statement.
    /// </summary>
    public static LocalList<GreenListBuilder> PoolForCurrentThread => t_pool ??= new LocalList<GreenListBuilder>();

    private GreenNode?[] _items = new GreenNode?[8];

    public int Count { get; private set; }

    public static GreenListBuilder Rent(LocalList<GreenListBuilder> pool)
    {
        int last = pool.Count - 1;
        if (last < 0) return new GreenListBuilder();
        var builder = pool[last];
        pool.RemoveAt(last);
        return builder;
    }

    public GreenNode this[int index]
    {
        get => (uint)index < (uint)Count ? _items[index]! : throw new ArgumentOutOfRangeException(nameof(index));
        set
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            _items[index] = value;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(GreenNode item)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        // The array is exactly GreenNode?[] (made here), so the covariance check of a plain element store is not needed.
        System.Runtime.CompilerServices.Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_items), Count++) = item;
    }

    public ReadOnlySpan<GreenNode?> AsSpan() => _items.AsSpan(0, Count);

    /// <summary>Clears the builder (so it keeps no tree alive) and returns it to <paramref name="pool"/>; it must not be used afterwards.</summary>
    public void Free(LocalList<GreenListBuilder> pool)
    {
        Array.Clear(_items, 0, Count);
        Count = 0;
        // Very large buffers (a module with thousands of statements) are not worth keeping.
        if (_items.Length > 4096) _items = new GreenNode?[8];
        pool.Add(this);
    }
}

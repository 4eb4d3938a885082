namespace DjangoLsp.Python.Syntax.Parsing;

/// <summary>
/// The part of <see cref="List{T}"/> the lexer's bracket and f-string stacks use, compiled into this assembly.
/// </summary>
/// <remarks>
/// In the ReadyToRun build, <c>List&lt;T&gt;</c> over this assembly's value types (<c>List&lt;Lexer.Mode&gt;</c>) has no
/// precompiled code: it was JIT-compiled at start-up and every <c>Count</c> read was a call through a stub; over
/// <c>char</c>/<c>int</c> it is CoreLib code, which ReadyToRun code calls but never inlines. The lexer reads these
/// counts for every token.
/// </remarks>
internal sealed class LocalList<T>
{
    private T[] _items = new T[8];
    private int _count;

    public int Count => _count;

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
            return _items[index];
        }
        set
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
            _items[index] = value;
        }
    }

    public void Add(T item)
    {
        if (_count == _items.Length) Array.Resize(ref _items, _count * 2);
        _items[_count++] = item;
    }

    /// <summary>Removes the item at <paramref name="index"/>, which must be the last one (the lists are stacks).</summary>
    public void RemoveAt(int index)
    {
        if (index != _count - 1) throw new ArgumentOutOfRangeException(nameof(index), "only the last item can be removed");
        _items[--_count] = default!;
    }

    /// <summary>Copies the items to <paramref name="destination"/> from index 0.</summary>
    public void CopyTo(T[] destination) => Array.Copy(_items, destination, _count);

    public T[] ToArray()
    {
        var result = new T[_count];
        Array.Copy(_items, result, _count);
        return result;
    }

    public void Clear()
    {
        Array.Clear(_items, 0, _count);
        _count = 0;
    }
}

using System.Collections;

namespace DjangoLsp.Analysis.Taint;

/// <summary>
/// The data-flow state at one point of a function: variable (or dotted/subscript key) → taint. Immutable, an array of
/// entries sorted by key (ordinal). States hold a few dozen keys at most and are copied at every assignment and joined at
/// every merge point of every pass, so a flat array (one allocation per change, linear merges, no hashing) is much
/// cheaper than a hash-trie dictionary here.
/// </summary>
internal sealed class TaintState : IEnumerable<KeyValuePair<string, TaintValue>>
{
    public static readonly TaintState Empty = new(Array.Empty<KeyValuePair<string, TaintValue>>());

    private readonly KeyValuePair<string, TaintValue>[] _entries;

    private TaintState(KeyValuePair<string, TaintValue>[] entries) => _entries = entries;

    public int Count => _entries.Length;

    public bool TryGetValue(string key, out TaintValue value)
    {
        var index = IndexOf(key);
        if (index >= 0)
        {
            value = _entries[index].Value;
            return true;
        }
        value = default;
        return false;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>This state with <paramref name="key"/> bound to <paramref name="value"/> (this one when nothing changes).</summary>
    public TaintState SetItem(string key, TaintValue value)
    {
        var index = IndexOf(key);
        if (index >= 0)
        {
            var old = _entries[index].Value;
            if (old.Bits == value.Bits && ReferenceEquals(old.Trace, value.Trace)) return this;
            var copy = (KeyValuePair<string, TaintValue>[])_entries.Clone();
            copy[index] = new(key, value);
            return new TaintState(copy);
        }
        var at = ~index;
        var entries = new KeyValuePair<string, TaintValue>[_entries.Length + 1];
        Array.Copy(_entries, 0, entries, 0, at);
        entries[at] = new(key, value);
        Array.Copy(_entries, at, entries, at + 1, _entries.Length - at);
        return new TaintState(entries);
    }

    public TaintState Remove(string key)
    {
        var index = IndexOf(key);
        if (index < 0) return this;
        if (_entries.Length == 1) return Empty;
        var entries = new KeyValuePair<string, TaintValue>[_entries.Length - 1];
        Array.Copy(_entries, 0, entries, 0, index);
        Array.Copy(_entries, index + 1, entries, index, _entries.Length - index - 1);
        return new TaintState(entries);
    }

    /// <summary>
    /// Both states merged: keys of both sides, <see cref="TaintValue.Join"/> (<paramref name="a"/>'s value first) where both
    /// have one; a key missing on one side keeps the other side's value.
    /// </summary>
    public static TaintState Union(TaintState a, TaintState b)
    {
        if (ReferenceEquals(a, b) || b._entries.Length == 0) return a;
        if (a._entries.Length == 0) return b;
        var x = a._entries;
        var y = b._entries;
        var merged = new KeyValuePair<string, TaintValue>[x.Length + y.Length];
        int i = 0, j = 0, n = 0;
        var sameAsA = true;
        while (i < x.Length && j < y.Length)
        {
            var order = string.CompareOrdinal(x[i].Key, y[j].Key);
            if (order < 0) merged[n++] = x[i++];
            else if (order > 0)
            {
                merged[n++] = y[j++];
                sameAsA = false;
            }
            else
            {
                var joined = TaintValue.Join(x[i].Value, y[j].Value);
                if (joined.Bits != x[i].Value.Bits || !ReferenceEquals(joined.Trace, x[i].Value.Trace)) sameAsA = false;
                merged[n++] = new(x[i].Key, joined);
                i++;
                j++;
            }
        }
        while (i < x.Length) merged[n++] = x[i++];
        if (j < y.Length) sameAsA = false;
        while (j < y.Length) merged[n++] = y[j++];
        if (sameAsA) return a;
        if (n < merged.Length) Array.Resize(ref merged, n);
        return new TaintState(merged);
    }

    /// <summary>The same keys with the same taint bits (traces do not change convergence).</summary>
    public static bool SameTaint(TaintState a, TaintState b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a._entries.Length != b._entries.Length) return false;
        for (var i = 0; i < a._entries.Length; i++)
        {
            if (!string.Equals(a._entries[i].Key, b._entries[i].Key, StringComparison.Ordinal)) return false;
            if (a._entries[i].Value.Bits != b._entries[i].Value.Bits) return false;
        }
        return true;
    }

    private int IndexOf(string key)
    {
        int low = 0, high = _entries.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >> 1;
            var order = string.CompareOrdinal(_entries[middle].Key, key);
            if (order == 0) return middle;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return ~low;
    }

    public Enumerator GetEnumerator() => new(_entries);

    IEnumerator<KeyValuePair<string, TaintValue>> IEnumerable<KeyValuePair<string, TaintValue>>.GetEnumerator() => ((IEnumerable<KeyValuePair<string, TaintValue>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    public struct Enumerator
    {
        private readonly KeyValuePair<string, TaintValue>[] _entries;
        private int _index;

        internal Enumerator(KeyValuePair<string, TaintValue>[] entries)
        {
            _entries = entries;
            _index = -1;
        }

        public KeyValuePair<string, TaintValue> Current => _entries[_index];

        public bool MoveNext() => ++_index < _entries.Length;
    }
}

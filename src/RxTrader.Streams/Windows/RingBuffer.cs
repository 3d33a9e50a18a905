using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace RxTrader.Streams.Windows;

/// <summary>The last <c>capacity</c> values, overwriting the oldest; copied out as immutable snapshots.</summary>
internal sealed class RingBuffer<T>(int capacity)
{
    private readonly T[] _items = new T[capacity];
    private int _next;
    private int _count;

    public bool IsFull => _count == _items.Length;

    public void Add(T value)
    {
        _items[_next] = value;
        _next = _next + 1 == _items.Length ? 0 : _next + 1;
        if (_count < _items.Length)
        {
            _count++;
        }
    }

    /// <summary>The values oldest first, in a fresh array no one else holds: O(count) time and memory.</summary>
    public ImmutableArray<T> Snapshot()
    {
        var copy = new T[_count];
        var start = IsFull ? _next : 0;
        var tail = Math.Min(_count, _items.Length - start);
        Array.Copy(_items, start, copy, 0, tail);
        Array.Copy(_items, 0, copy, tail, _count - tail);

        // The array never escapes elsewhere, so wrapping it without a second copy keeps the snapshot immutable.
        return ImmutableCollectionsMarshal.AsImmutableArray(copy);
    }
}

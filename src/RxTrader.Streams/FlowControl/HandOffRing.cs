namespace RxTrader.Streams.FlowControl;

/// <summary>
/// A fixed-capacity FIFO on one array allocated up front. Items never move, so a slot number stays valid while its
/// item is queued (the conflation index relies on that). Not thread-safe: the owner's gate guards it.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <param name="capacity">The number of slots; positive.</param>
internal sealed class HandOffRing<T>(int capacity)
{
    private T[] _items = new T[capacity];
    private int _head;

    /// <summary>Gets the number of queued items.</summary>
    public int Count { get; private set; }

    /// <summary>Gets a value indicating whether every slot is taken.</summary>
    public bool IsFull => Count == _items.Length;

    /// <summary>Appends an item; the caller checked <see cref="IsFull"/>.</summary>
    /// <returns>The slot the item went to.</returns>
    public int Enqueue(T item)
    {
        var slot = _head + Count;
        if (slot >= _items.Length)
        {
            slot -= _items.Length;
        }

        _items[slot] = item;
        Count++;
        return slot;
    }

    /// <summary>Removes the oldest item; the caller checked <see cref="Count"/>.</summary>
    /// <param name="slot">The slot it occupied.</param>
    public T Dequeue(out int slot)
    {
        slot = _head;
        var item = _items[slot];
        _items[slot] = default!; // Do not keep a delivered item alive.
        _head = slot + 1 == _items.Length ? 0 : slot + 1;
        Count--;
        return item;
    }

    /// <summary>Overwrites a queued item in place.</summary>
    /// <returns>The item it replaced.</returns>
    public T Replace(int slot, T item)
    {
        var replaced = _items[slot];
        _items[slot] = item;
        return replaced;
    }

    /// <summary>Drops the buffer; the ring is empty and unusable afterwards.</summary>
    public void Release()
    {
        _items = [];
        _head = 0;
        Count = 0;
    }
}

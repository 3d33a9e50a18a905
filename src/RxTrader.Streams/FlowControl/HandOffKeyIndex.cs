namespace RxTrader.Streams.FlowControl;

/// <summary>
/// Maps each queued conflation key to the ring slot of its item. Sized for the ring's capacity at construction and
/// never holds more keys than the ring holds items, so it does not grow or allocate after that.
/// Not thread-safe: the owner's gate guards it.
/// </summary>
/// <typeparam name="TKey">The conflation key type.</typeparam>
/// <param name="capacity">The ring's capacity.</param>
internal sealed class HandOffKeyIndex<TKey>(int capacity)
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _slotByKey = new(capacity);
    private readonly TKey[] _keyBySlot = new TKey[capacity];

    /// <summary>Finds the slot of the queued item with this key.</summary>
    public bool TryGetSlot(TKey key, out int slot) => _slotByKey.TryGetValue(key, out slot);

    /// <summary>Records that the item with this key was queued in this slot.</summary>
    public void Add(TKey key, int slot)
    {
        _slotByKey.Add(key, slot);
        _keyBySlot[slot] = key;
    }

    /// <summary>Forgets the key of the item that left this slot.</summary>
    public void Remove(int slot)
    {
        _slotByKey.Remove(_keyBySlot[slot]);
        _keyBySlot[slot] = default!;
    }
}

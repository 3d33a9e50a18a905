namespace RxTrader.Trading.Caches;

/// <summary>Applies edits to the cache's dictionary (under the cache's lock) and records each as a change.</summary>
internal sealed class CacheUpdater<TKey, TValue>(Dictionary<TKey, TValue> items, Func<TValue, TKey> keySelector)
    : ICacheUpdater<TKey, TValue>
    where TKey : notnull
{
    private readonly List<Change<TKey, TValue>> _changes = [];

    public int Count => items.Count;

    public int ChangeCount => _changes.Count;

    public void AddOrUpdate(TValue value) => _changes.Add(Write(items, keySelector, value));

    public void AddOrUpdate(IEnumerable<TValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            AddOrUpdate(value);
        }
    }

    public bool Remove(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!items.Remove(key, out var removed))
        {
            return false;
        }

        _changes.Add(Change<TKey, TValue>.Remove(key, removed));
        return true;
    }

    public void Clear()
    {
        foreach (var pair in items)
        {
            _changes.Add(Change<TKey, TValue>.Remove(pair.Key, pair.Value));
        }

        items.Clear();
    }

    public bool TryGetValue(TKey key, out TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        return items.TryGetValue(key, out value!);
    }

    public Change<TKey, TValue>[] TakeChanges() => [.. _changes];

    internal static Change<TKey, TValue> Write(Dictionary<TKey, TValue> items, Func<TValue, TKey> keySelector, TValue value)
    {
        var key = keySelector(value);
        ArgumentNullException.ThrowIfNull(key, nameof(keySelector));
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(items, key, out var existed);
        var previous = slot;
        slot = value;
        return existed ? Change<TKey, TValue>.Update(key, value, previous!) : Change<TKey, TValue>.Add(key, value);
    }
}

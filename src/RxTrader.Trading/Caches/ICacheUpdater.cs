namespace RxTrader.Trading.Caches;

/// <summary>
/// The writer handed to <see cref="ObservableCache{TKey, TValue}.Edit"/>: every change made through it is published
/// as one <see cref="ChangeSet{TKey, TValue}"/> when the edit ends.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public interface ICacheUpdater<TKey, TValue>
    where TKey : notnull
{
    /// <summary>The number of items, including the changes made so far in this edit.</summary>
    int Count { get; }

    /// <summary>Adds <paramref name="value"/> under its key, or replaces the value held there.</summary>
    /// <param name="value">The value.</param>
    void AddOrUpdate(TValue value);

    /// <summary>Adds or replaces each of <paramref name="values"/>, in order.</summary>
    /// <param name="values">The values.</param>
    void AddOrUpdate(IEnumerable<TValue> values);

    /// <summary>Removes <paramref name="key"/> if present.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether the key was present.</returns>
    bool Remove(TKey key);

    /// <summary>Removes every item.</summary>
    void Clear();

    /// <summary>Looks up <paramref name="key"/>, seeing the changes made so far in this edit.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, when present.</param>
    /// <returns>Whether the key is present.</returns>
    bool TryGetValue(TKey key, out TValue value);
}

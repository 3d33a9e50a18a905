namespace RxTrader.Trading.Caches;

/// <summary>One change of one key, as carried by a <see cref="ChangeSet{TKey, TValue}"/>.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public readonly record struct Change<TKey, TValue>
    where TKey : notnull
{
    /// <summary>Creates a change.</summary>
    /// <param name="reason">What happened.</param>
    /// <param name="key">The key that changed.</param>
    /// <param name="current">The value after the change (for a remove, the removed value).</param>
    /// <param name="previous">The value before (for an update, the replaced value; for a remove, the removed value).</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not a defined value.</exception>
    public Change(ChangeReason reason, TKey key, TValue current, TValue? previous = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if ((uint)reason > (uint)ChangeReason.Remove)
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a defined change reason.");
        }

        Reason = reason;
        Key = key;
        Current = current;
        Previous = previous;
    }

    /// <summary>What happened.</summary>
    public ChangeReason Reason { get; }

    /// <summary>The key that changed.</summary>
    public TKey Key { get; }

    /// <summary>
    /// The value after the change; for <see cref="ChangeReason.Remove"/>, the value that was removed
    /// (as in DynamicData, so a consumer can always read the item a change is about).
    /// </summary>
    public TValue Current { get; }

    /// <summary>
    /// The value before the change: the replaced value for <see cref="ChangeReason.Update"/>, the removed value for
    /// <see cref="ChangeReason.Remove"/>, <see langword="default"/> for <see cref="ChangeReason.Add"/>.
    /// </summary>
    public TValue? Previous { get; }

    internal static Change<TKey, TValue> Add(TKey key, TValue current) => new(ChangeReason.Add, key, current, default);

    internal static Change<TKey, TValue> Update(TKey key, TValue current, TValue previous) =>
        new(ChangeReason.Update, key, current, previous);

    internal static Change<TKey, TValue> Remove(TKey key, TValue removed) => new(ChangeReason.Remove, key, removed, removed);
}

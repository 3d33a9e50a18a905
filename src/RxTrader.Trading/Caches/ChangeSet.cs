using System.Collections;

namespace RxTrader.Trading.Caches;

/// <summary>
/// An immutable batch of changes produced by one edit of an <see cref="ObservableCache{TKey, TValue}"/>, in the order
/// they were made. Replaying change sets in order onto an empty dictionary rebuilds the cache.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class ChangeSet<TKey, TValue> : IReadOnlyList<Change<TKey, TValue>>
    where TKey : notnull
{
    private readonly Change<TKey, TValue>[] _changes;

    /// <summary>Creates a change set holding a copy of <paramref name="changes"/>.</summary>
    /// <param name="changes">The changes, in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is null.</exception>
    public ChangeSet(IEnumerable<Change<TKey, TValue>> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        _changes = [.. changes];
    }

    // Takes ownership of the array: only for callers that never touch it again.
    private ChangeSet(Change<TKey, TValue>[] changes) => _changes = changes;

    /// <summary>The number of changes.</summary>
    public int Count => _changes.Length;

    /// <summary>The number of <see cref="ChangeReason.Add"/> changes.</summary>
    public int Adds => CountOf(ChangeReason.Add);

    /// <summary>The number of <see cref="ChangeReason.Update"/> changes.</summary>
    public int Updates => CountOf(ChangeReason.Update);

    /// <summary>The number of <see cref="ChangeReason.Remove"/> changes.</summary>
    public int Removes => CountOf(ChangeReason.Remove);

    /// <summary>The change at <paramref name="index"/>.</summary>
    /// <param name="index">The position, from 0.</param>
    public Change<TKey, TValue> this[int index] => _changes[index];

    /// <summary>Enumerates the changes in order.</summary>
    /// <returns>An enumerator.</returns>
    public IEnumerator<Change<TKey, TValue>> GetEnumerator() => ((IEnumerable<Change<TKey, TValue>>)_changes).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal static ChangeSet<TKey, TValue> Own(Change<TKey, TValue>[] changes) => new(changes);

    private int CountOf(ChangeReason reason)
    {
        var count = 0;
        foreach (var change in _changes)
        {
            if (change.Reason == reason)
            {
                count++;
            }
        }

        return count;
    }
}

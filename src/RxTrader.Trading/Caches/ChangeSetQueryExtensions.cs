using System.Reactive.Linq;

namespace RxTrader.Trading.Caches;

/// <summary>The <c>QueryWhenChanged</c> operator on change-set streams.</summary>
public static class ChangeSetQueryExtensions
{
    /// <summary>The whole collection after each change set, as an immutable snapshot.</summary>
    /// <remarks>
    /// OnNext: after each change set, a new dictionary holding every key and value downstream of it so far (each
    /// snapshot is a copy: keeping one is safe, and costs one dictionary per change set). OnError: passes through.
    /// OnCompleted: passes through. Disposal: disposes the source subscription.
    /// </remarks>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="source">The change sets.</param>
    /// <returns>The snapshots.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static IObservable<IReadOnlyDictionary<TKey, TValue>> QueryWhenChanged<TKey, TValue>(
        this IObservable<ChangeSet<TKey, TValue>> source)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        return Observable.Defer(() =>
        {
            var items = new Dictionary<TKey, TValue>();
            return source.Select(set =>
            {
                foreach (var change in set)
                {
                    if (change.Reason == ChangeReason.Remove)
                    {
                        items.Remove(change.Key);
                    }
                    else
                    {
                        items[change.Key] = change.Current;
                    }
                }

                return (IReadOnlyDictionary<TKey, TValue>)new Dictionary<TKey, TValue>(items);
            });
        });
    }
}

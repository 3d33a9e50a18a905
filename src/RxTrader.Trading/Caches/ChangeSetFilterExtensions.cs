using System.Reactive.Linq;

namespace RxTrader.Trading.Caches;

/// <summary>The <c>Filter</c> operator on change-set streams.</summary>
public static class ChangeSetFilterExtensions
{
    /// <summary>Keeps the items that satisfy <paramref name="predicate"/>, keeping the downstream consistent.</summary>
    /// <remarks>
    /// OnNext: per change — an add passes if the new value matches; an update becomes an update (both match), an
    /// add (it enters the filter), a remove (it leaves, carrying the value downstream last saw) or nothing; a remove
    /// passes if the key is downstream. The previous value of a passed update is the one downstream last saw.
    /// Change sets that end up empty are not emitted. OnError: passes through; also when
    /// <paramref name="predicate"/> throws. OnCompleted: passes through. Disposal: disposes the source subscription.
    /// </remarks>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="source">The change sets.</param>
    /// <param name="predicate">Which values to keep.</param>
    /// <returns>The filtered change sets.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="predicate"/> is null.</exception>
    public static IObservable<ChangeSet<TKey, TValue>> Filter<TKey, TValue>(
        this IObservable<ChangeSet<TKey, TValue>> source, Func<TValue, bool> predicate)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(predicate);
        return Observable.Create<ChangeSet<TKey, TValue>>(observer =>
            source.Subscribe(new ChangeSetFilter<TKey, TValue>(observer, predicate)));
    }
}

using System.Reactive.Linq;

namespace RxTrader.Trading.Caches;

/// <summary>The <c>Transform</c> operator on change-set streams.</summary>
public static class ChangeSetTransformExtensions
{
    /// <summary>Projects every value to <typeparamref name="TResult"/>, keeping the keys.</summary>
    /// <remarks>
    /// OnNext: per change — an add becomes an add of the projected value; an update projects the new value again
    /// and carries the previously projected one as previous; a remove carries the projected value downstream holds
    /// (the selector is not called). OnError: passes through; also when <paramref name="selector"/> throws.
    /// OnCompleted: passes through. Disposal: disposes the source subscription.
    /// </remarks>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The source value type.</typeparam>
    /// <typeparam name="TResult">The projected value type.</typeparam>
    /// <param name="source">The change sets.</param>
    /// <param name="selector">The projection.</param>
    /// <returns>The projected change sets.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="selector"/> is null.</exception>
    public static IObservable<ChangeSet<TKey, TResult>> Transform<TKey, TValue, TResult>(
        this IObservable<ChangeSet<TKey, TValue>> source, Func<TValue, TResult> selector)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(selector);
        return Observable.Create<ChangeSet<TKey, TResult>>(observer =>
            source.Subscribe(new ChangeSetTransform<TKey, TValue, TResult>(observer, selector)));
    }
}

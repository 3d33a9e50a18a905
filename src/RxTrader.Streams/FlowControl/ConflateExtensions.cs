using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace RxTrader.Streams.FlowControl;

/// <summary>Rate-limits a stream to its latest value: at most one element per period, the last one never lost.</summary>
public static class ConflateExtensions
{
    /// <summary>Delivers at most one element per <paramref name="period"/>, always the latest one.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The stream to conflate.</param>
    /// <param name="period">The minimum time between two delivered elements (e.g. 125 ms for a dashboard).</param>
    /// <param name="scheduler">Runs the period timers and is the only source of time.</param>
    /// <returns>The conflated stream.</returns>
    /// <remarks>
    /// <list type="bullet">
    /// <item><b>OnNext</b>: when idle, the element is delivered at once and a period opens. Elements arriving
    /// during the period overwrite one pending slot. When the period ends, the pending element (if any) is
    /// delivered and a new period opens; a period ending with nothing pending returns to idle.</item>
    /// <item><b>OnError</b>: the pending element is delivered first, then the error, so the last value is
    /// never lost.</item>
    /// <item><b>OnCompleted</b>: the pending element is delivered first, then completion.</item>
    /// <item><b>Disposal</b>: the period timer is cancelled and nothing is delivered afterwards.</item>
    /// </list>
    /// Notifications are delivered while holding the subscription's gate (as Rx's <c>Throttle</c> does), so a
    /// producer on another thread than <paramref name="scheduler"/> never causes overlapping calls.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="scheduler"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public static IObservable<T> Conflate<T>(this IObservable<T> source, TimeSpan period, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(scheduler);

        return Observable.Create<T>(observer =>
        {
            var conflate = new Conflate<T>(observer, period, scheduler);
            return StableCompositeDisposable.Create(conflate, source.SubscribeSafe(conflate));
        });
    }

    /// <summary>
    /// Delivers at most one element per <paramref name="period"/> and key, always the key's latest one; keys are
    /// conflated independently (e.g. one period per symbol).
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="source">The stream to conflate.</param>
    /// <param name="keySelector">Gives the key of an element.</param>
    /// <param name="period">The minimum time between two delivered elements of one key.</param>
    /// <param name="scheduler">Runs the period timers and is the only source of time.</param>
    /// <returns>The conflated stream.</returns>
    /// <remarks>
    /// <list type="bullet">
    /// <item><b>OnNext</b>: per key, exactly as <see cref="Conflate{T}(IObservable{T}, TimeSpan, IScheduler)"/>.
    /// A key whose period ends with nothing pending returns to idle and its state is removed, so memory is
    /// bounded by the keys active within one period. If <paramref name="keySelector"/> throws, the sequence
    /// ends as on <b>OnError</b> with that exception.</item>
    /// <item><b>OnError</b>: the pending elements of all keys are delivered in the order in which they arrived,
    /// then the error.</item>
    /// <item><b>OnCompleted</b>: the pending elements of all keys are delivered in the order in which they
    /// arrived, then completion.</item>
    /// <item><b>Disposal</b>: every key's timer is cancelled and nothing is delivered afterwards.</item>
    /// </list>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="keySelector"/> or
    /// <paramref name="scheduler"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public static IObservable<T> Conflate<T, TKey>(
        this IObservable<T> source, Func<T, TKey> keySelector, TimeSpan period, IScheduler scheduler)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(keySelector);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(scheduler);

        return Observable.Create<T>(observer =>
        {
            var conflate = new ConflateByKey<T, TKey>(observer, keySelector, period, scheduler);
            return StableCompositeDisposable.Create(conflate, source.SubscribeSafe(conflate));
        });
    }
}

using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using RxTrader.Core.Connectivity;

namespace RxTrader.Streams.FlowControl;

/// <summary>Watches a stream for silence and reports it as <see cref="Stale"/> / <see cref="Fresh"/> events.</summary>
public static class StaleDetectionExtensions
{
    /// <summary>
    /// Emits <see cref="Stale"/> when <paramref name="source"/> delivers nothing for <paramref name="timeout"/>, and
    /// <see cref="Fresh"/> when it delivers again after that. Only transitions are emitted.
    /// </summary>
    /// <typeparam name="T">The element type of the watched stream; elements are not passed on.</typeparam>
    /// <param name="source">The stream to watch.</param>
    /// <param name="timeout">The silence after which the stream is stale (e.g. 4 s for prices).</param>
    /// <param name="scheduler">Runs the timer and is the only source of time.</param>
    /// <param name="sourceName">The <see cref="ConnectionEvent.Source"/> of the events, e.g. <c>btcusdt@trade</c>.</param>
    /// <returns>The staleness transitions.</returns>
    /// <remarks>
    /// <list type="bullet">
    /// <item><b>OnNext</b>: records the arrival time. If the stream was stale, emits <see cref="Fresh"/> whose
    /// <see cref="Fresh.StaleFor"/> is the time since the previous element (or since subscription if there was
    /// none). <see cref="Stale"/> is emitted once per silence, <paramref name="timeout"/> after the last element
    /// (or after subscription), with <see cref="Stale.LastDataTime"/> null if nothing ever arrived.</item>
    /// <item><b>OnError</b>: passed on; no event follows.</item>
    /// <item><b>OnCompleted</b>: completes; no <see cref="Stale"/> follows.</item>
    /// <item><b>Disposal</b>: the timer is cancelled and nothing is emitted afterwards.</item>
    /// </list>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="scheduler"/> or
    /// <paramref name="sourceName"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive.</exception>
    public static IObservable<ConnectionEvent> DetectStale<T>(
        this IObservable<T> source, TimeSpan timeout, IScheduler scheduler, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(sourceName);

        return Observable.Create<ConnectionEvent>(observer =>
        {
            var detector = new StaleDetector<T>(observer, timeout, scheduler, sourceName);
            detector.Start();
            return StableCompositeDisposable.Create(detector, source.SubscribeSafe(detector));
        });
    }

    /// <summary>
    /// Watches every key of one combined stream (e.g. many symbols) separately: emits <see cref="Stale"/> for a
    /// key that delivers nothing for <paramref name="timeout"/> and <see cref="Fresh"/> when it delivers again.
    /// </summary>
    /// <typeparam name="T">The element type of the watched stream; elements are not passed on.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="source">The stream to watch.</param>
    /// <param name="keySelector">Gives the key of an element.</param>
    /// <param name="timeout">The silence after which a key is stale.</param>
    /// <param name="scheduler">Runs the timers and is the only source of time.</param>
    /// <param name="sourceName">Gives the <see cref="ConnectionEvent.Source"/> of a key; called once per key.</param>
    /// <returns>The staleness transitions of all keys.</returns>
    /// <remarks>
    /// <list type="bullet">
    /// <item><b>OnNext</b>: per key, as <see cref="DetectStale{T}(IObservable{T}, TimeSpan, IScheduler, string)"/>,
    /// except that a key is watched from its first element on: a key never seen is never reported (watch the
    /// whole stream with the single-stream form for that), and <see cref="Stale.LastDataTime"/> is never null.
    /// Keys seen are remembered until the sequence ends. If <paramref name="keySelector"/> or
    /// <paramref name="sourceName"/> throws, the sequence ends with that exception.</item>
    /// <item><b>OnError</b>: passed on; no event follows.</item>
    /// <item><b>OnCompleted</b>: completes; no <see cref="Stale"/> follows.</item>
    /// <item><b>Disposal</b>: every timer is cancelled and nothing is emitted afterwards.</item>
    /// </list>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="keySelector"/>,
    /// <paramref name="scheduler"/> or <paramref name="sourceName"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive.</exception>
    public static IObservable<ConnectionEvent> DetectStale<T, TKey>(
        this IObservable<T> source,
        Func<T, TKey> keySelector,
        TimeSpan timeout,
        IScheduler scheduler,
        Func<TKey, string> sourceName)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(keySelector);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(sourceName);

        return Observable.Create<ConnectionEvent>(observer =>
        {
            var detector = new StaleDetectorByKey<T, TKey>(observer, keySelector, timeout, scheduler, sourceName);
            return StableCompositeDisposable.Create(detector, source.SubscribeSafe(detector));
        });
    }
}

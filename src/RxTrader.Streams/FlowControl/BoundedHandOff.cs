using System.Reactive.Concurrency;
using System.Reactive.Linq;

namespace RxTrader.Streams.FlowControl;

/// <summary>
/// Hands items from a producer thread (e.g. a socket receive loop) to a consumer scheduler through a bounded queue
/// with an explicit overflow policy and counted drops, so the producer never blocks and never runs consumer code.
/// </summary>
public static class BoundedHandOff
{
    /// <summary>The default queue capacity, as in the system RxTrader replaces.</summary>
    public const int DefaultCapacity = 1000;

    /// <summary>The default number of items one drain delivers before it yields the scheduler.</summary>
    public const int DefaultMaxBatchSize = 64;

    /// <summary>
    /// Delivers the source's notifications on <paramref name="scheduler"/> through a bounded queue that drops by
    /// <see cref="OverflowPolicy.DropOldest"/> or <see cref="OverflowPolicy.DropNewest"/> when full.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The producer's stream.</param>
    /// <param name="scheduler">The consumer scheduler; every notification is delivered on it, one at a time.</param>
    /// <param name="options">Capacity, policy, batch size, statistics and drop callback; defaults when null.</param>
    /// <returns>The same items, in order, minus those the policy dropped.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The policy is <see cref="OverflowPolicy.ConflatePerKey"/>, which needs
    /// the overload with a key selector.</exception>
    /// <remarks>
    /// <para><b>OnNext</b> (producer thread): O(1) under a gate, no allocation: the item goes into a ring buffer of
    /// <see cref="BoundedHandOffOptions{T}.Capacity"/> slots allocated at subscription, or the policy drops an item
    /// and counts it. If the queue was idle, one drain is scheduled on <paramref name="scheduler"/>. The drain
    /// delivers queued items in order, at most <see cref="BoundedHandOffOptions{T}.MaxBatchSize"/> per run, then
    /// schedules itself again so other work on the scheduler runs in between. A scheduler work item is allocated
    /// per drain, not per item.</para>
    /// <para><b>OnError</b> and <b>OnCompleted</b>: delivered on the scheduler after every item already queued; items
    /// arriving after them are ignored.</para>
    /// <para><b>Disposal</b>: stops the drain (a drain already scheduled does nothing), unsubscribes from the
    /// source, releases the buffer and counts the queued items as <see cref="HandOffDropReason.Discarded"/>;
    /// producer calls after that return at once.</para>
    /// <para><b>Threads</b>: one producer is the intended use; several concurrent producers are safe (the gate
    /// serialises them) and their items are queued in the order they take the gate. An exception thrown by the
    /// downstream observer propagates to the scheduler, as with Rx's ObserveOn.</para>
    /// </remarks>
    public static IObservable<T> ObserveOnBounded<T>(
        this IObservable<T> source, IScheduler scheduler, BoundedHandOffOptions<T>? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        options ??= new BoundedHandOffOptions<T>();
        if (options.OverflowPolicy == OverflowPolicy.ConflatePerKey)
        {
            throw new ArgumentException(
                "ConflatePerKey needs a key: use the overload that takes a conflation key selector.", nameof(options));
        }

        return Create<T, NoKey>(source, scheduler, options, keySelector: null);
    }

    /// <summary>
    /// Delivers the source's notifications on <paramref name="scheduler"/> through a bounded queue that conflates
    /// per key (<see cref="OverflowPolicy.ConflatePerKey"/>): a slow consumer sees the latest item of each key.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <typeparam name="TKey">The conflation key type, compared with its default equality comparer.</typeparam>
    /// <param name="source">The producer's stream.</param>
    /// <param name="scheduler">The consumer scheduler; every notification is delivered on it, one at a time.</param>
    /// <param name="conflationKeySelector">The key of an item, e.g. its symbol. It runs on the producer thread, so
    /// it must be cheap and pure; if it throws, the stream ends with that exception after the queued items.</param>
    /// <param name="options">Capacity, batch size, statistics and drop callback; when given, its policy must be
    /// <see cref="OverflowPolicy.ConflatePerKey"/>.</param>
    /// <returns>The latest queued item per key, each in the queue position of the first of its key.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The options name another policy.</exception>
    /// <remarks>
    /// As <see cref="ObserveOnBounded{T}(IObservable{T}, IScheduler, BoundedHandOffOptions{T})"/>, except on
    /// <b>OnNext</b>: an item whose key is queued replaces that item in place (counted as
    /// <see cref="HandOffDropReason.Conflated"/>); a new key that finds the queue full of other keys evicts the
    /// oldest item (counted as <see cref="HandOffDropReason.OldestEvicted"/>). The key index holds only the keys
    /// queued, so it is bounded by the capacity too. Once an item is delivered, the next one of its key queues
    /// at the tail.
    /// </remarks>
    public static IObservable<T> ObserveOnBounded<T, TKey>(
        this IObservable<T> source,
        IScheduler scheduler,
        Func<T, TKey> conflationKeySelector,
        BoundedHandOffOptions<T>? options = null)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(conflationKeySelector);
        options ??= new BoundedHandOffOptions<T> { OverflowPolicy = OverflowPolicy.ConflatePerKey };
        if (options.OverflowPolicy != OverflowPolicy.ConflatePerKey)
        {
            throw new ArgumentException(
                "A conflation key selector is given, so the policy must be ConflatePerKey.", nameof(options));
        }

        return Create(source, scheduler, options, conflationKeySelector);
    }

    private static IObservable<T> Create<T, TKey>(
        IObservable<T> source, IScheduler scheduler, BoundedHandOffOptions<T> options, Func<T, TKey>? keySelector)
        where TKey : notnull =>
        Observable.Create<T>(observer =>
        {
            var sink = new BoundedHandOffSink<T, TKey>(observer, scheduler, options, keySelector);
            sink.Run(source);
            return sink;
        });

    // The key type of the hand-offs that do not conflate.
    private readonly struct NoKey;
}

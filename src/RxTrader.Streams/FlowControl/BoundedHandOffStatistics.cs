namespace RxTrader.Streams.FlowControl;

/// <summary>
/// Live counters of a bounded hand-off: what it received, delivered and dropped (per reason), its depth and its
/// high-water mark. Readable from any thread at any time; meant to be exported as metrics.
/// </summary>
/// <remarks>
/// Pass one instance per subscription through <see cref="BoundedHandOffOptions{T}.Statistics"/>. An instance
/// shared by several subscriptions adds their counts up; its <see cref="HighWaterMark"/> is then the highest depth
/// of any single one of them. Counters only grow; <see cref="Depth"/> is derived as
/// <c>Received - Delivered - Dropped</c>. Each property reads its counters atomically, but values read while items
/// flow are not one snapshot.
/// </remarks>
public sealed class BoundedHandOffStatistics
{
    // Producer and consumer update different counters: one cache line each keeps them from slowing each other down.
    private const int Stride = 64 / sizeof(long);
    private const int ReceivedCounter = 0;
    private const int DeliveredCounter = 1;
    private const int HighWaterMarkCounter = 2;
    private const int FirstDropReason = 3;
    private static readonly int ReasonCount = Enum.GetValues<HandOffDropReason>().Length;

    private readonly long[] _counters = new long[(FirstDropReason + ReasonCount) * Stride];

    /// <summary>Gets the number of items the producer handed over while the hand-off accepted items.</summary>
    public long Received => Read(ReceivedCounter);

    /// <summary>Gets the number of items delivered to the consumer.</summary>
    public long Delivered => Read(DeliveredCounter);

    /// <summary>Gets the number of items discarded for any reason.</summary>
    public long Dropped
    {
        get
        {
            long total = 0;
            for (var reason = 0; reason < ReasonCount; reason++)
            {
                total += Read(FirstDropReason + reason);
            }

            return total;
        }
    }

    /// <summary>Gets the number of items queued and not yet delivered (never negative).</summary>
    public long Depth
    {
        get
        {
            // Received first: the others can only have grown since, so the result never exceeds the true depth.
            var received = Received;
            return Math.Max(0, received - Delivered - Dropped);
        }
    }

    /// <summary>Gets the highest number of items that were queued at once; at most the capacity.</summary>
    public long HighWaterMark => Read(HighWaterMarkCounter);

    /// <summary>Gets the number of items discarded for one reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The reason is not defined.</exception>
    public long GetDropped(HandOffDropReason reason)
    {
        ArgumentOutOfRangeException.ThrowIfNegative((int)reason, nameof(reason));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((int)reason, ReasonCount, nameof(reason));
        return Read(FirstDropReason + (int)reason);
    }

    internal void AddReceived() => Interlocked.Increment(ref _counters[ReceivedCounter * Stride]);

    internal void AddDelivered() => Interlocked.Increment(ref _counters[DeliveredCounter * Stride]);

    internal void AddDropped(HandOffDropReason reason, long count = 1) =>
        Interlocked.Add(ref _counters[(FirstDropReason + (int)reason) * Stride], count);

    internal void RaiseHighWaterMark(long depth)
    {
        ref var mark = ref _counters[HighWaterMarkCounter * Stride];
        var seen = Volatile.Read(ref mark);
        while (depth > seen)
        {
            var previous = Interlocked.CompareExchange(ref mark, depth, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    private long Read(int counter) => Volatile.Read(ref _counters[counter * Stride]);
}

namespace RxTrader.Streams.FlowControl;

/// <summary>What a bounded hand-off does with an item that arrives while its queue is full.</summary>
/// <remarks>Every item the policy discards is counted in <see cref="BoundedHandOffStatistics"/> with its reason.</remarks>
public enum OverflowPolicy
{
    /// <summary>
    /// The oldest queued item is evicted to make room for the new one (<see cref="HandOffDropReason.OldestEvicted"/>):
    /// a slow consumer sees the most recent items. The default, and the right choice for market data.
    /// </summary>
    DropOldest = 0,

    /// <summary>
    /// The new item is rejected and the queue is left as it is (<see cref="HandOffDropReason.NewestRejected"/>):
    /// a slow consumer sees the oldest items without gaps among them.
    /// </summary>
    DropNewest = 1,

    /// <summary>
    /// A new item whose key is already queued replaces that queued item in place, keeping its queue position
    /// (<see cref="HandOffDropReason.Conflated"/>), so a slow consumer sees the latest item per key. A new key that
    /// finds the queue full of other keys evicts the oldest item, as <see cref="DropOldest"/> does
    /// (<see cref="HandOffDropReason.OldestEvicted"/>). Needs a key selector.
    /// </summary>
    ConflatePerKey = 2,
}

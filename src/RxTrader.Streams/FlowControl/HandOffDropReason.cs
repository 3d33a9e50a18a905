namespace RxTrader.Streams.FlowControl;

/// <summary>Why a bounded hand-off discarded an item instead of delivering it.</summary>
public enum HandOffDropReason
{
    /// <summary>The queue was full and the oldest queued item made room for a new one.</summary>
    OldestEvicted = 0,

    /// <summary>The queue was full and the new item was rejected (<see cref="OverflowPolicy.DropNewest"/>).</summary>
    NewestRejected = 1,

    /// <summary>A newer item with the same key replaced this one in the queue (<see cref="OverflowPolicy.ConflatePerKey"/>).</summary>
    Conflated = 2,

    /// <summary>The item was still queued when the subscription was disposed.</summary>
    Discarded = 3,
}

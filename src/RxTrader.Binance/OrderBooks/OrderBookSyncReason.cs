namespace RxTrader.Binance.OrderBooks;

/// <summary>Why an <see cref="OrderBookSynchronizer"/> changed state.</summary>
public enum OrderBookSyncReason
{
    /// <summary>No particular reason: the initial state, or the procedure completed.</summary>
    None = 0,

    /// <summary>A connection event (<c>Connected</c>) started the procedure.</summary>
    Connected,

    /// <summary>A diff's first update id skipped ids after the book's; the status carries the missing ids.</summary>
    Gap,

    /// <summary>The connection reported lost data (a <c>Gap</c> connection event).</summary>
    ConnectionGap,

    /// <summary>A <c>Connected</c> event arrived while syncing or synced: the stream restarted, so data may be lost.</summary>
    Reconnected,

    /// <summary>The periodic sanity check found the best bid at or above the best ask too often.</summary>
    CrossedBook,

    /// <summary>The snapshot request failed; it is retried after the configured delay.</summary>
    SnapshotFailed,

    /// <summary>More diffs arrived while waiting for a snapshot than the buffer holds.</summary>
    BufferOverflow,

    /// <summary>A diff had an invalid level (a price that is not positive or a negative quantity).</summary>
    InvalidUpdate,

    /// <summary>The connection ended (a <c>Disconnected</c> connection event).</summary>
    Disconnected,

    /// <summary>The diff stream completed.</summary>
    StreamCompleted,

    /// <summary>The synchronizer was disposed.</summary>
    Disposed,
}

namespace RxTrader.Binance.OrderBooks;

/// <summary>The step of the procedure an <see cref="OrderBookSynchronizer"/> is at (finer than its public state).</summary>
internal enum SyncPhase
{
    /// <summary>Disconnected or terminated: diffs are dropped.</summary>
    Idle = 0,

    /// <summary>Waiting for the first diff, which starts the snapshot request.</summary>
    Buffering,

    /// <summary>Buffering diffs while a snapshot request is scheduled or running.</summary>
    Fetching,

    /// <summary>Buffering diffs while waiting to retry a failed or too old snapshot.</summary>
    WaitingRetry,

    /// <summary>The snapshot is loaded; waiting for the first diff that fits it.</summary>
    Loaded,

    /// <summary>The book follows the stream.</summary>
    Synced,
}

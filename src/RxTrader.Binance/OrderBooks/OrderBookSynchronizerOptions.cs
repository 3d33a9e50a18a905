namespace RxTrader.Binance.OrderBooks;

/// <summary>Settings of an <see cref="OrderBookSynchronizer"/>.</summary>
public sealed record OrderBookSynchronizerOptions
{
    /// <summary>The most diffs buffered while waiting for a snapshot; one more restarts the procedure.</summary>
    /// <value>1,000: 100 s of the 100 ms stream, far more than a snapshot request takes.</value>
    public int MaxBufferedUpdates { get; init; } = 1000;

    /// <summary>Levels per side in the <see cref="OrderBookSynchronizer.Depth"/> stream.</summary>
    /// <value>20.</value>
    public int DepthLevels { get; init; } = 20;

    /// <summary>How often the synced book is checked for best bid &lt; best ask.</summary>
    /// <value>5 seconds.</value>
    public TimeSpan SanityCheckPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Consecutive sanity checks that must find the book crossed before it is resynced.</summary>
    /// <value>
    /// 2. A Binance diff carries both sides atomically, so a book crossed between diffs is almost surely corrupt; a
    /// second check confirms it within two periods (10 s) instead of serving a wrong book for 6 × 5 s as
    /// crypto-websocket-extensions does, whose tolerance serves exchanges that send the sides separately. While the
    /// book is crossed its top is withheld anyway.
    /// </value>
    public int CrossedChecksBeforeResync { get; init; } = 2;

    /// <summary>The delay before snapshot attempt <c>n + 1</c> after <c>n</c> (from 1) failed or was too old.</summary>
    /// <value><see cref="DefaultSnapshotRetryDelay"/>; negative results count as zero.</value>
    public Func<int, TimeSpan> SnapshotRetryDelay { get; init; } = DefaultSnapshotRetryDelay;

    /// <summary>Doubles from 1 s per attempt up to 30 s: 1, 2, 4, 8, 16, 30, 30, ... seconds.</summary>
    /// <param name="attempt">The number of the attempt that failed, from 1.</param>
    /// <returns>The delay before the next attempt.</returns>
    public static TimeSpan DefaultSnapshotRetryDelay(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(30d, Math.Pow(2d, Math.Clamp(attempt, 1, 16) - 1)));

    /// <summary>Throws when a setting is out of range.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBufferedUpdates);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(DepthLevels);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SanityCheckPeriod, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CrossedChecksBeforeResync);
        ArgumentNullException.ThrowIfNull(SnapshotRetryDelay);
    }
}

namespace RxTrader.Streams.Candles;

/// <summary>
/// Counts what candle aggregation discarded, for export as metrics. Thread-safe: one instance may be shared by
/// any number of subscriptions and read from any thread.
/// </summary>
public sealed class CandleCounters
{
    private long _lateTrades;
    private long _skippedIntervals;

    /// <summary>Trades dropped because the bar their time falls into had already been emitted as closed.</summary>
    public long LateTrades => Interlocked.Read(ref _lateTrades);

    /// <summary>
    /// Empty intervals for which no flat bar was emitted because a gap exceeded
    /// <see cref="CandleOptions.MaxFilledIntervals"/> (only counted under <see cref="EmptyIntervalPolicy.Flat"/>).
    /// </summary>
    public long SkippedIntervals => Interlocked.Read(ref _skippedIntervals);

    internal void AddLateTrade() => Interlocked.Increment(ref _lateTrades);

    internal void AddSkippedIntervals(long count) => Interlocked.Add(ref _skippedIntervals, count);
}

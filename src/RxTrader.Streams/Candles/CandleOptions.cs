namespace RxTrader.Streams.Candles;

/// <summary>Options of <see cref="CandleAggregation.ToCandles{TTrade}"/>; every property is validated when set.</summary>
public sealed record CandleOptions
{
    /// <summary>The default cap on flat bars filled into one gap.</summary>
    public const int DefaultMaxFilledIntervals = 1000;

    /// <summary>
    /// A grace period after a bar's end (in exchange time) before the timer closes it, for trades that reach us a
    /// little after the boundary because of network latency. A trade of a later bar still closes it at once.
    /// </summary>
    /// <value>Zero or positive; default <see cref="TimeSpan.Zero"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan CloseDelay
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    }

    /// <summary>Whether to emit the in-progress bar (<see cref="RxTrader.Core.MarketData.Candle.IsClosed"/> false) after every aggregated trade.</summary>
    /// <value>Default false: closed bars only.</value>
    public bool EmitPartial { get; init; }

    /// <summary>What to emit for an interval without trades.</summary>
    /// <value>Default <see cref="EmptyIntervalPolicy.Flat"/>, like Binance klines.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined policy.</exception>
    public EmptyIntervalPolicy EmptyIntervals
    {
        get;
        init
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown empty interval policy.");
            }

            field = value;
        }
    } = EmptyIntervalPolicy.Flat;

    /// <summary>
    /// The most flat bars emitted at once for one gap, when a symbol's next trade (or a late timer) is more than
    /// one interval past its last bar. Only the most recent intervals of the gap are filled, so the bars leading
    /// into the new bar stay contiguous; the older ones are skipped and counted in
    /// <see cref="CandleCounters.SkippedIntervals"/>. This bounds the synchronous burst a long silence can cause.
    /// </summary>
    /// <value>Zero or positive; default <see cref="DefaultMaxFilledIntervals"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxFilledIntervals
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            field = value;
        }
    } = DefaultMaxFilledIntervals;

    /// <summary>Receives the late-trade and skipped-interval counts; may be shared across subscriptions.</summary>
    /// <value>Default null: nothing is counted.</value>
    public CandleCounters? Counters { get; init; }
}

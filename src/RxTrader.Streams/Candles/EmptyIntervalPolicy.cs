namespace RxTrader.Streams.Candles;

/// <summary>What <see cref="CandleAggregation.ToCandles{TTrade}"/> emits for an interval in which a symbol had no trade.</summary>
public enum EmptyIntervalPolicy
{
    /// <summary>
    /// Like Binance klines: a flat bar (open = high = low = close = the previous close, zero volume, zero trades),
    /// closed at the end of its interval like any other bar. Never before the symbol's first trade.
    /// </summary>
    Flat,

    /// <summary>Nothing: the series has a hole where the interval had no trade.</summary>
    Skip,
}

namespace RxTrader.Core.MarketData;

/// <summary>An OHLCV bar over one interval (a Binance kline).</summary>
/// <remarks>
/// Times follow Binance klines: <see cref="OpenTime"/> is a multiple of <see cref="Interval"/> since the Unix
/// epoch and <see cref="CloseTime"/> is the last millisecond inside the bar (<c>OpenTime + Interval - 1 ms</c>).
/// A bar with <see cref="IsClosed"/> false is an in-progress update that later updates of the same
/// <see cref="OpenTime"/> replace.
/// </remarks>
/// <param name="Symbol">The symbol.</param>
/// <param name="Interval">The bar length.</param>
/// <param name="OpenTime">The start of the bar, inclusive.</param>
/// <param name="CloseTime">The last millisecond of the bar.</param>
/// <param name="Open">The first trade price.</param>
/// <param name="High">The highest trade price.</param>
/// <param name="Low">The lowest trade price.</param>
/// <param name="Close">The last trade price.</param>
/// <param name="Volume">The traded base-asset volume.</param>
/// <param name="QuoteVolume">The traded quote-asset volume (sum of price × quantity).</param>
/// <param name="TradeCount">The number of trades.</param>
/// <param name="TakerBuyVolume">The base-asset volume bought by takers.</param>
/// <param name="TakerBuyQuoteVolume">The quote-asset volume bought by takers.</param>
/// <param name="IsClosed">Whether the bar is final.</param>
public readonly record struct Candle(
    Symbol Symbol,
    TimeSpan Interval,
    DateTimeOffset OpenTime,
    DateTimeOffset CloseTime,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume,
    decimal QuoteVolume,
    long TradeCount,
    decimal TakerBuyVolume,
    decimal TakerBuyQuoteVolume,
    bool IsClosed)
{
    /// <summary>The bar's typical price, (high + low + close) / 3, as used by VWAP.</summary>
    public decimal TypicalPrice => (High + Low + Close) / 3m;
}

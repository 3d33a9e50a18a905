namespace RxTrader.Core.MarketData;

/// <summary>A compact 24 h rolling-window ticker (Binance <c>&lt;symbol&gt;@miniTicker</c>).</summary>
/// <remarks>The window ends at <see cref="EventTime"/> and covers the 24 hours before it.</remarks>
/// <param name="Symbol">The symbol.</param>
/// <param name="EventTime">When the exchange sent the event.</param>
/// <param name="LastPrice">The last trade price (Binance <c>c</c>).</param>
/// <param name="OpenPrice">The first trade price in the window (Binance <c>o</c>).</param>
/// <param name="HighPrice">The highest trade price in the window.</param>
/// <param name="LowPrice">The lowest trade price in the window.</param>
/// <param name="Volume">The traded base-asset volume in the window.</param>
/// <param name="QuoteVolume">The traded quote-asset volume in the window.</param>
public readonly record struct MiniTicker(
    Symbol Symbol,
    DateTimeOffset EventTime,
    decimal LastPrice,
    decimal OpenPrice,
    decimal HighPrice,
    decimal LowPrice,
    decimal Volume,
    decimal QuoteVolume);

namespace RxTrader.Core.MarketData;

/// <summary>The full 24 h rolling-window ticker (Binance <c>&lt;symbol&gt;@ticker</c>).</summary>
/// <remarks>
/// Statistics cover <see cref="OpenTime"/> to <see cref="CloseTime"/>. <see cref="PriceChange"/> and
/// <see cref="PriceChangePercent"/> may be negative; every other price and quantity is non-negative.
/// </remarks>
/// <param name="Symbol">The symbol.</param>
/// <param name="EventTime">When the exchange sent the event.</param>
/// <param name="PriceChange">Last price minus open price (Binance <c>p</c>).</param>
/// <param name="PriceChangePercent">The price change in percent of the open price (Binance <c>P</c>).</param>
/// <param name="WeightedAveragePrice">The volume-weighted average price in the window (Binance <c>w</c>).</param>
/// <param name="PreviousClosePrice">The price of the last trade before the window (Binance <c>x</c>).</param>
/// <param name="LastPrice">The last trade price (Binance <c>c</c>).</param>
/// <param name="LastQuantity">The last trade quantity (Binance <c>Q</c>).</param>
/// <param name="BidPrice">The best bid price (Binance <c>b</c>).</param>
/// <param name="BidQuantity">The quantity at the best bid (Binance <c>B</c>).</param>
/// <param name="AskPrice">The best ask price (Binance <c>a</c>).</param>
/// <param name="AskQuantity">The quantity at the best ask (Binance <c>A</c>).</param>
/// <param name="OpenPrice">The first trade price in the window (Binance <c>o</c>).</param>
/// <param name="HighPrice">The highest trade price in the window.</param>
/// <param name="LowPrice">The lowest trade price in the window.</param>
/// <param name="Volume">The traded base-asset volume in the window.</param>
/// <param name="QuoteVolume">The traded quote-asset volume in the window.</param>
/// <param name="OpenTime">The start of the statistics window (Binance <c>O</c>).</param>
/// <param name="CloseTime">The end of the statistics window (Binance <c>C</c>).</param>
/// <param name="FirstTradeId">The first trade id in the window (Binance <c>F</c>).</param>
/// <param name="LastTradeId">The last trade id in the window (Binance <c>L</c>).</param>
/// <param name="TradeCount">The number of trades in the window (Binance <c>n</c>).</param>
public readonly record struct Ticker(
    Symbol Symbol,
    DateTimeOffset EventTime,
    decimal PriceChange,
    decimal PriceChangePercent,
    decimal WeightedAveragePrice,
    decimal PreviousClosePrice,
    decimal LastPrice,
    decimal LastQuantity,
    decimal BidPrice,
    decimal BidQuantity,
    decimal AskPrice,
    decimal AskQuantity,
    decimal OpenPrice,
    decimal HighPrice,
    decimal LowPrice,
    decimal Volume,
    decimal QuoteVolume,
    DateTimeOffset OpenTime,
    DateTimeOffset CloseTime,
    long FirstTradeId,
    long LastTradeId,
    long TradeCount);

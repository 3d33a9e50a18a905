using RxTrader.Core;

namespace RxTrader.Binance.Rest;

/// <summary>The rolling 24-hour statistics of a symbol (<c>GET /api/v3/ticker/24hr</c>, type FULL).</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="PriceChange">Last price minus open price.</param>
/// <param name="PriceChangePercent">The price change in percent of the open price.</param>
/// <param name="WeightedAveragePrice">The volume-weighted average price over the window.</param>
/// <param name="PreviousClosePrice">The last price before the window.</param>
/// <param name="LastPrice">The last trade price.</param>
/// <param name="LastQuantity">The last trade quantity.</param>
/// <param name="BidPrice">The best bid price.</param>
/// <param name="BidQuantity">The quantity at the best bid.</param>
/// <param name="AskPrice">The best ask price.</param>
/// <param name="AskQuantity">The quantity at the best ask.</param>
/// <param name="OpenPrice">The first price of the window.</param>
/// <param name="HighPrice">The highest price of the window.</param>
/// <param name="LowPrice">The lowest price of the window.</param>
/// <param name="Volume">The traded base-asset volume.</param>
/// <param name="QuoteVolume">The traded quote-asset volume.</param>
/// <param name="OpenTime">The start of the window.</param>
/// <param name="CloseTime">The end of the window.</param>
/// <param name="FirstTradeId">The first trade id of the window.</param>
/// <param name="LastTradeId">The last trade id of the window.</param>
/// <param name="TradeCount">The number of trades.</param>
public sealed record Ticker24h(
    Symbol Symbol,
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

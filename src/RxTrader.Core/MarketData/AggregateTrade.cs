namespace RxTrader.Core.MarketData;

/// <summary>Trades of one taker order at one price, aggregated (Binance <c>&lt;symbol&gt;@aggTrade</c>).</summary>
/// <param name="Symbol">The symbol traded.</param>
/// <param name="AggregateTradeId">The aggregate trade id, increasing per symbol.</param>
/// <param name="Price">The execution price.</param>
/// <param name="Quantity">The total executed base-asset quantity.</param>
/// <param name="FirstTradeId">The first trade id in the aggregate.</param>
/// <param name="LastTradeId">The last trade id in the aggregate.</param>
/// <param name="TradeTime">The exchange's execution time.</param>
/// <param name="EventTime">When the exchange sent the event.</param>
/// <param name="IsBuyerMaker">Whether the buyer was the maker, i.e. the aggressor sold.</param>
public readonly record struct AggregateTrade(
    Symbol Symbol,
    long AggregateTradeId,
    decimal Price,
    decimal Quantity,
    long FirstTradeId,
    long LastTradeId,
    DateTimeOffset TradeTime,
    DateTimeOffset EventTime,
    bool IsBuyerMaker) : ITradeTick
{
    /// <summary>The side of the aggressor.</summary>
    public Side AggressorSide => IsBuyerMaker ? Side.Sell : Side.Buy;

    /// <summary>How many trades the aggregate covers.</summary>
    public long TradeCount => LastTradeId - FirstTradeId + 1;

    DateTimeOffset ITradeTick.Time => TradeTime;
}

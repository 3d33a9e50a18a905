namespace RxTrader.Core.MarketData;

/// <summary>One executed trade (Binance <c>&lt;symbol&gt;@trade</c>).</summary>
/// <param name="Symbol">The symbol traded.</param>
/// <param name="TradeId">The exchange's trade id, increasing per symbol.</param>
/// <param name="Price">The execution price.</param>
/// <param name="Quantity">The executed base-asset quantity.</param>
/// <param name="TradeTime">The exchange's execution time.</param>
/// <param name="EventTime">When the exchange sent the event.</param>
/// <param name="IsBuyerMaker">Whether the buyer was the maker, i.e. the aggressor sold.</param>
public readonly record struct Trade(
    Symbol Symbol,
    long TradeId,
    decimal Price,
    decimal Quantity,
    DateTimeOffset TradeTime,
    DateTimeOffset EventTime,
    bool IsBuyerMaker) : ITradeTick
{
    /// <summary>The side of the aggressor.</summary>
    public Side AggressorSide => IsBuyerMaker ? Side.Sell : Side.Buy;

    DateTimeOffset ITradeTick.Time => TradeTime;
}

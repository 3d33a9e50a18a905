namespace RxTrader.Core.MarketData;

/// <summary>The best bid and ask of a symbol (Binance <c>&lt;symbol&gt;@bookTicker</c>).</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="UpdateId">The order-book update id this top of book reflects.</param>
/// <param name="BidPrice">The best bid price.</param>
/// <param name="BidQuantity">The quantity at the best bid.</param>
/// <param name="AskPrice">The best ask price.</param>
/// <param name="AskQuantity">The quantity at the best ask.</param>
public readonly record struct BookTicker(
    Symbol Symbol,
    long UpdateId,
    decimal BidPrice,
    decimal BidQuantity,
    decimal AskPrice,
    decimal AskQuantity)
{
    /// <summary>The mid price.</summary>
    public decimal MidPrice => (BidPrice + AskPrice) / 2m;

    /// <summary>The ask minus the bid.</summary>
    public decimal Spread => AskPrice - BidPrice;
}

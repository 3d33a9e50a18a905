namespace RxTrader.Core.Instruments;

/// <summary>The order rules of a symbol (the <c>filters</c> of <c>exchangeInfo</c> that order sizing and validation
/// need); a rule the exchange does not set is null.</summary>
/// <param name="Price">The price rule (<c>PRICE_FILTER</c>).</param>
/// <param name="LotSize">The quantity rule of all orders (<c>LOT_SIZE</c>).</param>
/// <param name="MarketLotSize">The quantity rule of market orders (<c>MARKET_LOT_SIZE</c>).</param>
/// <param name="Notional">The order-value rule (<c>NOTIONAL</c>).</param>
/// <param name="MinNotional">The legacy minimum order value (<c>MIN_NOTIONAL</c>); a symbol may list it beside
/// <paramref name="Notional"/>.</param>
public sealed record SymbolFilters(
    PriceFilter? Price,
    QuantityFilter? LotSize,
    QuantityFilter? MarketLotSize,
    NotionalFilter? Notional,
    MinNotionalFilter? MinNotional = null)
{
    /// <summary>No rules.</summary>
    public static SymbolFilters None { get; } = new(null, null, null, null);
}

using RxTrader.Core;
using RxTrader.Core.Instruments;

namespace RxTrader.Simulator.Matching;

/// <summary>A tradable symbol: its assets, status, allowed order types and filters (as in exchangeInfo).</summary>
/// <remarks>A filter left null in <see cref="Filters"/> is not applied. Validated when added to the engine.</remarks>
public sealed record SymbolRules
{
    /// <summary>The symbol, e.g. <c>BTCUSDT</c>.</summary>
    public required Symbol Symbol { get; init; }

    /// <summary>The base asset, e.g. <c>BTC</c>.</summary>
    public required string BaseAsset { get; init; }

    /// <summary>The quote asset, e.g. <c>USDT</c>.</summary>
    public required string QuoteAsset { get; init; }

    /// <summary>The trading status; any status but <see cref="SymbolStatus.Trading"/> refuses new orders with
    /// "Market is closed." while cancels still work.</summary>
    /// <value>Default <see cref="SymbolStatus.Trading"/>.</value>
    public SymbolStatus Status { get; init; } = SymbolStatus.Trading;

    /// <summary>The order types the symbol accepts (exchangeInfo <c>orderTypes</c>).</summary>
    /// <value>Default LIMIT, LIMIT_MAKER and MARKET: stop types are not simulated.</value>
    public IReadOnlySet<OrderType> OrderTypes { get; init; } =
        new HashSet<OrderType> { OrderType.Limit, OrderType.LimitMaker, OrderType.Market };

    /// <summary>Whether MARKET orders may give <c>quoteOrderQty</c> (exchangeInfo <c>quoteOrderQtyMarketAllowed</c>).</summary>
    /// <value>Default true.</value>
    public bool QuoteOrderQtyMarketAllowed { get; init; } = true;

    /// <summary>Decimals of the base asset; a quote-quantity MARKET order's quantity is rounded down to them
    /// when no step size applies.</summary>
    /// <value>Default 8.</value>
    public int BaseAssetPrecision { get; init; } = 8;

    /// <summary>The order filters: <c>PRICE_FILTER</c>, <c>LOT_SIZE</c>, <c>MARKET_LOT_SIZE</c>, <c>NOTIONAL</c> and
    /// the legacy <c>MIN_NOTIONAL</c>, each applied when set.</summary>
    /// <value>Default <see cref="SymbolFilters.None"/>.</value>
    public SymbolFilters Filters { get; init; } = SymbolFilters.None;

    /// <summary>The <c>MAX_NUM_ORDERS</c> filter: most open orders per account on the symbol, or null.</summary>
    public int? MaxNumOrders { get; init; }

    internal void Validate()
    {
        if (Symbol.IsDefault)
        {
            throw new ArgumentException("The symbol is required.", nameof(Symbol));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(BaseAsset);
        ArgumentException.ThrowIfNullOrWhiteSpace(QuoteAsset);
        ArgumentNullException.ThrowIfNull(OrderTypes);
        ArgumentNullException.ThrowIfNull(Filters);
        ArgumentOutOfRangeException.ThrowIfNegative(BaseAssetPrecision);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BaseAssetPrecision, 28);
        if (MaxNumOrders is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max, nameof(MaxNumOrders));
        }
    }
}

namespace RxTrader.Trading.Risk;

/// <summary>Why the risk gate rejected an order; the values follow the order of the checks.</summary>
public enum RiskRejectionReason
{
    /// <summary>The request is malformed (<c>OrderRequest.Validate()</c>) or its values are too large to compute with.</summary>
    InvalidOrder = 1,

    /// <summary>The symbol is not among the gate's symbols.</summary>
    UnknownSymbol,

    /// <summary>The symbol's status is not <c>TRADING</c>.</summary>
    SymbolNotTrading,

    /// <summary>The kill switch is <see cref="TradingMode.Halted"/>.</summary>
    TradingHalted,

    /// <summary>The symbol's market data is stale, gapped, disconnected or its book unsynced.</summary>
    DataUnhealthy,

    /// <summary>A market order cannot be valued: no mark price is known for the symbol.</summary>
    NoMarkPrice,

    /// <summary>The price breaks <c>PRICE_FILTER</c> after rounding to the tick (below the minimum, above the maximum, or zero).</summary>
    PriceFilter,

    /// <summary>The quantity breaks <c>LOT_SIZE</c> or <c>MARKET_LOT_SIZE</c> after rounding down to the step.</summary>
    QuantityFilter,

    /// <summary>The order value breaks <c>NOTIONAL</c> or <c>MIN_NOTIONAL</c>.</summary>
    NotionalFilter,

    /// <summary>The kill switch is <see cref="TradingMode.Reducing"/> and the order would not reduce the position.</summary>
    NotReducing,

    /// <summary>The order value exceeds <see cref="RiskLimits.MaxOrderNotional"/>.</summary>
    MaxOrderNotional,

    /// <summary>The position plus open orders of the same side plus this order would exceed the symbol's position limit.</summary>
    MaxPosition,

    /// <summary>One more open order would exceed <see cref="RiskLimits.MaxOpenOrders"/>.</summary>
    MaxOpenOrders,

    /// <summary>One more open order of the symbol would exceed <see cref="RiskLimits.MaxOpenOrdersPerSymbol"/>.</summary>
    MaxOpenOrdersPerSymbol,

    /// <summary>Open notional plus this order's value would exceed <see cref="RiskLimits.MaxOpenNotional"/>.</summary>
    MaxOpenNotional,

    /// <summary>The per-second order rate (<see cref="RiskLimits.MaxOrdersPerSecond"/>) is used up.</summary>
    OrderRate,

    /// <summary>An exchange order-count limit (<see cref="RiskLimits.ExchangeOrderLimits"/>) is used up.</summary>
    ExchangeOrderLimit,
}

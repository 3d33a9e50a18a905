namespace RxTrader.Simulator.Matching;

/// <summary>Why an order expired (<c>expiryReason</c> in REST, <c>eR</c> in executionReport).</summary>
public enum ExpiryReason
{
    /// <summary><c>NONE</c>: the order did not expire.</summary>
    None = 0,

    /// <summary><c>UNFILLED_IOC_QUANTITY_EXPIRED</c>: the unfilled rest of an IOC order.</summary>
    UnfilledIocQuantityExpired = 1,

    /// <summary><c>UNFILLED_FOK_ORDER_EXPIRED</c>: a FOK order the book could not fill completely.</summary>
    UnfilledFokOrderExpired = 2,

    /// <summary><c>INSUFFICIENT_LIQUIDITY</c>: the unfilled rest of a MARKET order.</summary>
    InsufficientLiquidity = 3,
}

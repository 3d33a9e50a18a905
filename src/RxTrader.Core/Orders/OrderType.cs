namespace RxTrader.Core.Orders;

/// <summary>The order types every execution venue supports (Binance spot names in the comments).</summary>
public enum OrderType
{
    /// <summary><c>LIMIT</c>: rests at its price for its time in force.</summary>
    Limit = 1,

    /// <summary><c>MARKET</c>: takes liquidity now, by base quantity or by quote amount.</summary>
    Market = 2,

    /// <summary><c>LIMIT_MAKER</c>: a limit order rejected if it would take liquidity (post-only).</summary>
    LimitMaker = 3,
}

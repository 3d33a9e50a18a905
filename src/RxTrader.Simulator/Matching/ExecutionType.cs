namespace RxTrader.Simulator.Matching;

/// <summary>Binance execution type (<c>x</c> in executionReport): what happened to the order.</summary>
public enum ExecutionType
{
    /// <summary><c>NEW</c>: the order was accepted.</summary>
    New = 1,

    /// <summary><c>CANCELED</c>: the order was canceled by the user.</summary>
    Canceled = 2,

    /// <summary><c>REPLACED</c>: the order was amended; never produced here.</summary>
    Replaced = 3,

    /// <summary><c>REJECTED</c>: never produced here.</summary>
    Rejected = 4,

    /// <summary><c>TRADE</c>: the order traded.</summary>
    Trade = 5,

    /// <summary><c>EXPIRED</c>: the order expired by its type's rules.</summary>
    Expired = 6,

    /// <summary><c>TRADE_PREVENTION</c>: self-trade prevention; never produced here.</summary>
    TradePrevention = 7,
}

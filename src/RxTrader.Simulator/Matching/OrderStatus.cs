namespace RxTrader.Simulator.Matching;

/// <summary>Binance order status (<c>status</c> in REST, <c>X</c> in executionReport).</summary>
public enum OrderStatus
{
    /// <summary><c>NEW</c>: accepted, nothing filled.</summary>
    New = 1,

    /// <summary><c>PARTIALLY_FILLED</c>: some quantity filled, still working.</summary>
    PartiallyFilled = 2,

    /// <summary><c>FILLED</c>: fully filled (final).</summary>
    Filled = 3,

    /// <summary><c>CANCELED</c>: canceled by the user (final).</summary>
    Canceled = 4,

    /// <summary><c>PENDING_CANCEL</c>: unused by Binance; never produced here.</summary>
    PendingCancel = 5,

    /// <summary><c>REJECTED</c>: never produced here (REST refusals create no order).</summary>
    Rejected = 6,

    /// <summary><c>EXPIRED</c>: ended by the order type's rules (IOC/FOK/MARKET remainder) (final).</summary>
    Expired = 7,

    /// <summary><c>EXPIRED_IN_MATCH</c>: expired by self-trade prevention; never produced here.</summary>
    ExpiredInMatch = 8,
}

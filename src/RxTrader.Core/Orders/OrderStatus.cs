namespace RxTrader.Core.Orders;

/// <summary>An order's status as the venue reports it (Binance spot's statuses).</summary>
public enum OrderStatus
{
    /// <summary><c>NEW</c>: accepted, resting, nothing filled.</summary>
    New = 1,

    /// <summary><c>PARTIALLY_FILLED</c>: some filled, the rest resting.</summary>
    PartiallyFilled = 2,

    /// <summary><c>FILLED</c>: fully filled (terminal).</summary>
    Filled = 3,

    /// <summary><c>CANCELED</c>: cancelled by the user (terminal).</summary>
    Canceled = 4,

    /// <summary><c>PENDING_CANCEL</c>: reserved by Binance, not used on spot today.</summary>
    PendingCancel = 5,

    /// <summary><c>REJECTED</c>: not accepted by the matching engine (terminal).</summary>
    Rejected = 6,

    /// <summary><c>EXPIRED</c>: expired by its time in force or its type, e.g. IOC, FOK, LIMIT_MAKER (terminal).</summary>
    Expired = 7,

    /// <summary><c>EXPIRED_IN_MATCH</c>: expired by self-trade prevention (terminal).</summary>
    ExpiredInMatch = 8,
}

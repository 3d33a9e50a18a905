using RxTrader.Core.Orders;

namespace RxTrader.Trading.Orders;

/// <summary>One order as the <see cref="OrderManager"/> tracks it: the request, the tracking state and the venue's latest state.</summary>
/// <param name="Request">The request as journaled.</param>
/// <param name="Tracking">Where the engine stands with the order.</param>
/// <param name="Order">The venue's latest state of the order, or null before the venue answered.</param>
/// <param name="LastOutcome">The last outcome in words (e.g. "accepted", "rejected -2010: ...", "unknown: timeout").</param>
/// <param name="SubmitTime">When the intent was journaled (scheduler time).</param>
/// <param name="UpdateTime">When this record last changed (scheduler time).</param>
public sealed record TrackedOrder(
    OrderRequest Request,
    OrderTracking Tracking,
    Order? Order,
    string LastOutcome,
    DateTimeOffset SubmitTime,
    DateTimeOffset UpdateTime)
{
    /// <summary>The order's client id (the cache key).</summary>
    public ClientOrderId ClientOrderId => Request.ClientOrderId;

    /// <summary>The venue status, or null before the venue answered (or when it never placed the order).</summary>
    public OrderStatus? Status => Order?.Status;

    /// <summary>The quantity executed so far.</summary>
    public decimal ExecutedQuantity => Order?.ExecutedQuantity ?? 0m;
}

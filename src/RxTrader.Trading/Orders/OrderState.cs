using RxTrader.Core.Orders;

namespace RxTrader.Trading.Orders;

// The mutable record of one order that is not final; guarded by the manager's gate, dropped when the order is final.
internal sealed class OrderState(OrderRequest request, OrderTracking tracking, Order? order, string lastOutcome, DateTimeOffset submitTime, bool measureLatency)
{
    public OrderRequest Request { get; } = request;

    public ClientOrderId Id => Request.ClientOrderId;

    public OrderTracking Tracking { get; set; } = tracking;

    public Order? Order { get; set; } = order;

    public string LastOutcome { get; set; } = lastOutcome;

    public DateTimeOffset SubmitTime { get; } = submitTime;

    public DateTimeOffset UpdateTime { get; set; } = submitTime;

    public bool MeasureLatency { get; } = measureLatency;

    public bool AckSeen { get; set; }

    public bool FirstFillSeen { get; set; }

    // Sum of the journaled fills' quantities: a terminal order is final only when its fills add up.
    public decimal FilledFromFills { get; set; }

    public int ReconcileAttempt { get; set; }

    // Timer callbacks carry the generation they were scheduled with; a stale one does nothing.
    public long Generation { get; set; }

    public IDisposable? Timer { get; set; }

    // The venue reports more executed than the journaled fills hold (a polled state, or a restart): fetch the fills.
    public bool AwaitingFills => Order is { } o && FilledFromFills < o.ExecutedQuantity;

    public TrackedOrder Snapshot() => new(Request, Tracking, Order, LastOutcome, SubmitTime, UpdateTime);
}

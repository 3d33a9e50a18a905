using RxTrader.Core.Orders;

namespace RxTrader.Trading.Journal;

/// <summary>One row of the journal's append-only event log.</summary>
/// <param name="Sequence">The event's position in the log (strictly increasing).</param>
/// <param name="ClientOrderId">The order.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Time">When (scheduler time).</param>
/// <param name="Status">The venue status after the event, when known.</param>
/// <param name="Detail">Free text: reject code and message, unknown reason, trade id.</param>
public sealed record JournalEvent(
    long Sequence,
    ClientOrderId ClientOrderId,
    JournalEventKind Kind,
    DateTimeOffset Time,
    OrderStatus? Status,
    string Detail);

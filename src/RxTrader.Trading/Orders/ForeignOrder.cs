using RxTrader.Core.Orders;

namespace RxTrader.Trading.Orders;

/// <summary>
/// An order the venue reports that the engine is not tracking: never journaled (placed by someone else), or journaled
/// but already final here. It is reported, never adopted.
/// </summary>
/// <param name="Order">The venue's state of the order.</param>
/// <param name="KnownToJournal">True when the journal has the id (as a final order).</param>
/// <param name="Source">Where it was seen: "open orders" (reconciliation) or "order updates".</param>
public sealed record ForeignOrder(Order Order, bool KnownToJournal, string Source);

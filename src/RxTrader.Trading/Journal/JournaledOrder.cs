using RxTrader.Core.Orders;
using RxTrader.Trading.Orders;

namespace RxTrader.Trading.Journal;

/// <summary>The journal's current record of one order.</summary>
/// <param name="Request">The request as it was journaled before sending.</param>
/// <param name="Tracking">The engine's tracking state.</param>
/// <param name="Order">The venue's latest state of the order, or null before the venue answered.</param>
/// <param name="LastOutcome">The last outcome in words (e.g. "accepted", "rejected -2010: ...").</param>
/// <param name="IntentTime">When the intent was journaled.</param>
/// <param name="UpdateTime">When the record last changed.</param>
public sealed record JournaledOrder(
    OrderRequest Request,
    OrderTracking Tracking,
    Order? Order,
    string LastOutcome,
    DateTimeOffset IntentTime,
    DateTimeOffset UpdateTime);

using RxTrader.Core.Orders;

namespace RxTrader.Trading.Risk;

/// <summary>An order the risk gate refused to pass.</summary>
/// <param name="Time">When it was checked, on the gate's scheduler.</param>
/// <param name="Reason">The first check that failed.</param>
/// <param name="Message">A human-readable explanation with the figures involved.</param>
/// <param name="Request">The request as submitted (not rounded).</param>
public sealed record RiskRejection(DateTimeOffset Time, RiskRejectionReason Reason, string Message, OrderRequest Request);

using RxTrader.Trading.Risk;

namespace RxTrader.Trading.Orders;

/// <summary>What became of a signal's order: refused by the risk gate, or submitted and tracked.</summary>
/// <param name="Rejection">Why the risk gate refused it; <see langword="null"/> when it was submitted.</param>
/// <param name="Order">The order as tracked after the venue's answer; <see langword="null"/> when refused.</param>
public sealed record OrderEntryResult(RiskRejection? Rejection, TrackedOrder? Order)
{
    /// <summary>Whether the order passed the risk gate and was submitted.</summary>
    public bool IsSubmitted => Order is not null;
}

using System.Diagnostics.CodeAnalysis;
using RxTrader.Core.Orders;

namespace RxTrader.Trading.Risk;

/// <summary>The verdict of <see cref="RiskGate.Check"/>: the order to send, rounded to the exchange's filters, or why
/// it must not be sent.</summary>
public readonly record struct RiskCheckResult
{
    private RiskCheckResult(OrderRequest? order, RiskRejection? rejection)
    {
        Order = order;
        Rejection = rejection;
    }

    /// <summary>The order to send (prices and quantities rounded) when approved; otherwise <see langword="null"/>.</summary>
    public OrderRequest? Order { get; }

    /// <summary>Why the order was refused; <see langword="null"/> when approved.</summary>
    public RiskRejection? Rejection { get; }

    /// <summary>Whether the order may be sent (<see cref="Order"/> is set).</summary>
    [MemberNotNullWhen(true, nameof(Order))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsApproved => Order is not null;

    /// <summary>An approval.</summary>
    /// <param name="order">The order to send.</param>
    /// <returns>The result.</returns>
    public static RiskCheckResult Approved(OrderRequest order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(order, null);
    }

    /// <summary>A rejection.</summary>
    /// <param name="rejection">Why.</param>
    /// <returns>The result.</returns>
    public static RiskCheckResult Rejected(RiskRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return new(null, rejection);
    }
}

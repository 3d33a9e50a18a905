namespace RxTrader.Core.Orders;

/// <summary>Questions about an <see cref="OrderStatus"/>.</summary>
public static class OrderStatusExtensions
{
    /// <summary>Whether no further fill or change can happen to an order in this status.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for filled, cancelled, rejected and both expired statuses.</returns>
    public static bool IsTerminal(this OrderStatus status) =>
        status is OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Rejected
            or OrderStatus.Expired or OrderStatus.ExpiredInMatch;
}

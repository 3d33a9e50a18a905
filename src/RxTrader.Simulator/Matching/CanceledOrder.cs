namespace RxTrader.Simulator.Matching;

/// <summary>A canceled order (<c>DELETE /api/v3/order</c> response).</summary>
/// <param name="Order">The order after the cancel; its client id is the order's own (the response's
/// <c>origClientOrderId</c>).</param>
/// <param name="CancelClientOrderId">The cancel request's client id (the response's <c>clientOrderId</c>).</param>
/// <param name="TransactTime">The engine time of the cancel.</param>
public sealed record CanceledOrder(OrderSnapshot Order, string CancelClientOrderId, DateTimeOffset TransactTime);

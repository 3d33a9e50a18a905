namespace RxTrader.Core.Orders;

/// <summary>A change of an order at the venue: its new state and, when the change is an execution, the fill.</summary>
/// <param name="Order">The order after the change.</param>
/// <param name="Fill">The execution that caused the change; <see langword="null"/> for new, cancel, expiry, rejection.</param>
public sealed record OrderUpdate(Order Order, Fill? Fill);

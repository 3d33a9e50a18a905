namespace RxTrader.Simulator.Matching;

/// <summary>An accepted new order: its state after matching and its fills (the FULL response).</summary>
/// <param name="Order">The order after matching (status, executed quantities).</param>
/// <param name="Fills">The trades the order took part in while placed, in execution order; empty if none.</param>
/// <param name="TransactTime">The engine time of the placement (<c>transactTime</c>).</param>
public sealed record PlacedOrder(OrderSnapshot Order, IReadOnlyList<Fill> Fills, DateTimeOffset TransactTime);

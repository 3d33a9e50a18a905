namespace RxTrader.Core.Orders;

/// <summary>An order's state at the venue: the value of the order caches and of every order update.</summary>
/// <param name="ClientOrderId">The client order id.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">The order type.</param>
/// <param name="TimeInForce">Time in force, for limit orders.</param>
/// <param name="Price">Limit price; <see langword="null"/> for market orders.</param>
/// <param name="Quantity">Ordered base quantity (for a market order by quote amount, what the venue reports).</param>
/// <param name="ExecutedQuantity">Base quantity filled so far.</param>
/// <param name="CumulativeQuoteQuantity">Quote amount filled so far.</param>
/// <param name="Status">The status.</param>
/// <param name="ExchangeOrderId">The venue's order id.</param>
/// <param name="Time">When the venue accepted the order.</param>
/// <param name="UpdateTime">When the venue last changed it.</param>
public sealed record Order(
    ClientOrderId ClientOrderId,
    Symbol Symbol,
    Side Side,
    OrderType Type,
    TimeInForce? TimeInForce,
    decimal? Price,
    decimal Quantity,
    decimal ExecutedQuantity,
    decimal CumulativeQuoteQuantity,
    OrderStatus Status,
    long ExchangeOrderId,
    DateTimeOffset Time,
    DateTimeOffset UpdateTime)
{
    /// <summary>Whether the order can no longer change.</summary>
    public bool IsTerminal => Status.IsTerminal();

    /// <summary>The base quantity still to fill while the order is open; 0 once terminal.</summary>
    public decimal RemainingQuantity => IsTerminal ? 0m : Math.Max(0m, Quantity - ExecutedQuantity);

    /// <summary>Average fill price; <see langword="null"/> before the first fill.</summary>
    public decimal? AveragePrice => ExecutedQuantity > 0m ? CumulativeQuoteQuantity / ExecutedQuantity : null;
}

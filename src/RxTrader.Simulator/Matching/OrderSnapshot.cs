using RxTrader.Core;

namespace RxTrader.Simulator.Matching;

/// <summary>An order as REST shows it (<c>GET /api/v3/order</c>, openOrders, allOrders, RESULT responses).</summary>
public sealed record OrderSnapshot
{
    /// <summary><c>symbol</c>.</summary>
    public required Symbol Symbol { get; init; }

    /// <summary><c>orderId</c>, increasing per symbol.</summary>
    public required long OrderId { get; init; }

    /// <summary><c>clientOrderId</c>.</summary>
    public required string ClientOrderId { get; init; }

    /// <summary><c>price</c>; 0 for MARKET orders.</summary>
    public required decimal Price { get; init; }

    /// <summary><c>origQty</c>; for a quote-quantity MARKET order, the base quantity the engine chose.</summary>
    public required decimal OrigQty { get; init; }

    /// <summary><c>executedQty</c>: the sum of the fills' quantities.</summary>
    public required decimal ExecutedQty { get; init; }

    /// <summary><c>cummulativeQuoteQty</c>: the sum of price × quantity over the fills.</summary>
    public required decimal CumulativeQuoteQty { get; init; }

    /// <summary><c>origQuoteOrderQty</c>: the <c>quoteOrderQty</c> sent, else 0.</summary>
    public required decimal OrigQuoteOrderQty { get; init; }

    /// <summary><c>status</c>.</summary>
    public required OrderStatus Status { get; init; }

    /// <summary><c>timeInForce</c>; GTC for MARKET orders, as Binance reports.</summary>
    public required TimeInForce TimeInForce { get; init; }

    /// <summary><c>type</c>.</summary>
    public required OrderType Type { get; init; }

    /// <summary><c>side</c>.</summary>
    public required Side Side { get; init; }

    /// <summary><c>time</c>: creation time.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary><c>updateTime</c>: last change.</summary>
    public required DateTimeOffset UpdateTime { get; init; }

    /// <summary><c>workingTime</c>: when the order started working (its creation time here).</summary>
    public required DateTimeOffset WorkingTime { get; init; }

    /// <summary><c>isWorking</c>: whether the order is still open.</summary>
    public bool IsWorking => Status is OrderStatus.New or OrderStatus.PartiallyFilled;

    /// <summary><c>expiryReason</c>; <see cref="ExpiryReason.None"/> unless expired.</summary>
    public required ExpiryReason ExpiryReason { get; init; }

    /// <summary><c>strategyId</c>, if sent.</summary>
    public long? StrategyId { get; init; }

    /// <summary><c>strategyType</c>, if sent.</summary>
    public int? StrategyType { get; init; }
}

using RxTrader.Core;
using RxTrader.Simulator.Accounts;

namespace RxTrader.Simulator.Matching;

/// <summary>The engine's mutable state of one order; also a node of its price level's FIFO queue.</summary>
/// <remarks>Touched only under the engine gate. Fields rather than properties: this is the hot path.</remarks>
internal sealed class Order
{
    public required long Id;
    public required Symbol Symbol;
    public required Account? Owner; // null: synthetic liquidity of the market model
    public required string ClientOrderId;
    public required Side Side;
    public required OrderType Type;
    public required TimeInForce TimeInForce;
    public required decimal Price; // 0 for MARKET
    public required decimal Quantity;
    public decimal QuoteOrderQty;
    public long? StrategyId;
    public int? StrategyType;
    public required DateTimeOffset Time;

    public decimal Executed;
    public decimal CumulativeQuote;
    public OrderStatus Status = OrderStatus.New;
    public ExpiryReason ExpiryReason;
    public DateTimeOffset UpdateTime;

    /// <summary>What the order still holds locked: quote for a BUY, base for a SELL.</summary>
    public decimal Locked;

    public PriceLevel? Level;
    public Order? Previous;
    public Order? Next;

    public decimal Remaining => Quantity - Executed;

    public bool IsOpen => Status is OrderStatus.New or OrderStatus.PartiallyFilled;

    public OrderSnapshot ToSnapshot() => new()
    {
        Symbol = Symbol,
        OrderId = Id,
        ClientOrderId = ClientOrderId,
        Price = Price,
        OrigQty = Quantity,
        ExecutedQty = Executed,
        CumulativeQuoteQty = CumulativeQuote,
        OrigQuoteOrderQty = QuoteOrderQty,
        Status = Status,
        TimeInForce = TimeInForce,
        Type = Type,
        Side = Side,
        Time = Time,
        UpdateTime = UpdateTime,
        WorkingTime = Time,
        ExpiryReason = ExpiryReason,
        StrategyId = StrategyId,
        StrategyType = StrategyType,
    };
}

using RxTrader.Core;
using RxTrader.Core.Orders;

namespace RxTrader.Trading.Paper;

/// <summary>An order's mutable state inside the paper venue. Used only under the venue's gate.</summary>
internal sealed class PaperOrder
{
    public required ClientOrderId ClientOrderId { get; init; }

    public required PaperMarket Market { get; init; }

    public required Side Side { get; init; }

    public required OrderType Type { get; init; }

    public required TimeInForce? TimeInForce { get; init; }

    /// <summary>The limit price; null for market orders.</summary>
    public required decimal? Price { get; init; }

    public required decimal Quantity { get; init; }

    public required long Id { get; init; }

    /// <summary>Placement order across the venue: time priority among orders at one price.</summary>
    public required long Sequence { get; init; }

    public required DateTimeOffset Time { get; init; }

    public DateTimeOffset UpdateTime { get; set; }

    public OrderStatus Status { get; set; } = OrderStatus.New;

    public decimal Executed { get; set; }

    public decimal CumulativeQuote { get; set; }

    /// <summary>What the order still holds locked (quote for a buy, base for a sell).</summary>
    public decimal Locked { get; set; }

    /// <summary>Whether the order crossed the book when it was placed: its later fills are taker fills.</summary>
    public bool Aggressive { get; set; }

    /// <summary>Displayed quantity ahead of the order at its price; null while unknown (price not at the top).</summary>
    public decimal? QueueAhead { get; set; }

    public List<Fill> Fills { get; } = [];

    public decimal Remaining => Quantity - Executed;

    public decimal LimitPrice => Price ?? 0m;

    public bool IsOpen => !Status.IsTerminal();

    /// <summary>The state as last published: every change of what <see cref="Order"/> shows is published at once,
    /// so this is always current and one snapshot serves the update, the call's answer and later queries.</summary>
    public Order Current { get; private set; } = null!;

    /// <summary>Takes a new snapshot of the state (as <see cref="Current"/>), to publish.</summary>
    public Order Snapshot() => Current = new(
        ClientOrderId, Market.Info.Symbol, Side, Type, TimeInForce, Price, Quantity, Executed, CumulativeQuote, Status,
        Id, Time, UpdateTime);
}

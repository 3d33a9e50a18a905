using RxTrader.Core;

namespace RxTrader.Simulator.Matching;

/// <summary>One change of a user order: everything a Binance <c>executionReport</c> carries.</summary>
/// <remarks>The letters in the member docs are the executionReport field names.</remarks>
public sealed record ExecutionReport : ExchangeEvent
{
    /// <summary>Creates a report at <paramref name="time"/> (<c>E</c>).</summary>
    /// <param name="time">The event time.</param>
    public ExecutionReport(DateTimeOffset time)
        : base(time)
    {
    }

    /// <summary>The account (API key) that owns the order; selects the user-data stream.</summary>
    public required string AccountId { get; init; }

    /// <summary><c>s</c>.</summary>
    public required Symbol Symbol { get; init; }

    /// <summary><c>c</c>: the order's client id, or on cancel the cancel request's client id.</summary>
    public required string ClientOrderId { get; init; }

    /// <summary><c>C</c>: on cancel, the canceled order's own client id; otherwise null (sent as "").</summary>
    public string? OrigClientOrderId { get; init; }

    /// <summary><c>S</c>.</summary>
    public required Side Side { get; init; }

    /// <summary><c>o</c>.</summary>
    public required OrderType Type { get; init; }

    /// <summary><c>f</c>.</summary>
    public required TimeInForce TimeInForce { get; init; }

    /// <summary><c>q</c>: the order quantity.</summary>
    public required decimal Quantity { get; init; }

    /// <summary><c>p</c>: the order price (0 for MARKET).</summary>
    public required decimal Price { get; init; }

    /// <summary><c>Q</c>: the quote order quantity (0 when not sent).</summary>
    public required decimal QuoteOrderQty { get; init; }

    /// <summary><c>x</c>.</summary>
    public required ExecutionType ExecutionType { get; init; }

    /// <summary><c>X</c>: the status after this event.</summary>
    public required OrderStatus Status { get; init; }

    /// <summary><c>i</c>.</summary>
    public required long OrderId { get; init; }

    /// <summary><c>l</c>: quantity of this trade (0 unless <see cref="ExecutionType.Trade"/>).</summary>
    public required decimal LastExecutedQty { get; init; }

    /// <summary><c>L</c>: price of this trade (0 unless a trade).</summary>
    public required decimal LastExecutedPrice { get; init; }

    /// <summary><c>Y</c>: <c>L × l</c>.</summary>
    public decimal LastQuoteQty => LastExecutedPrice * LastExecutedQty;

    /// <summary><c>z</c>: cumulative filled quantity.</summary>
    public required decimal CumulativeQty { get; init; }

    /// <summary><c>Z</c>: cumulative quote quantity.</summary>
    public required decimal CumulativeQuoteQty { get; init; }

    /// <summary><c>n</c>: commission of this trade (0 unless a trade).</summary>
    public required decimal Commission { get; init; }

    /// <summary><c>N</c>: commission asset; null unless a trade.</summary>
    public string? CommissionAsset { get; init; }

    /// <summary><c>T</c>: transaction time.</summary>
    public required DateTimeOffset TransactionTime { get; init; }

    /// <summary><c>t</c>: trade id, -1 unless a trade.</summary>
    public required long TradeId { get; init; }

    /// <summary><c>I</c>: execution id, increasing across the engine.</summary>
    public required long ExecutionId { get; init; }

    /// <summary><c>w</c>: whether the order is still working after this event.</summary>
    public required bool IsWorking { get; init; }

    /// <summary><c>m</c>: whether this trade was on the maker side (false unless a trade).</summary>
    public required bool IsMaker { get; init; }

    /// <summary><c>O</c>: order creation time.</summary>
    public required DateTimeOffset CreationTime { get; init; }

    /// <summary><c>W</c>: working time.</summary>
    public required DateTimeOffset WorkingTime { get; init; }

    /// <summary><c>eR</c>: expiry reason for expired orders, else <see cref="ExpiryReason.None"/>.</summary>
    public required ExpiryReason ExpiryReason { get; init; }

    /// <summary><c>j</c>: strategy id, if sent.</summary>
    public long? StrategyId { get; init; }

    /// <summary><c>J</c>: strategy type, if sent.</summary>
    public int? StrategyType { get; init; }
}

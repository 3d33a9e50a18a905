using RxTrader.Core;

namespace RxTrader.Engine;

/// <summary>What the engine trades and how it sizes orders.</summary>
public sealed record TradingEngineOptions
{
    /// <summary>The symbols traded, each with its own pipeline. Required, at least one, no duplicates.</summary>
    public required IReadOnlyList<Symbol> Symbols { get; init; }

    /// <summary>The bar interval strategies see. <value>Default 1 minute.</value></summary>
    public TimeSpan BarInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long after its end a bar waits for late trades before its timer closes it (a later trade closes it at
    /// once). <value>Default zero.</value>
    /// </summary>
    public TimeSpan BarCloseDelay { get; init; }

    /// <summary>The quote amount bought on a <c>Buy</c> signal (a MARKET order by <c>quoteOrderQty</c>). <value>Default 100.</value></summary>
    public decimal OrderQuoteAmount { get; init; } = 100m;

    /// <summary>The strategy tag of client order ids (<c>ClientOrderId.For(tag, sequence)</c>). <value>Default <c>rx</c>.</value></summary>
    public string OrderTag { get; init; } = "rx";

    /// <summary>Capacity of each hand-off to a pipeline shard and to the order scheduler. <value>Default 10,000.</value></summary>
    public int HandOffCapacity { get; init; } = 10_000;

    /// <summary>How often the performance monitor updates marks, equity and the kill switch. <value>Default 1 s.</value></summary>
    public TimeSpan MonitorInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The equity the kill switch measures drawdown against, in the quote asset; the engine adds its net PnL.
    /// <value>Default 10,000.</value>
    /// </summary>
    public decimal StartingEquity { get; init; } = 10_000m;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Symbols);
        if (Symbols.Count == 0)
        {
            throw new ArgumentException("At least one symbol is needed.", nameof(Symbols));
        }

        if (Symbols.Distinct().Count() != Symbols.Count)
        {
            throw new ArgumentException("A symbol is listed twice.", nameof(Symbols));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(BarInterval, TimeSpan.FromMilliseconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(BarCloseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(OrderQuoteAmount);
        ArgumentException.ThrowIfNullOrWhiteSpace(OrderTag);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(HandOffCapacity);
        ArgumentOutOfRangeException.ThrowIfLessThan(MonitorInterval, TimeSpan.FromMilliseconds(1));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(StartingEquity);
    }
}

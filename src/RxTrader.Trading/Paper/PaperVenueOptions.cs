using RxTrader.Core.Instruments;

namespace RxTrader.Trading.Paper;

/// <summary>The account, the symbols and the fee schedule of a <see cref="PaperVenue"/>.</summary>
public sealed record PaperVenueOptions
{
    /// <summary>The symbols the venue trades, with their filters; orders for any other symbol are refused with
    /// <c>-1121</c>.</summary>
    /// <value>Empty by default (the venue then refuses every order). Symbols must be distinct.</value>
    public IReadOnlyList<SymbolInfo> Symbols { get; init; } = [];

    /// <summary>The account's free balance per asset at start.</summary>
    /// <value>Empty by default. Amounts must not be negative.</value>
    public IReadOnlyDictionary<string, decimal> InitialBalances { get; init; } = new Dictionary<string, decimal>();

    /// <summary>The commission rate of fills where the order was resting (maker), as a fraction.</summary>
    /// <value>0.001 (0.1 %, Binance's default spot rate). In [0, 1).</value>
    public decimal MakerFeeRate { get; init; } = 0.001m;

    /// <summary>The commission rate of fills where the order took liquidity (taker), as a fraction.</summary>
    /// <value>0.001 (0.1 %, Binance's default spot rate). In [0, 1).</value>
    public decimal TakerFeeRate { get; init; } = 0.001m;

    /// <summary>How long, in scheduler time, a place or cancel takes to reach the matching model.</summary>
    /// <value><see cref="TimeSpan.Zero"/>: calls take effect at once and return completed tasks. Not negative.</value>
    public TimeSpan AckLatency { get; init; } = TimeSpan.Zero;

    /// <summary>How many closed orders (with their fills) are kept for queries; the oldest closed is forgotten
    /// first.</summary>
    /// <value>10 000. Positive.</value>
    public int MaxClosedOrders { get; init; } = 10_000;

    /// <summary>How many orders may be open per symbol (Binance's <c>MAX_NUM_ORDERS</c>); one more is refused with
    /// <c>-1013 Filter failure: MAX_NUM_ORDERS</c>.</summary>
    /// <value>200, Binance's usual limit. Positive.</value>
    public int MaxOpenOrdersPerSymbol { get; init; } = 200;

    /// <summary>The venue's name for logs and metrics.</summary>
    /// <value><c>paper</c>.</value>
    public string Name { get; init; } = "paper";

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentException">A collection is null, a symbol is incomplete or repeats, an asset name is
    /// empty or a balance negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rate, the latency or a bound is out of range.</exception>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Symbols, nameof(Symbols));
        ArgumentNullException.ThrowIfNull(InitialBalances, nameof(InitialBalances));
        ArgumentException.ThrowIfNullOrWhiteSpace(Name, nameof(Name));
        ArgumentOutOfRangeException.ThrowIfNegative(MakerFeeRate, nameof(MakerFeeRate));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(MakerFeeRate, 1m, nameof(MakerFeeRate));
        ArgumentOutOfRangeException.ThrowIfNegative(TakerFeeRate, nameof(TakerFeeRate));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(TakerFeeRate, 1m, nameof(TakerFeeRate));
        ArgumentOutOfRangeException.ThrowIfLessThan(AckLatency, TimeSpan.Zero, nameof(AckLatency));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxClosedOrders, nameof(MaxClosedOrders));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxOpenOrdersPerSymbol, nameof(MaxOpenOrdersPerSymbol));

        var seen = new HashSet<Core.Symbol>();
        foreach (var info in Symbols)
        {
            if (info is null || info.Symbol.IsDefault || string.IsNullOrEmpty(info.BaseAsset) || string.IsNullOrEmpty(info.QuoteAsset)
                || info.Filters is null)
            {
                throw new ArgumentException("Every symbol needs a name, a base asset, a quote asset and filters.", nameof(Symbols));
            }

            if (!seen.Add(info.Symbol))
            {
                throw new ArgumentException($"Symbol {info.Symbol} is listed twice.", nameof(Symbols));
            }
        }

        foreach (var (asset, amount) in InitialBalances)
        {
            if (string.IsNullOrEmpty(asset) || amount < 0m)
            {
                throw new ArgumentException($"Initial balance '{asset}' = {amount}: assets need a name and a non-negative amount.", nameof(InitialBalances));
            }
        }
    }
}

namespace RxTrader.Simulator.Market;

/// <summary>The synthetic market: the seed, the symbols and how often books are refreshed.</summary>
public sealed record MarketModelOptions
{
    /// <summary>The seed; symbol <c>i</c> (in <see cref="Symbols"/> order) draws from its own
    /// <see cref="Random"/> seeded from this and <c>i</c>, so a run is reproducible for a given scheduler.</summary>
    /// <value>Default 1.</value>
    public int Seed { get; init; } = 1;

    /// <summary>The modelled symbols (distinct).</summary>
    /// <value>Default <see cref="DefaultMarket.Symbols"/>: BTCUSDT, ETHUSDT and BNBUSDT.</value>
    public IReadOnlyList<SymbolModelOptions> Symbols { get; init; } = DefaultMarket.Symbols;

    /// <summary>How often each book is touched between trades (a level resized, added or removed).</summary>
    /// <value>Default 250 ms.</value>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The market time each trade of <see cref="MarketModel.GenerateTrades"/> covers (load mode): the walk
    /// and the regimes advance by this much per trade, so the price still moves with the trades while most trades
    /// happen at the touch (fewer book changes per trade: a busy market).</summary>
    /// <value>Default 10 ms.</value>
    public TimeSpan BurstTimePerTrade { get; init; } = TimeSpan.FromMilliseconds(10);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BurstTimePerTrade, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(Symbols);
        ArgumentOutOfRangeException.ThrowIfZero(Symbols.Count, nameof(Symbols));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RefreshInterval, TimeSpan.Zero);
        var seen = new HashSet<RxTrader.Core.Symbol>();
        foreach (var symbol in Symbols)
        {
            ArgumentNullException.ThrowIfNull(symbol, nameof(Symbols));
            symbol.Validate();
            if (!seen.Add(symbol.Rules.Symbol))
            {
                throw new ArgumentException($"The symbol {symbol.Rules.Symbol} is listed twice.", nameof(Symbols));
            }
        }
    }
}

using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Market;

/// <summary>The synthetic market of one symbol: its rules, price, trade flow, book shape and regimes.</summary>
/// <remarks>Prices follow the <c>PRICE_FILTER</c> tick and quantities the <c>LOT_SIZE</c> step of <see cref="Rules"/>,
/// both required; quantities are raised to the <c>NOTIONAL</c>/<c>MIN_NOTIONAL</c> minimum.</remarks>
public sealed record SymbolModelOptions
{
    /// <summary>The symbol's rules; added to the engine on start when the engine does not know the symbol.</summary>
    public required SymbolRules Rules { get; init; }

    /// <summary>The initial mid price.</summary>
    public required decimal InitialPrice { get; init; }

    /// <summary>The long-run mean number of trade arrivals per second in the <see cref="MarketRegime.Normal"/>
    /// regime (a sweep through several levels is one arrival printing several trades).</summary>
    /// <value>Default 5.</value>
    public double MeanTradesPerSecond { get; init; } = 5;

    /// <summary>The clustering strength: the share of arrivals triggered by earlier arrivals (the branching ratio of
    /// a Hawkes process), in [0, 1); 0 gives a Poisson process.</summary>
    /// <value>Default 0.7.</value>
    public double Clustering { get; init; } = 0.7;

    /// <summary>How long the excitation of one arrival lasts (the time constant of the exponential kernel).</summary>
    /// <value>Default 2 seconds.</value>
    public TimeSpan ClusterDecay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The fewest levels per side of synthetic liquidity.</summary>
    /// <value>Default 20.</value>
    public int Depth { get; init; } = 20;

    /// <summary>How many levels beyond <see cref="Depth"/> a side may grow to as levels come and go.</summary>
    /// <value>Default 5.</value>
    public int ExtraLevels { get; init; } = 5;

    /// <summary>The distance between two levels of a side, in ticks.</summary>
    /// <value>Default 1.</value>
    public int LevelSpacingTicks { get; init; } = 1;

    /// <summary>The smallest quantity of a synthetic level (log-uniform between this and
    /// <see cref="MaxLevelQuantity"/>).</summary>
    /// <value>Default 0.1.</value>
    public decimal MinLevelQuantity { get; init; } = 0.1m;

    /// <summary>The largest quantity of a synthetic level.</summary>
    /// <value>Default 10.</value>
    public decimal MaxLevelQuantity { get; init; } = 10m;

    /// <summary>The smallest quantity of a synthetic trade (log-uniform between this and
    /// <see cref="MaxTradeQuantity"/>).</summary>
    /// <value>Default 0.01.</value>
    public decimal MinTradeQuantity { get; init; } = 0.01m;

    /// <summary>The largest quantity of a synthetic trade at the touch.</summary>
    /// <value>Default 1.</value>
    public decimal MaxTradeQuantity { get; init; } = 1m;

    /// <summary>The regime at start.</summary>
    /// <value>Default <see cref="MarketRegime.Normal"/>.</value>
    public MarketRegime InitialRegime { get; init; } = MarketRegime.Normal;

    /// <summary>The calm regime.</summary>
    /// <value>Default volatility 0.00002/√s, 1 tick spread, half the rate, leaves with 1 %/s.</value>
    public RegimeOptions Calm { get; init; } = new() { Volatility = 0.00002, RateMultiplier = 0.5 };

    /// <summary>The normal regime.</summary>
    /// <value>Default volatility 0.00006/√s, 1 tick spread, the base rate, leaves with 1 %/s.</value>
    public RegimeOptions Normal { get; init; } = new();

    /// <summary>The volatile regime.</summary>
    /// <value>Default volatility 0.0002/√s, 3 ticks spread, three times the rate, leaves with 3 %/s.</value>
    public RegimeOptions Volatile { get; init; } = new()
    {
        Volatility = 0.0002, SpreadTicks = 3, RateMultiplier = 3, SwitchProbabilityPerSecond = 0.03,
    };

    /// <summary>The options of <paramref name="regime"/>.</summary>
    /// <param name="regime">The regime.</param>
    public RegimeOptions For(MarketRegime regime) => regime switch
    {
        MarketRegime.Calm => Calm,
        MarketRegime.Volatile => Volatile,
        _ => Normal,
    };

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Rules);
        Rules.Validate();
        if (Rules.Filters.Price is not { TickSize: > 0 })
        {
            throw new ArgumentException("The model needs a PRICE_FILTER with a positive tick size.", nameof(Rules));
        }

        if (Rules.Filters.LotSize is not { StepSize: > 0 })
        {
            throw new ArgumentException("The model needs a LOT_SIZE with a positive step size.", nameof(Rules));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(InitialPrice);
        if (!double.IsFinite(MeanTradesPerSecond) || MeanTradesPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MeanTradesPerSecond), MeanTradesPerSecond, "The rate must be finite and positive.");
        }

        if (!(Clustering is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Clustering), Clustering, "The clustering must be in [0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ClusterDecay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Depth);
        ArgumentOutOfRangeException.ThrowIfNegative(ExtraLevels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LevelSpacingTicks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MinLevelQuantity);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLevelQuantity, MinLevelQuantity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MinTradeQuantity);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTradeQuantity, MinTradeQuantity);
        if (!Enum.IsDefined(InitialRegime))
        {
            throw new ArgumentOutOfRangeException(nameof(InitialRegime), InitialRegime, "Unknown regime.");
        }

        ArgumentNullException.ThrowIfNull(Calm);
        ArgumentNullException.ThrowIfNull(Normal);
        ArgumentNullException.ThrowIfNull(Volatile);
        Calm.Validate(nameof(Calm));
        Normal.Validate(nameof(Normal));
        Volatile.Validate(nameof(Volatile));
        var depthTicks = (long)(Depth + ExtraLevels) * LevelSpacingTicks + Volatile.SpreadTicks;
        if (InitialPrice / Rules.Filters.Price.Value.TickSize < depthTicks * 4)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialPrice), InitialPrice, "The initial price is too low for the book's depth on the tick grid.");
        }
    }
}

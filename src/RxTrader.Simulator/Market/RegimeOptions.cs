namespace RxTrader.Simulator.Market;

/// <summary>How a symbol's market behaves in one <see cref="MarketRegime"/>.</summary>
public sealed record RegimeOptions
{
    /// <summary>The standard deviation of the log mid price over one second.</summary>
    /// <value>Default 0.00006 (about 34 % a year when the regime lasts).</value>
    public double Volatility { get; init; } = 0.00006;

    /// <summary>The spread between the best bid and the best ask, in ticks.</summary>
    /// <value>Default 1.</value>
    public int SpreadTicks { get; init; } = 1;

    /// <summary>The factor applied to the symbol's base trade rate in this regime.</summary>
    /// <value>Default 1.</value>
    public double RateMultiplier { get; init; } = 1.0;

    /// <summary>The probability of leaving this regime within one second (for another regime picked at random).</summary>
    /// <value>Default 0.01 (a regime lasts about 100 s).</value>
    public double SwitchProbabilityPerSecond { get; init; } = 0.01;

    internal void Validate(string name)
    {
        if (!double.IsFinite(Volatility) || Volatility < 0)
        {
            throw new ArgumentOutOfRangeException(name, Volatility, "The volatility must be finite and non-negative.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SpreadTicks, name);
        if (!double.IsFinite(RateMultiplier) || RateMultiplier <= 0)
        {
            throw new ArgumentOutOfRangeException(name, RateMultiplier, "The rate multiplier must be finite and positive.");
        }

        if (!(SwitchProbabilityPerSecond is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(name, SwitchProbabilityPerSecond, "The switch probability must be in [0, 1].");
        }
    }
}

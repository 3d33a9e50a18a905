using RxTrader.Simulator.Accounts;

namespace RxTrader.Simulator.Matching;

/// <summary>Options of a <see cref="MatchingEngine"/>.</summary>
public sealed record MatchingEngineOptions
{
    /// <summary>The commission rates of accounts created without their own.</summary>
    /// <value>Default <see cref="CommissionRates.Default"/> (0.1 % maker and taker).</value>
    public CommissionRates DefaultCommission { get; init; } = CommissionRates.Default;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(DefaultCommission);
        DefaultCommission.Validate();
    }
}

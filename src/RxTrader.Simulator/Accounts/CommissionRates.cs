namespace RxTrader.Simulator.Accounts;

/// <summary>An account's commission rates as fractions (0.001 = 0.1 % = 10 basis points).</summary>
/// <param name="Maker">Charged on trades where the order rested on the book.</param>
/// <param name="Taker">Charged on trades where the order took liquidity.</param>
public sealed record CommissionRates(decimal Maker, decimal Taker)
{
    /// <summary>Binance's default spot rates: 0.1 % maker and taker.</summary>
    public static CommissionRates Default { get; } = new(0.001m, 0.001m);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Maker);
        ArgumentOutOfRangeException.ThrowIfNegative(Taker);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(Maker, 1m);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(Taker, 1m);
    }
}

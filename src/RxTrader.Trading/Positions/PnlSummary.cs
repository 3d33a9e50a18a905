namespace RxTrader.Trading.Positions;

/// <summary>Profit and loss summed over positions (quote asset; meaningful when they share one quote asset).</summary>
/// <param name="Realized">Realized profit, before fees.</param>
/// <param name="Unrealized">Unrealized profit against the marks.</param>
/// <param name="Fees">Fees paid.</param>
public readonly record struct PnlSummary(decimal Realized, decimal Unrealized, decimal Fees)
{
    /// <summary>Realized plus unrealized, less fees.</summary>
    public decimal Net => Realized + Unrealized - Fees;

    /// <summary>Sums positions.</summary>
    /// <param name="positions">The positions.</param>
    /// <returns>The summary.</returns>
    public static PnlSummary Of(IEnumerable<Position> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        decimal realized = 0m, unrealized = 0m, fees = 0m;
        foreach (var position in positions)
        {
            realized += position.RealizedPnl;
            unrealized += position.UnrealizedPnl;
            fees += position.Fees;
        }

        return new PnlSummary(realized, unrealized, fees);
    }
}

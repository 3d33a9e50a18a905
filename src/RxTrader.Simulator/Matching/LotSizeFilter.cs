namespace RxTrader.Simulator.Matching;

/// <summary>The <c>LOT_SIZE</c> or <c>MARKET_LOT_SIZE</c> filter: quantity range and step. A zero disables that part.</summary>
/// <param name="MinQty">The smallest quantity allowed; 0 disables.</param>
/// <param name="MaxQty">The largest quantity allowed; 0 disables.</param>
/// <param name="StepSize">Quantities must be multiples of it (<c>qty % stepSize == 0</c>); 0 disables.</param>
public sealed record LotSizeFilter(decimal MinQty, decimal MaxQty, decimal StepSize)
{
    /// <summary>Whether <paramref name="quantity"/> passes the filter.</summary>
    /// <param name="quantity">The order quantity.</param>
    public bool Accepts(decimal quantity) =>
        (MinQty == 0 || quantity >= MinQty)
        && (MaxQty == 0 || quantity <= MaxQty)
        && (StepSize == 0 || quantity % StepSize == 0);
}

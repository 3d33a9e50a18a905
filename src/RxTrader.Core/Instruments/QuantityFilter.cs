namespace RxTrader.Core.Instruments;

/// <summary>A quantity rule of a symbol (Binance <c>LOT_SIZE</c>, and <c>MARKET_LOT_SIZE</c> for market orders).</summary>
/// <remarks>A quantity passes when it lies in [<see cref="MinQuantity"/>, <see cref="MaxQuantity"/>] and is a
/// multiple of <see cref="StepSize"/>; a zero field disables its part of the rule.</remarks>
/// <param name="MinQuantity">The smallest quantity; 0 disables the bound.</param>
/// <param name="MaxQuantity">The largest quantity; 0 disables the bound.</param>
/// <param name="StepSize">The quantity increment; 0 disables the step rule.</param>
public readonly record struct QuantityFilter(decimal MinQuantity, decimal MaxQuantity, decimal StepSize)
{
    /// <summary>Whether <paramref name="quantity"/> passes the rule.</summary>
    /// <param name="quantity">The order quantity.</param>
    /// <returns>True when every enabled part holds: <c>quantity ≥ MinQuantity</c>, <c>quantity ≤ MaxQuantity</c> and
    /// <c>quantity % StepSize == 0</c> (exact decimal arithmetic, so a quantity off the step fails).</returns>
    public bool Accepts(decimal quantity) => RangeStepRule.Accepts(quantity, MinQuantity, MaxQuantity, StepSize);
}

namespace RxTrader.Core.Instruments;

/// <summary>The price rule of a symbol (Binance <c>PRICE_FILTER</c>).</summary>
/// <remarks>A price passes when it lies in [<see cref="MinPrice"/>, <see cref="MaxPrice"/>] and is a multiple of
/// <see cref="TickSize"/>; a zero field disables its part of the rule.</remarks>
/// <param name="MinPrice">The lowest price; 0 disables the bound.</param>
/// <param name="MaxPrice">The highest price; 0 disables the bound.</param>
/// <param name="TickSize">The price increment; 0 disables the step rule.</param>
public readonly record struct PriceFilter(decimal MinPrice, decimal MaxPrice, decimal TickSize)
{
    /// <summary>Whether <paramref name="price"/> passes the rule.</summary>
    /// <param name="price">The order price.</param>
    /// <returns>True when every enabled part holds: <c>price ≥ MinPrice</c>, <c>price ≤ MaxPrice</c> and
    /// <c>price % TickSize == 0</c> (exact decimal arithmetic, so a price with more decimals than the tick fails).</returns>
    public bool Accepts(decimal price) => RangeStepRule.Accepts(price, MinPrice, MaxPrice, TickSize);
}

namespace RxTrader.Core.Instruments;

/// <summary>A quantity rule of a symbol (Binance <c>LOT_SIZE</c>, and <c>MARKET_LOT_SIZE</c> for market orders).</summary>
/// <remarks>A quantity passes when it lies in [<see cref="MinQuantity"/>, <see cref="MaxQuantity"/>] and is a
/// multiple of <see cref="StepSize"/>.</remarks>
/// <param name="MinQuantity">The smallest quantity.</param>
/// <param name="MaxQuantity">The largest quantity.</param>
/// <param name="StepSize">The quantity increment; 0 disables the step rule.</param>
public readonly record struct QuantityFilter(decimal MinQuantity, decimal MaxQuantity, decimal StepSize);

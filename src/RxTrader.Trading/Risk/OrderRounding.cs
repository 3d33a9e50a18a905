namespace RxTrader.Trading.Risk;

/// <summary>Rounds prices and quantities onto an exchange step, in exact decimal arithmetic.</summary>
/// <remarks>A value already on the step is returned unchanged (same scale), so an order on the grid needs no copy.
/// A step of 0 means "no step": the value is cut to <c>decimals</c> places instead, in the same direction.
/// Values too large to divide by the step throw <see cref="OverflowException"/>; the gate turns that into a
/// rejection.</remarks>
internal static class OrderRounding
{
    public static decimal Down(decimal value, decimal step, int decimals) =>
        step > 0m
            ? value % step == 0m ? value : decimal.Floor(value / step) * step
            : decimal.Round(value, Clamp(decimals), MidpointRounding.ToNegativeInfinity);

    public static decimal Up(decimal value, decimal step, int decimals) =>
        step > 0m
            ? value % step == 0m ? value : decimal.Ceiling(value / step) * step
            : decimal.Round(value, Clamp(decimals), MidpointRounding.ToPositiveInfinity);

    // exchangeInfo precisions are 0..8 in practice; decimal.Round accepts 0..28.
    private static int Clamp(int decimals) => Math.Clamp(decimals, 0, 28);
}

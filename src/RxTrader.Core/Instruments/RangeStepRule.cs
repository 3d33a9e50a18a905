namespace RxTrader.Core.Instruments;

/// <summary>The rule shared by <see cref="PriceFilter"/> and <see cref="QuantityFilter"/>: a value within a range and
/// on a step, where a zero bound or step is disabled.</summary>
internal static class RangeStepRule
{
    // Exact decimal remainder, as Binance compares: a value with more decimals than the step fails.
    public static bool Accepts(decimal value, decimal min, decimal max, decimal step) =>
        (min == 0 || value >= min)
        && (max == 0 || value <= max)
        && (step == 0 || value % step == 0);
}

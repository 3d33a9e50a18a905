namespace RxTrader.Streams.Indicators;

/// <summary>The argument checks every calculator and operator share, so messages read the same everywhere.</summary>
internal static class IndicatorGuard
{
    /// <summary>Throws unless <paramref name="value"/> is a finite, non-negative price or volume.</summary>
    public static void Input(double value, string paramName)
    {
        // One comparison pair covers NaN (all comparisons false), infinities and negatives.
        if (!(value >= 0 && value < double.PositiveInfinity))
        {
            Throw(value, paramName);
        }
    }

    /// <summary>Throws unless <paramref name="period"/> is positive.</summary>
    public static void Period(int period, string paramName) =>
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period, paramName);

    private static void Throw(double value, string paramName) =>
        throw new ArgumentOutOfRangeException(paramName, value, "Indicator inputs must be finite and non-negative.");
}

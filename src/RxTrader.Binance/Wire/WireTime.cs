namespace RxTrader.Binance.Wire;

/// <summary>Converts wire epoch times to <see cref="DateTimeOffset"/> without throwing.</summary>
internal static class WireTime
{
    private const long MinMilliseconds = -62_135_596_800_000;
    private const long MaxMilliseconds = 253_402_300_799_999;

    /// <summary>Converts <paramref name="value"/> in <paramref name="unit"/>; false when out of the representable range.</summary>
    public static bool TryFromUnix(long value, WireTimeUnit unit, out DateTimeOffset time)
    {
        if (unit == WireTimeUnit.Millisecond)
        {
            if (value is < MinMilliseconds or > MaxMilliseconds)
            {
                time = default;
                return false;
            }

            time = DateTimeOffset.FromUnixTimeMilliseconds(value);
            return true;
        }

        if (value is < MinMilliseconds * 1000 or > (MaxMilliseconds * 1000) + 999)
        {
            time = default;
            return false;
        }

        time = DateTimeOffset.UnixEpoch.AddTicks(value * 10);
        return true;
    }

    /// <summary>The length of one tick of <paramref name="unit"/>.</summary>
    public static TimeSpan OneUnit(WireTimeUnit unit) =>
        unit == WireTimeUnit.Millisecond ? TimeSpan.FromMilliseconds(1) : TimeSpan.FromMicroseconds(1);
}

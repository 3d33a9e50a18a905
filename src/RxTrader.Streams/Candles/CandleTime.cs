namespace RxTrader.Streams.Candles;

/// <summary>Bar boundaries aligned to the Unix epoch, in ticks, like Binance kline open times.</summary>
internal static class CandleTime
{
    private static readonly long EpochTicks = DateTimeOffset.UnixEpoch.UtcTicks;

    /// <summary>Throws unless the interval is whole milliseconds and divides a day or is a whole number of days.</summary>
    public static void Validate(TimeSpan interval)
    {
        var ticks = interval.Ticks;
        if (ticks < TimeSpan.TicksPerMillisecond
            || ticks % TimeSpan.TicksPerMillisecond != 0
            || (TimeSpan.TicksPerDay % ticks != 0 && ticks % TimeSpan.TicksPerDay != 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(interval),
                interval,
                "A bar interval is at least 1 ms, whole milliseconds, and divides a day or is a whole number of days.");
        }
    }

    /// <summary>The open (start) tick of the bar containing <paramref name="ticks"/>; floors before the epoch too.</summary>
    public static long OpenOf(long ticks, long intervalTicks)
    {
        var remainder = (ticks - EpochTicks) % intervalTicks;
        return ticks - (remainder < 0 ? remainder + intervalTicks : remainder);
    }
}

namespace RxTrader.Binance.Wire;

/// <summary>Wire codes and durations of <see cref="KlineInterval"/>.</summary>
public static class KlineIntervals
{
    // Indexed by (int)KlineInterval - 1; codes are case-sensitive ("1m" is a minute, "1M" a month).
    private static readonly string[] Codes =
        ["1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M"];

    private static readonly TimeSpan[] Durations =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
        TimeSpan.FromHours(4), TimeSpan.FromHours(6), TimeSpan.FromHours(8), TimeSpan.FromHours(12),
        TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(7), TimeSpan.Zero,
    ];

    /// <summary>The wire code of <paramref name="interval"/>, e.g. <c>1m</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not a defined value.</exception>
    public static string ToCode(this KlineInterval interval) => Codes[IndexOf(interval)];

    /// <summary>The fixed length of <paramref name="interval"/>; false for <see cref="KlineInterval.OneMonth"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not a defined value.</exception>
    public static bool TryGetDuration(this KlineInterval interval, out TimeSpan duration)
    {
        duration = Durations[IndexOf(interval)];
        return duration != TimeSpan.Zero;
    }

    /// <summary>Parses a wire code such as <c>15m</c> (case-sensitive).</summary>
    public static bool TryParse(ReadOnlySpan<char> code, out KlineInterval interval)
    {
        for (var i = 0; i < Codes.Length; i++)
        {
            if (code.SequenceEqual(Codes[i]))
            {
                interval = (KlineInterval)(i + 1);
                return true;
            }
        }

        interval = default;
        return false;
    }

    /// <summary>Parses a UTF-8 wire code such as <c>15m</c> (case-sensitive) without allocating.</summary>
    public static bool TryParse(ReadOnlySpan<byte> code, out KlineInterval interval)
    {
        Span<char> chars = stackalloc char[3];
        if (code.Length is 0 or > 3)
        {
            interval = default;
            return false;
        }

        for (var i = 0; i < code.Length; i++)
        {
            chars[i] = (char)code[i];
        }

        return TryParse(chars[..code.Length], out interval);
    }

    private static int IndexOf(KlineInterval interval)
    {
        var index = (int)interval - 1;
        ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(interval));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Codes.Length, nameof(interval));
        return index;
    }
}

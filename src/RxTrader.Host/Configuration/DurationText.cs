using System.Globalization;

namespace RxTrader.Host.Configuration;

/// <summary>Durations as people and Binance write them: <c>250ms</c>, <c>1s</c>, <c>5m</c>, <c>1h</c>, <c>1d</c>,
/// <c>1w</c>, or a <see cref="TimeSpan"/> such as <c>00:00:05</c>.</summary>
internal static class DurationText
{
    /// <summary>The accepted forms, for messages.</summary>
    public const string Forms = "a duration such as 250ms, 1s, 5m, 1h, 1d or 00:00:05";

    /// <summary>Parses <paramref name="text"/>: a non-negative number and a unit (ms, s, m, h, d, w; lower case, as in
    /// Binance's intervals), or a constant-format <see cref="TimeSpan"/>.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var unitStart = s.Length;
        while (unitStart > 0 && char.IsAsciiLetter(s[unitStart - 1]))
        {
            unitStart--;
        }

        if (unitStart == s.Length)
        {
            return TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;
        }

        if (unitStart == 0 || !decimal.TryParse(s.AsSpan(0, unitStart), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        decimal? unitMs = s[unitStart..] switch
        {
            "ms" => 1m,
            "s" => 1_000m,
            "m" => 60_000m,
            "h" => 3_600_000m,
            "d" => 86_400_000m,
            "w" => 604_800_000m,
            _ => null,
        };
        if (unitMs is not { } perUnit || amount * perUnit > (decimal)TimeSpan.MaxValue.TotalMilliseconds / 2)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)decimal.Round(amount * perUnit * TimeSpan.TicksPerMillisecond));
        return true;
    }

    /// <summary>Writes <paramref name="value"/> in the shortest unit form that is exact (<c>250ms</c>, <c>1s</c>,
    /// <c>5m</c>), else as a constant-format <see cref="TimeSpan"/>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value.Ticks % TimeSpan.TicksPerMillisecond != 0 || value < TimeSpan.Zero)
        {
            return value.ToString("c", CultureInfo.InvariantCulture);
        }

        var ms = (long)value.TotalMilliseconds;
        return ms switch
        {
            0 => "0s",
            _ when ms % 86_400_000 == 0 => Invariant(ms / 86_400_000, "d"),
            _ when ms % 3_600_000 == 0 => Invariant(ms / 3_600_000, "h"),
            _ when ms % 60_000 == 0 => Invariant(ms / 60_000, "m"),
            _ when ms % 1_000 == 0 => Invariant(ms / 1_000, "s"),
            _ => Invariant(ms, "ms"),
        };
    }

    private static string Invariant(long amount, string unit) => amount.ToString(CultureInfo.InvariantCulture) + unit;
}

using System.Globalization;

namespace RxTrader.Host.Dashboard;

/// <summary>How the dashboard writes numbers: invariant culture, a dash for what is not known yet.</summary>
internal static class DashboardFormat
{
    /// <summary>What the live frame shows for a missing value.</summary>
    public const string Missing = "—";

    /// <summary>What the plain line shows for a missing value (ASCII, so log tools need no UTF-8).</summary>
    public const string PlainMissing = "-";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A price or quantity with thousands separators and no trailing zeros: <c>60,123.45</c>.</summary>
    public static string Amount(decimal? value) => value is { } v ? v.ToString("#,0.##########", Invariant) : Missing;

    /// <summary>A PnL with its sign and two decimals: <c>+12.34</c>, <c>-5.00</c>, <c>0.00</c>.</summary>
    public static string Pnl(decimal value) => value.ToString("+#,0.00;-#,0.00;0.00", Invariant);

    /// <summary>An indicator value with up to four decimals; a dash while warming up (null or not a number).</summary>
    public static string Indicator(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("#,0.####", Invariant) : Missing;

    /// <summary>A latency in milliseconds with two decimals: <c>0.31 ms</c>.</summary>
    public static string Latency(TimeSpan value) => value.TotalMilliseconds.ToString("#,0.00", Invariant) + " ms";

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long value) => value.ToString("#,0", Invariant);

    /// <summary>A rate per second with one decimal.</summary>
    public static string Rate(double value) => (double.IsFinite(value) ? value : 0d).ToString("#,0.0", Invariant) + "/s";

    /// <summary>An uptime: <c>01:02:03</c>, or <c>2d 01:02:03</c> past a day.</summary>
    public static string Uptime(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            value = TimeSpan.Zero;
        }

        var clock = value.ToString("hh\\:mm\\:ss", Invariant);
        return value.Days > 0 ? value.Days.ToString(Invariant) + "d " + clock : clock;
    }

    /// <summary>How long ago: <c>5s</c>, <c>2m 05s</c>, <c>1h 02m</c>, <c>3d 04h</c>.</summary>
    public static string Age(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            value = TimeSpan.Zero;
        }

        return value.TotalSeconds switch
        {
            < 60 => ((int)value.TotalSeconds).ToString(Invariant) + "s",
            < 3600 => string.Create(Invariant, $"{(int)value.TotalMinutes}m {value.Seconds:00}s"),
            < 86400 => string.Create(Invariant, $"{(int)value.TotalHours}h {value.Minutes:00}m"),
            _ => string.Create(Invariant, $"{(int)value.TotalDays}d {value.Hours:00}h"),
        };
    }

    /// <summary>
    /// A decimal for the plain line: invariant, no grouping, no trailing zeros, at most 8 decimals (Binance's finest
    /// precision; PnL divisions otherwise print 28 digits).
    /// </summary>
    public static string PlainDecimal(decimal? value) =>
        value is { } v ? Math.Round(v, 8, MidpointRounding.AwayFromZero).ToString("0.########", Invariant) : PlainMissing;

    /// <summary>A double for the plain line.</summary>
    public static string PlainDouble(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.######", Invariant) : PlainMissing;

    /// <summary>Milliseconds for the plain line, three decimals.</summary>
    public static string PlainMs(TimeSpan value) => value.TotalMilliseconds.ToString("0.###", Invariant);
}

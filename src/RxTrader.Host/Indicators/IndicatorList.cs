using System.Globalization;
using RxTrader.Streams.Indicators;

namespace RxTrader.Host.Indicators;

/// <summary>Parses the <c>--indicators</c> list (<c>ema:20,rsi:14,macd:12:26:9,bb:20:2,atr:14,sma:50,vwap</c>) into
/// calculators, with one message per bad item naming it.</summary>
internal static class IndicatorList
{
    /// <summary>The largest period accepted.</summary>
    public const int MaxPeriod = 100_000;

    /// <summary>The accepted forms, for messages and help.</summary>
    public const string Forms = "ema:N, sma:N, rsi:N, atr:N, macd:FAST:SLOW:SIGNAL, bb:N:K or vwap";

    /// <summary>The columns of every item, in the given order, or the messages.</summary>
    public static (IReadOnlyList<IndicatorColumns>? Columns, List<string> Errors) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<string>();
        var columns = new List<IndicatorColumns>();
        var items = text.Split(',', StringSplitOptions.TrimEntries);
        if (items.All(static i => i.Length == 0))
        {
            errors.Add($"invalid value '{text}' for --indicators: expected a comma-separated list of {Forms}.");
        }

        foreach (var item in items.Where(static i => i.Length != 0))
        {
            if (Parse(item, out var error) is { } parsed)
            {
                columns.Add(parsed);
            }
            else
            {
                errors.Add($"invalid indicator '{item}' in --indicators: {error}");
            }
        }

        var duplicate = columns.SelectMany(static c => c.Headers).GroupBy(static h => h, StringComparer.Ordinal).FirstOrDefault(static g => g.Count() > 1);
        if (duplicate is not null)
        {
            errors.Add($"invalid value '{text}' for --indicators: the column '{duplicate.Key}' is requested twice.");
        }

        return errors.Count == 0 ? (columns, errors) : (null, errors);
    }

    private static IndicatorColumns? Parse(string item, out string error)
    {
        var parts = item.Split(':');
        var name = parts[0].ToLowerInvariant();
        var arguments = parts.AsSpan(1);
        error = string.Empty;
        switch (name)
        {
            case "ema" or "sma" or "rsi" or "atr":
                if (arguments.Length != 1)
                {
                    error = $"expected {name}:N with one period.";
                    return null;
                }

                if (!TryPeriod(arguments[0], out var period, ref error))
                {
                    return null;
                }

                var header = string.Create(CultureInfo.InvariantCulture, $"{name}_{period}");
                return name switch
                {
                    "ema" => new IndicatorColumns.OnClose(header, new ExponentialMovingAverage(period)),
                    "sma" => new IndicatorColumns.OnClose(header, new SimpleMovingAverage(period)),
                    "rsi" => new IndicatorColumns.OnClose(header, new RelativeStrengthIndex(period)),
                    _ => new IndicatorColumns.Atr(header, new AverageTrueRange(period)),
                };
            case "macd":
                if (arguments.Length != 3)
                {
                    error = "expected macd:FAST:SLOW:SIGNAL, e.g. macd:12:26:9.";
                    return null;
                }

                if (!TryPeriod(arguments[0], out var fast, ref error) || !TryPeriod(arguments[1], out var slow, ref error) || !TryPeriod(arguments[2], out var signal, ref error))
                {
                    return null;
                }

                if (fast >= slow)
                {
                    error = string.Create(CultureInfo.InvariantCulture, $"the fast period ({fast}) must be less than the slow period ({slow}).");
                    return null;
                }

                return new IndicatorColumns.Macd(string.Create(CultureInfo.InvariantCulture, $"_{fast}_{slow}_{signal}"), new MovingAverageConvergenceDivergence(fast, slow, signal));
            case "bb":
                if (arguments.Length is not (1 or 2))
                {
                    error = "expected bb:N:K (K, the number of standard deviations, defaults to 2), e.g. bb:20:2.";
                    return null;
                }

                if (!TryPeriod(arguments[0], out var bbPeriod, ref error))
                {
                    return null;
                }

                var multiplierText = arguments.Length == 2 ? arguments[1] : "2";
                if (!double.TryParse(multiplierText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var multiplier) || !(multiplier > 0 && multiplier <= 100))
                {
                    error = $"the multiplier '{multiplierText}' must be a number above 0 and at most 100.";
                    return null;
                }

                return new IndicatorColumns.Bollinger(string.Create(CultureInfo.InvariantCulture, $"_{bbPeriod}_{multiplierText}"), new BollingerBands(bbPeriod, multiplier));
            case "vwap":
                if (arguments.Length != 0)
                {
                    error = "vwap takes no parameters (it accumulates from the first bar).";
                    return null;
                }

                return new IndicatorColumns.Vwap(new VolumeWeightedAveragePrice());
            default:
                error = $"unknown indicator '{parts[0]}': expected {Forms}.";
                return null;
        }
    }

    private static bool TryPeriod(string text, out int period, ref string error)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out period) && period is >= 1 and <= MaxPeriod)
        {
            return true;
        }

        error = string.Create(CultureInfo.InvariantCulture, $"the period '{text}' must be a whole number from 1 to {MaxPeriod}.");
        return false;
    }
}

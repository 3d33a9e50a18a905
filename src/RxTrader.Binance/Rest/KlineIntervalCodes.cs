namespace RxTrader.Binance.Rest;

/// <summary>The Binance kline interval codes with a fixed length (<c>1s</c> … <c>1w</c>; the calendar month
/// <c>1M</c> has none, and a <see cref="Core.MarketData.Candle"/> needs one).</summary>
internal static class KlineIntervalCodes
{
    private static readonly Dictionary<string, TimeSpan> Lengths = new(StringComparer.Ordinal)
    {
        ["1s"] = TimeSpan.FromSeconds(1),
        ["1m"] = TimeSpan.FromMinutes(1),
        ["3m"] = TimeSpan.FromMinutes(3),
        ["5m"] = TimeSpan.FromMinutes(5),
        ["15m"] = TimeSpan.FromMinutes(15),
        ["30m"] = TimeSpan.FromMinutes(30),
        ["1h"] = TimeSpan.FromHours(1),
        ["2h"] = TimeSpan.FromHours(2),
        ["4h"] = TimeSpan.FromHours(4),
        ["6h"] = TimeSpan.FromHours(6),
        ["8h"] = TimeSpan.FromHours(8),
        ["12h"] = TimeSpan.FromHours(12),
        ["1d"] = TimeSpan.FromDays(1),
        ["3d"] = TimeSpan.FromDays(3),
        ["1w"] = TimeSpan.FromDays(7),
    };

    /// <summary>The length of an interval code.</summary>
    /// <exception cref="ArgumentException">The code is not one of the fixed-length codes.</exception>
    public static TimeSpan Parse(string code, string paramName) =>
        Lengths.TryGetValue(code, out var length)
            ? length
            : throw new ArgumentException($"Unknown or variable-length kline interval '{code}'; use one of {string.Join(", ", Lengths.Keys)}.", paramName);
}

using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Streams.Tests.Indicators;

/// <summary>Builds one-minute candles for indicator tests.</summary>
internal static class TestCandles
{
    private static readonly Symbol Symbol = new("TESTUSDT");
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>A candle opening at <paramref name="openTime"/> with a high/low half a unit around the close.</summary>
    public static Candle At(DateTimeOffset openTime, decimal close, decimal volume = 1m, bool isClosed = true) =>
        new(Symbol, Interval, openTime, openTime + Interval - TimeSpan.FromMilliseconds(1),
            close, close + 0.5m, close - 0.5m, close, volume, close * volume, 1, 0m, 0m, isClosed);

    /// <summary>A candle with explicit high, low, close and volume.</summary>
    public static Candle At(DateTimeOffset openTime, decimal high, decimal low, decimal close, decimal volume) =>
        new(Symbol, Interval, openTime, openTime + Interval - TimeSpan.FromMilliseconds(1),
            close, high, low, close, volume, close * volume, 1, 0m, 0m, IsClosed: true);

    /// <summary>The n-th of a series of candles one minute apart from the epoch.</summary>
    public static Candle Nth(int n, decimal close, decimal volume = 1m, bool isClosed = true) =>
        At(DateTimeOffset.UnixEpoch + (Interval * n), close, volume, isClosed);
}

using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Testing;

namespace RxTrader.Binance.Tests.Fallback;

/// <summary>Small hand-made values for the fallback tests.</summary>
internal static class FallbackData
{
    public static readonly Symbol Btc = new("BTCUSDT");

    /// <summary>A book ticker whose bid encodes the virtual time it was made at (in ms).</summary>
    public static BookTicker Book(Symbol symbol, long time) =>
        new(symbol, 0, (decimal)TimeSpan.FromTicks(time).TotalMilliseconds, 1m, 100_000m, 1m);

    /// <summary>The one-minute candle number <paramref name="minute"/> (open at minute × 60 s of virtual time).</summary>
    public static Candle Minute(int minute, bool closed, decimal close = 100m)
    {
        var open = MarbleTime.At(MarbleTime.Seconds(60L * minute));
        return new Candle(
            Btc, TimeSpan.FromMinutes(1), open, open + TimeSpan.FromMinutes(1) - TimeSpan.FromMilliseconds(1),
            100m, 101m, 99m, close, 1m, 100m, 1, 0.5m, 50m, closed);
    }
}

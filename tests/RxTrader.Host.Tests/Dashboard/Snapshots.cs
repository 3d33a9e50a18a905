using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Core.Orders;
using RxTrader.Engine.Dashboard;
using RxTrader.Strategies;
using RxTrader.Trading.Risk;

namespace RxTrader.Host.Tests.Dashboard;

/// <summary>Fixed snapshots for the dashboard tests.</summary>
internal static class Snapshots
{
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 30, 15, 250, TimeSpan.Zero);

    public static EngineSnapshot Fixed(long messages = 123_456)
    {
        var btc = new Symbol("BTCUSDT");
        var bar = new Candle(btc, TimeSpan.FromSeconds(1), Now.AddMilliseconds(-250), Now.AddMilliseconds(749), 60_100.5m, 60_150m, 60_090.25m, 60_123.45m, 1.5m, 90_000m, 42, 0.7m, 42_000m, false);
        var signal = new Signal(btc, Side.Buy, Now.AddSeconds(-125), 60_050m, "ema-cross", "ema(9) crossed above ema(21)");
        return new EngineSnapshot(
            Now,
            TimeSpan.FromSeconds(3_725.5),
            [
                new SymbolSnapshot(btc, 60_123.45m, bar, [new IndicatorReading("ema(9)", 60_110.123456), new IndicatorReading("ema(21)", null)], signal, 0.00166m, 12.345m, -5m),
                new SymbolSnapshot(new Symbol("ETHUSDT"), null, null, [], null, 0m, 0m, 0m),
            ],
            new FeedSnapshot("Connected", 456.78, messages, TimeSpan.FromTicks(3_120), TimeSpan.FromMilliseconds(1.5), 2, 1, 0, 3),
            new OrdersSnapshot(7, 5, 2, new Dictionary<OrderStatus, int> { [OrderStatus.Filled] = 4, [OrderStatus.New] = 1 }, TimeSpan.FromMilliseconds(0.8), TimeSpan.FromMilliseconds(2.25), 7.345m),
            TradingMode.Active,
            6);
    }
}

using System.Text.Json;
using RxTrader.Core;

namespace RxTrader.Simulator.Tests.Publishing;

public sealed class MarketStreamHubTimedTests
{
    private const long T0 = HubFixture.T0;

    [Fact]
    public void Kline_UpdatesEveryTwoSeconds_ClosesOnceAtTheBoundary()
    {
        using var f = new HubFixture();
        var klines = f.Record("btcusdt@kline_1m");
        f.At(1_000);
        f.Trade(100m, 1m);                 // taker buy: counts as taker-buy volume
        f.At(3_000);
        f.Trade(102m, 2m, Side.Sell);      // taker sell

        f.At(60_000);

        klines.Frames.Count.ShouldBe(31); // 29 updates at 2 s … 58 s, then the close and the new candle at 60 s
        klines.Frames[0].ShouldContain("\"n\":1,\"x\":false");
        klines.Frames[1].ShouldBe(
            $$"""{"e":"kline","E":{{T0 + 4000}},"s":"BTCUSDT","k":{"t":{{T0}},"T":{{T0 + 59999}},"s":"BTCUSDT","i":"1m","f":1,"L":2,"o":"100.00000000","c":"102.00000000","h":"102.00000000","l":"100.00000000","v":"3.00000000","n":2,"x":false,"q":"304.00000000","V":"1.00000000","Q":"100.00000000","B":"0"}""" + "}");
        klines.Frames[29].ShouldBe(
            $$"""{"e":"kline","E":{{T0 + 60000}},"s":"BTCUSDT","k":{"t":{{T0}},"T":{{T0 + 59999}},"s":"BTCUSDT","i":"1m","f":1,"L":2,"o":"100.00000000","c":"102.00000000","h":"102.00000000","l":"100.00000000","v":"3.00000000","n":2,"x":true,"q":"304.00000000","V":"1.00000000","Q":"100.00000000","B":"0"}""" + "}");
        klines.Frames[30].ShouldBe(
            $$"""{"e":"kline","E":{{T0 + 60000}},"s":"BTCUSDT","k":{"t":{{T0 + 60000}},"T":{{T0 + 119999}},"s":"BTCUSDT","i":"1m","f":-1,"L":-1,"o":"102.00000000","c":"102.00000000","h":"102.00000000","l":"102.00000000","v":"0.00000000","n":0,"x":false,"q":"0.00000000","V":"0.00000000","Q":"0.00000000","B":"0"}""" + "}");
        klines.Frames.Count(static s => s.Contains("\"x\":true", StringComparison.Ordinal)).ShouldBe(1);

        f.At(61_000);
        f.Trade(103m, 1m);
        f.At(62_000);
        klines.Frames[^1].ShouldContain("\"f\":3,\"L\":3,\"o\":\"103.00000000\",\"c\":\"103.00000000\"");
        f.Violations.ShouldBeEmpty();
    }

    [Fact]
    public void Kline_OneSecond_TicksEverySecondAndClosesEachSecond()
    {
        using var f = new HubFixture();
        var klines = f.Record("btcusdt@kline_1s");
        f.At(500);
        f.Trade(100m, 1m);

        f.At(2_000);

        klines.Frames.Count.ShouldBe(4); // 1 s: close of [0,999] + open [1000,1999]; 2 s: the same again
        klines.Frames[0].ShouldContain($"\"t\":{T0},\"T\":{T0 + 999}");
        klines.Frames[0].ShouldContain("\"x\":true");
        klines.Frames[1].ShouldContain($"\"t\":{T0 + 1000},\"T\":{T0 + 1999}");
        klines.Frames[1].ShouldContain("\"x\":false");
        klines.Frames[2].ShouldContain($"\"t\":{T0 + 1000}");
        klines.Frames[2].ShouldContain("\"x\":true");
    }

    [Fact]
    public void Kline_BeforeAnyTrade_SendsNothing()
    {
        using var f = new HubFixture();
        var klines = f.Record("btcusdt@kline_1m");
        f.At(10_000);
        klines.Frames.ShouldBeEmpty();
    }

    [Fact]
    public void Tickers_AfterTrades_CarryTheWindow()
    {
        using var f = new HubFixture();
        var mini = f.Record("btcusdt@miniTicker");
        var full = f.Record("btcusdt@ticker");
        f.At(1_000);
        f.Trade(100m, 1m);
        f.At(61_000);
        f.Trade(110m, 2m, Side.Sell);
        f.Engine.Liquidity(Side.Buy, 50m, 1m);
        f.Engine.Liquidity(Side.Sell, 200m, 3m);

        f.At(62_000);

        var e = T0 + 62_000;
        mini.Frames[^1].ShouldBe(
            $$"""{"e":"24hrMiniTicker","E":{{e}},"s":"BTCUSDT","c":"110.00000000","o":"100.00000000","h":"110.00000000","l":"100.00000000","v":"3.00000000","q":"320.00000000"}""");
        full.Frames[^1].ShouldBe(
            $$"""{"e":"24hrTicker","E":{{e}},"s":"BTCUSDT","p":"10.00000000","P":"10.000","w":"106.66666667","x":"0.00000000","c":"110.00000000","Q":"2.00000000","b":"50.00000000","B":"1.00000000","a":"200.00000000","A":"3.00000000","o":"100.00000000","h":"110.00000000","l":"100.00000000","v":"3.00000000","q":"320.00000000","O":{{e - 86_400_000}},"C":{{e}},"F":1,"L":2,"n":2}""");
        mini.Frames.Count.ShouldBe(61); // one a second from the first trade on
    }

    [Fact]
    public void Ticker_AfterOneDay_FirstTradeLeavesTheWindow()
    {
        using var f = new HubFixture();
        f.At(1_000);
        f.Trade(100m, 1m);
        f.At(61_000);
        f.Trade(110m, 2m);

        f.At(86_400_000 + 2_000);

        var json = HubFixture.Json(w => f.Hub.WriteTicker24h(w, [EngineFixture.BtcUsdt], mini: true));
        var now = T0 + 86_402_000;
        json.ShouldBe(
            $$"""{"symbol":"BTCUSDT","openPrice":"110.00000000","highPrice":"110.00000000","lowPrice":"110.00000000","lastPrice":"110.00000000","volume":"2.00000000","quoteVolume":"220.00000000","openTime":{{now - 86_400_000}},"closeTime":{{now}},"firstId":2,"lastId":2,"count":1}""");
        HubFixture.Json(w => f.Hub.WriteTicker24h(w, [EngineFixture.BtcUsdt])).ShouldContain("\"prevClosePrice\":\"100.00000000\"");
    }

    [Fact]
    public void AvgPrice_FiveMinuteWeightedAverage()
    {
        using var f = new HubFixture();
        var avg = f.Record("btcusdt@avgPrice");
        f.At(1_000);
        f.Trade(100m, 1m);
        f.At(2_000);
        f.Trade(110m, 3m);

        f.At(3_000);

        avg.Frames[^1].ShouldBe($$"""{"e":"avgPrice","E":{{T0 + 3000}},"s":"BTCUSDT","i":"5m","w":"107.50000000","T":{{T0 + 2000}}}""");
        avg.Subscription.Dispose();
        f.At(400_000);
        HubFixture.Json(w => f.Hub.WriteAveragePrice(w, EngineFixture.BtcUsdt))
            .ShouldBe($$"""{"mins":5,"price":"110.00000000","closeTime":{{T0 + 2000}}}""");
    }

    [Fact]
    public void DiffDepth_MergesAPeriod_SkipsEmptyPeriods()
    {
        using var f = new HubFixture();
        var depth = f.Record("btcusdt@depth");
        f.Engine.Liquidity(Side.Buy, 99m, 1m);
        var bid = f.Engine.Liquidity(Side.Buy, 98m, 1m);
        f.Engine.Liquidity(Side.Buy, 99m, 2m);
        f.Engine.Liquidity(Side.Sell, 101m, 2m);
        f.At(1_000);
        f.At(2_500);
        f.Engine.Engine.CancelLiquidity(EngineFixture.BtcUsdt, bid).ShouldBeTrue();
        f.At(3_000);

        depth.Frames.ShouldBe([
            $$"""{"e":"depthUpdate","E":{{T0 + 1000}},"s":"BTCUSDT","U":1,"u":4,"b":[["99.00000000","3.00000000"],["98.00000000","1.00000000"]],"a":[["101.00000000","2.00000000"]]}""",
            $$"""{"e":"depthUpdate","E":{{T0 + 3000}},"s":"BTCUSDT","U":5,"u":5,"b":[["98.00000000","0.00000000"]],"a":[]}""",
        ]);
    }

    [Fact]
    public void DiffDepth_SnapshotPlusDiffs_ReproducesTheEngineBook()
    {
        using var f = new HubFixture();
        var random = new Random(42);
        for (var i = 0; i < 20; i++)
        {
            f.Engine.Liquidity(random.Next(2) == 0 ? Side.Buy : Side.Sell, 95m + (random.Next(20) * 0.5m), 1m);
        }

        var depth = f.Record("btcusdt@depth@100ms");
        var snapshot = f.Engine.Engine.GetDepth(EngineFixture.BtcUsdt, 5000).Value;
        var ids = new List<long>();
        for (var i = 0; i < 300; i++)
        {
            f.At(10 + (i * 7));
            var ids1 = f.Engine.Engine.GetLiquidity(EngineFixture.BtcUsdt);
            if (random.Next(4) == 0 && ids1.Count > 0)
            {
                f.Engine.Engine.CancelLiquidity(EngineFixture.BtcUsdt, ids1[random.Next(ids1.Count)].OrderId);
            }
            else
            {
                f.Engine.Liquidity(random.Next(2) == 0 ? Side.Buy : Side.Sell, 95m + (random.Next(20) * 0.5m), 0.1m * (1 + random.Next(20)));
            }
        }

        f.At(3_000);
        var bids = snapshot.Bids.ToDictionary(static l => l.Price, static l => l.Quantity);
        var asks = snapshot.Asks.ToDictionary(static l => l.Price, static l => l.Quantity);
        var bookId = snapshot.LastUpdateId;
        depth.Frames.Count.ShouldBeGreaterThan(10);
        foreach (var frame in depth.Frames)
        {
            using var doc = JsonDocument.Parse(frame);
            var first = doc.RootElement.GetProperty("U").GetInt64();
            var last = doc.RootElement.GetProperty("u").GetInt64();
            first.ShouldBe(bookId + 1); // contiguous: U = previous u + 1
            Apply(bids, doc.RootElement.GetProperty("b"));
            Apply(asks, doc.RootElement.GetProperty("a"));
            bookId = last;
        }

        var engine = f.Engine.Engine.GetDepth(EngineFixture.BtcUsdt, 5000).Value;
        bookId.ShouldBe(engine.LastUpdateId);
        bids.OrderByDescending(static p => p.Key).Select(static p => (p.Key, p.Value))
            .ShouldBe(engine.Bids.Select(static l => (l.Price, l.Quantity)));
        asks.OrderBy(static p => p.Key).Select(static p => (p.Key, p.Value))
            .ShouldBe(engine.Asks.Select(static l => (l.Price, l.Quantity)));
    }

    [Fact]
    public void PartialDepth_BestLevelsFirst_EveryPeriod()
    {
        using var f = new HubFixture();
        for (var i = 0; i < 7; i++)
        {
            f.Engine.Liquidity(Side.Buy, 90m + i, 1m);
            f.Engine.Liquidity(Side.Sell, 100m + i, 2m);
        }

        var depth = f.Record("btcusdt@depth5@100ms");
        f.At(200);

        depth.Frames.Count.ShouldBe(2);
        depth.Frames[1].ShouldBe(
            """{"lastUpdateId":14,"bids":[["96.00000000","1.00000000"],["95.00000000","1.00000000"],["94.00000000","1.00000000"],["93.00000000","1.00000000"],["92.00000000","1.00000000"]],"asks":[["100.00000000","2.00000000"],["101.00000000","2.00000000"],["102.00000000","2.00000000"],["103.00000000","2.00000000"],["104.00000000","2.00000000"]]}""");
    }

    [Fact]
    public void TimedStream_LastSubscriberLeaves_TimerStops()
    {
        using var f = new HubFixture();
        f.Trade(100m, 1m);
        var a = f.Record("btcusdt@miniTicker");
        var b = f.Record("btcusdt@miniTicker");
        f.Hub.ActiveTimers.ShouldBe(1);
        f.At(1_000);
        a.Subscription.Dispose();
        f.Hub.ActiveTimers.ShouldBe(1);
        f.At(2_000);
        b.Subscription.Dispose();
        f.Hub.ActiveTimers.ShouldBe(0);

        f.At(5_000);

        a.Frames.Count.ShouldBe(1);
        b.Frames.Count.ShouldBe(2);
        f.Violations.ShouldBeEmpty();
    }

    [Fact]
    public void AllMiniTickers_OnlySymbolsThatTraded()
    {
        using var f = new HubFixture();
        var all = f.Record("!miniTicker@arr");
        f.At(500);
        f.Trade(100m, 1m);
        f.At(3_000);

        all.Frames.Count.ShouldBe(1);
        all.Frames[0].ShouldStartWith("[{\"e\":\"24hrMiniTicker\"");
    }

    private static void Apply(Dictionary<decimal, decimal> side, JsonElement levels)
    {
        foreach (var level in levels.EnumerateArray())
        {
            var price = decimal.Parse(level[0].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var qty = decimal.Parse(level[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            if (qty == 0m)
            {
                side.Remove(price);
            }
            else
            {
                side[price] = qty;
            }
        }
    }
}

using RxTrader.Core;
using RxTrader.Simulator.Publishing;

namespace RxTrader.Simulator.Tests.Publishing;

public sealed class MarketStreamHubTradeTests
{
    private const long T0 = HubFixture.T0;

    [Theory]
    [InlineData("btcusdt@trade", PublicStreamKind.Trade, "btcusdt@trade")]
    [InlineData("btcusdt@aggTrade", PublicStreamKind.AggregateTrade, "btcusdt@aggTrade")]
    [InlineData("btcusdt@kline_1M", PublicStreamKind.Kline, "btcusdt@kline_1M")]
    [InlineData("btcusdt@depth@1000ms", PublicStreamKind.DiffDepth, "btcusdt@depth")]
    [InlineData("btcusdt@depth10@100ms", PublicStreamKind.PartialDepth, "btcusdt@depth10@100ms")]
    [InlineData("btcusdt@avgPrice", PublicStreamKind.AveragePrice, "btcusdt@avgPrice")]
    [InlineData("!miniTicker@arr", PublicStreamKind.AllMiniTickers, "!miniTicker@arr")]
    public void TryParse_KnownStream_GivesKindAndCanonicalName(string text, PublicStreamKind kind, string canonical)
    {
        using var f = new HubFixture();
        f.Hub.TryParse(text, out var stream).ShouldBeTrue();
        stream.Kind.ShouldBe(kind);
        stream.Name.ShouldBe(canonical);
    }

    [Theory]
    [InlineData("ethusdt@trade")]
    [InlineData("BTCUSDT@trade")]
    [InlineData("btcusdt@kline_2m")]
    [InlineData("btcusdt@depth7")]
    [InlineData("btcusdt@avgprice")]
    [InlineData("@avgPrice")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownSymbolOrName_IsFalse(string? text)
    {
        using var f = new HubFixture();
        f.Hub.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void Subscribe_DefaultStream_Throws()
    {
        using var f = new HubFixture();
        Should.Throw<ArgumentException>(() => f.Hub.Subscribe(default));
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        using var f = new HubFixture();
        Should.Throw<ArgumentNullException>(() => new MarketStreamHub(null!, f.Engine.Scheduler));
        Should.Throw<ArgumentNullException>(() => new MarketStreamHub(f.Engine.Engine, null!));
        Should.Throw<ArgumentOutOfRangeException>(() => new MarketStreamHub(f.Engine.Engine, f.Engine.Scheduler, new() { KlineHistory = 0 }));
    }

    [Fact]
    public void Trade_Payload_IsByteExact()
    {
        using var f = new HubFixture();
        var trades = f.Record("btcusdt@trade");
        f.At(1_500);

        f.Trade(100.5m, 0.25m);

        trades.Frames.ShouldBe([
            $$"""{"e":"trade","E":{{T0 + 1500}},"s":"BTCUSDT","t":1,"p":"100.50000000","q":"0.25000000","T":{{T0 + 1500}},"m":false,"M":true}""",
        ]);
        f.Violations.ShouldBeEmpty();
    }

    [Fact]
    public void Trade_TwoSubscribers_ShareOnePayload()
    {
        using var f = new HubFixture();
        f.Hub.TryParse("btcusdt@trade", out var stream).ShouldBeTrue();
        var payloads = new List<ReadOnlyMemory<byte>>();
        using var a = f.Hub.Subscribe(stream).Subscribe(payloads.Add);
        using var b = f.Hub.Subscribe(stream).Subscribe(payloads.Add);

        f.Trade(100m, 1m);

        payloads.Count.ShouldBe(2);
        payloads[0].Equals(payloads[1]).ShouldBeTrue(); // The same memory, not two encodings.
    }

    [Fact]
    public void AggTrade_TradesOfOneOperationAtOnePrice_AreOneAggregate()
    {
        using var f = new HubFixture();
        var agg = f.Record("btcusdt@aggTrade");
        f.Engine.Liquidity(Side.Sell, 100m, 0.1m);
        f.Engine.Liquidity(Side.Sell, 100m, 0.2m);
        f.Engine.Liquidity(Side.Sell, 101m, 0.3m);
        f.At(10);

        f.Engine.Liquidity(Side.Buy, 101m, 0.6m); // Sweeps 100 (two makers) then 101.

        var t = T0 + 10;
        agg.Frames.ShouldBe([
            $$"""{"e":"aggTrade","E":{{t}},"s":"BTCUSDT","a":1,"p":"100.00000000","q":"0.30000000","f":1,"l":2,"T":{{t}},"m":false,"M":true}""",
            $$"""{"e":"aggTrade","E":{{t}},"s":"BTCUSDT","a":2,"p":"101.00000000","q":"0.30000000","f":3,"l":3,"T":{{t}},"m":false,"M":true}""",
        ]);

        f.Engine.Liquidity(Side.Buy, 100m, 0.1m);
        f.Engine.Liquidity(Side.Buy, 100m, 0.1m);
        f.Engine.Liquidity(Side.Sell, 100m, 0.2m); // A new taker at a price used before: a new aggregate.
        agg.Frames.Count.ShouldBe(3);
        agg.Frames[2].ShouldContain("\"a\":3,\"p\":\"100.00000000\",\"q\":\"0.20000000\",\"f\":4,\"l\":5");
        agg.Frames[2].ShouldContain("\"m\":true");
    }

    [Fact]
    public void BookTicker_OnlyOnTopChange_WithoutEventFields()
    {
        using var f = new HubFixture();
        var ticker = f.Record("btcusdt@bookTicker");

        f.Engine.Liquidity(Side.Buy, 99m, 1m);   // top bid: update 1
        f.Engine.Liquidity(Side.Buy, 98m, 1m);   // below the top: nothing
        f.Engine.Liquidity(Side.Sell, 101m, 2m); // top ask: update 3

        ticker.Frames.ShouldBe([
            """{"u":1,"s":"BTCUSDT","b":"99.00000000","B":"1.00000000","a":"0.00000000","A":"0.00000000"}""",
            """{"u":3,"s":"BTCUSDT","b":"99.00000000","B":"1.00000000","a":"101.00000000","A":"2.00000000"}""",
        ]);
    }

    [Fact]
    public void Trade_LastSubscriberLeaves_NoMoreEncoding()
    {
        using var f = new HubFixture();
        var trades = f.Record("btcusdt@trade");
        trades.Subscription.Dispose();

        f.Trade(100m, 1m);

        trades.Frames.ShouldBeEmpty();
    }

    [Fact]
    public void Dispose_CompletesStreams()
    {
        using var f = new HubFixture();
        var trades = f.Record("btcusdt@trade");
        var depth = f.Record("btcusdt@depth20");
        f.Hub.ActiveTimers.ShouldBe(1);

        f.Hub.Dispose();
        f.Trade(100m, 1m);
        f.At(5_000);

        trades.Completed.ShouldBeTrue();
        depth.Completed.ShouldBeTrue();
        f.Hub.ActiveTimers.ShouldBe(0);
        trades.Frames.ShouldBeEmpty();
        depth.Frames.ShouldBeEmpty();
        f.Hub.TryParse("btcusdt@trade", out var stream).ShouldBeTrue();
        var late = false;
        using var subscription = f.Hub.Subscribe(stream).Subscribe(_ => { }, () => late = true);
        late.ShouldBeTrue();
        f.Violations.ShouldBeEmpty();
    }

    [Fact]
    public void EngineDisposed_CompletesStreams()
    {
        var f = new HubFixture();
        var trades = f.Record("btcusdt@ticker");
        f.Hub.ActiveTimers.ShouldBe(1);

        f.Engine.Engine.Dispose();
        f.Hub.Dispose();

        trades.Completed.ShouldBeTrue();
        f.Hub.ActiveTimers.ShouldBe(0);
    }
}

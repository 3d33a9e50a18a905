using RxTrader.Binance.Wire;
using RxTrader.Core;

namespace RxTrader.Simulator.Tests.Publishing;

public sealed class MarketStreamHubRestTests
{
    private const long T0 = HubFixture.T0;
    private static readonly Symbol Btc = EngineFixture.BtcUsdt;

    private static HubFixture ThreeTrades()
    {
        var f = new HubFixture();
        f.At(1_000);
        f.Trade(100m, 1m);
        f.At(3_000);
        f.Trade(102m, 2m, Side.Sell);
        f.At(61_000);
        f.Trade(103m, 0.5m);
        return f;
    }

    [Fact]
    public void Klines_ArrayOfTwelveFields_ClosedAndOpen()
    {
        using var f = ThreeTrades();

        var json = HubFixture.Json(w => f.Hub.WriteKlines(w, Btc, KlineInterval.OneMinute));

        json.ShouldBe(
            $"[[{T0},\"100.00000000\",\"102.00000000\",\"100.00000000\",\"102.00000000\",\"3.00000000\",{T0 + 59999},\"304.00000000\",2,\"1.00000000\",\"100.00000000\",\"0\"]," +
            $"[{T0 + 60000},\"103.00000000\",\"103.00000000\",\"103.00000000\",\"103.00000000\",\"0.50000000\",{T0 + 119999},\"51.50000000\",1,\"0.50000000\",\"51.50000000\",\"0\"]]");
    }

    [Fact]
    public void Klines_LimitAndStartTime_SelectTheRange()
    {
        using var f = ThreeTrades();

        HubFixture.Json(w => f.Hub.WriteKlines(w, Btc, KlineInterval.OneMinute, limit: 1)).ShouldStartWith($"[[{T0 + 60000},");
        HubFixture.Json(w => f.Hub.WriteKlines(w, Btc, KlineInterval.OneMinute, startTime: DateTimeOffset.FromUnixTimeMilliseconds(T0), limit: 1))
            .ShouldStartWith($"[[{T0},");
        var upToFirst = HubFixture.Json(w => f.Hub.WriteKlines(w, Btc, KlineInterval.OneMinute, endTime: DateTimeOffset.FromUnixTimeMilliseconds(T0 + 1)));
        upToFirst.ShouldStartWith($"[[{T0},");
        upToFirst.ShouldNotContain($"{T0 + 60000}");
    }

    [Fact]
    public void Klines_RingBound_KeepsTheNewest()
    {
        using var f = new HubFixture(new() { KlineHistory = 3 });
        for (var i = 0; i < 10; i++)
        {
            f.At(i * 1_000);
            f.Trade(100m + i, 1m);
        }

        var json = HubFixture.Json(w => f.Hub.WriteKlines(w, Btc, KlineInterval.OneSecond));
        json.ShouldStartWith($"[[{T0 + 6000},");
        json.Split("],[").Length.ShouldBe(4); // 3 closed + the open one
    }

    [Fact]
    public void Trades_Limit_NewestOldestFirst()
    {
        using var f = ThreeTrades();

        HubFixture.Json(w => f.Hub.WriteTrades(w, Btc, limit: 2)).ShouldBe(
            $$"""[{"id":2,"price":"102.00000000","qty":"2.00000000","quoteQty":"204.00000000","time":{{T0 + 3000}},"isBuyerMaker":true,"isBestMatch":true},{"id":3,"price":"103.00000000","qty":"0.50000000","quoteQty":"51.50000000","time":{{T0 + 61000}},"isBuyerMaker":false,"isBestMatch":true}]""");
    }

    [Fact]
    public void AggTrades_FromIdStartTimeAndLimit()
    {
        using var f = ThreeTrades();

        HubFixture.Json(w => f.Hub.WriteAggregateTrades(w, Btc, fromId: 2, limit: 1)).ShouldBe(
            $$"""[{"a":2,"p":"102.00000000","q":"2.00000000","f":2,"l":2,"T":{{T0 + 3000}},"m":true,"M":true}]""");
        var fromTime = HubFixture.Json(w => f.Hub.WriteAggregateTrades(w, Btc, startTime: DateTimeOffset.FromUnixTimeMilliseconds(T0 + 2000)));
        fromTime.ShouldStartWith("[{\"a\":2,");
        fromTime.ShouldContain("\"a\":3");
        HubFixture.Json(w => f.Hub.WriteAggregateTrades(w, Btc, limit: 1)).ShouldStartWith("[{\"a\":3,");
    }

    [Fact]
    public void Ticker24h_Full_ExactShape()
    {
        using var f = ThreeTrades();
        f.Engine.Liquidity(Side.Buy, 50m, 1m);
        f.Engine.Liquidity(Side.Sell, 200m, 3m);

        var json = HubFixture.Json(w => f.Hub.WriteTicker24h(w, [Btc]));

        var now = T0 + 61_000;
        json.ShouldBe(
            $$"""{"symbol":"BTCUSDT","priceChange":"3.00000000","priceChangePercent":"3.000","weightedAvgPrice":"101.57142857","prevClosePrice":"0.00000000","lastPrice":"103.00000000","lastQty":"0.50000000","bidPrice":"50.00000000","bidQty":"1.00000000","askPrice":"200.00000000","askQty":"3.00000000","openPrice":"100.00000000","highPrice":"103.00000000","lowPrice":"100.00000000","volume":"3.50000000","quoteVolume":"355.50000000","openTime":{{now - 86_400_000}},"closeTime":{{now}},"firstId":1,"lastId":3,"count":3}""");
    }

    [Fact]
    public void PriceBookTickerAndArrays()
    {
        using var f = ThreeTrades();
        f.Engine.Liquidity(Side.Buy, 50m, 1m);

        HubFixture.Json(w => f.Hub.WriteTickerPrice(w, [Btc])).ShouldBe("""{"symbol":"BTCUSDT","price":"103.00000000"}""");
        HubFixture.Json(w => f.Hub.WriteTickerPrice(w, [Btc], asArray: true)).ShouldBe("""[{"symbol":"BTCUSDT","price":"103.00000000"}]""");
        HubFixture.Json(w => f.Hub.WriteBookTicker(w, [Btc])).ShouldBe(
            """{"symbol":"BTCUSDT","bidPrice":"50.00000000","bidQty":"1.00000000","askPrice":"0.00000000","askQty":"0.00000000"}""");
        HubFixture.Json(w => f.Hub.WriteTicker24h(w, [Btc], mini: true, asArray: true)).ShouldStartWith("[{\"symbol\":\"BTCUSDT\",\"openPrice\"");
    }

    [Fact]
    public void Writers_UnknownSymbol_ReturnFalse()
    {
        using var f = new HubFixture();
        var eth = new Symbol("ETHUSDT");
        using var writer = new System.Text.Json.Utf8JsonWriter(new System.Buffers.ArrayBufferWriter<byte>());

        f.Hub.WriteTrades(writer, eth).ShouldBeFalse();
        f.Hub.WriteAggregateTrades(writer, eth).ShouldBeFalse();
        f.Hub.WriteKlines(writer, eth, KlineInterval.OneDay).ShouldBeFalse();
        f.Hub.WriteTicker24h(writer, [Btc, eth], asArray: true).ShouldBeFalse();
        f.Hub.WriteTickerPrice(writer, [eth]).ShouldBeFalse();
        f.Hub.WriteBookTicker(writer, [eth]).ShouldBeFalse();
        f.Hub.WriteAveragePrice(writer, eth).ShouldBeFalse();
        writer.BytesCommitted.ShouldBe(0);
        Should.Throw<ArgumentNullException>(() => f.Hub.WriteTrades(null!, Btc));
    }
}

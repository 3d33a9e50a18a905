using System.Text.Json;
using RxTrader.Core;

namespace RxTrader.Simulator.Tests.Rest;

/// <summary>The market-data routes answer from the hub's history; the hub's writers have their own shape tests,
/// so these check routing, parameters, errors and weights.</summary>
public sealed class RestMarketDataEndpointsTests
{
    [Fact]
    public async Task Trades_AfterTwoTrades_NewestLast()
    {
        await using var f = await StartWithTradesAsync();
        var json = await RestFixture.JsonAsync(await f.GetAsync("/api/v3/trades?symbol=BTCUSDT&limit=1"));
        json.GetArrayLength().ShouldBe(1);
        json[0].GetProperty("price").GetString().ShouldBe("60010.00000000");
        json[0].GetProperty("id").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task AggTrades_FromId_OldestFirst()
    {
        await using var f = await StartWithTradesAsync();
        var json = await RestFixture.JsonAsync(await f.GetAsync("/api/v3/aggTrades?symbol=BTCUSDT&fromId=1"));
        json.GetArrayLength().ShouldBe(2);
        json[0].GetProperty("a").GetInt64().ShouldBe(1);
        json[0].GetProperty("p").GetString().ShouldBe("60000.00000000");
        json[1].GetProperty("p").GetString().ShouldBe("60010.00000000");
    }

    [Fact]
    public async Task AggTrades_FromIdWithTimes_BadCombination()
    {
        await using var f = await StartWithTradesAsync();
        await RestFixture.ShouldFailAsync(
            await f.GetAsync($"/api/v3/aggTrades?symbol=BTCUSDT&fromId=1&startTime={f.NowMs}"), 400, -1128);
    }

    [Fact]
    public async Task Klines_OneMinute_TwelveFieldsWithTheTrades()
    {
        await using var f = await StartWithTradesAsync();
        var response = await f.GetAsync("/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=5");
        var json = await RestFixture.JsonAsync(response);
        json.GetArrayLength().ShouldBe(1);
        var k = json[0];
        k.GetArrayLength().ShouldBe(12);
        k[1].GetString().ShouldBe("60000.00000000");
        k[2].GetString().ShouldBe("60010.00000000");
        k[4].GetString().ShouldBe("60010.00000000");
        k[8].GetInt32().ShouldBe(2);
        RestFixture.Header(response, "X-MBX-USED-WEIGHT-1M").ShouldBe("2");
    }

    [Theory]
    [InlineData("interval=2m", -1120)]
    [InlineData("", -1102)]
    [InlineData("interval=1m&limit=0", -1130)]
    [InlineData("interval=1m&timeZone=8", -1130)]
    public async Task Klines_BadParameters_BinanceErrors(string query, int code)
    {
        await using var f = await StartWithTradesAsync();
        await RestFixture.ShouldFailAsync(await f.GetAsync("/api/v3/klines?symbol=BTCUSDT&" + query), 400, code);
    }

    [Fact]
    public async Task UiKlines_SameAsKlines()
    {
        await using var f = await StartWithTradesAsync();
        var klines = await (await f.GetAsync("/api/v3/klines?symbol=BTCUSDT&interval=1m")).Content.ReadAsStringAsync();
        var ui = await (await f.GetAsync("/api/v3/uiKlines?symbol=BTCUSDT&interval=1m")).Content.ReadAsStringAsync();
        ui.ShouldBe(klines);
    }

    [Fact]
    public async Task Ticker24h_OneSymbol_ObjectWithLastPrice()
    {
        await using var f = await StartWithTradesAsync();
        var json = await RestFixture.JsonAsync(await f.GetAsync("/api/v3/ticker/24hr?symbol=BTCUSDT&type=FULL"));
        json.ValueKind.ShouldBe(JsonValueKind.Object);
        json.GetProperty("lastPrice").GetString().ShouldBe("60010.00000000");
        json.GetProperty("count").GetInt64().ShouldBe(2);
    }

    [Fact]
    public async Task Ticker24h_SymbolsList_ArrayAndWeight()
    {
        await using var f = await StartWithTradesAsync();
        var response = await f.GetAsync("/api/v3/ticker/24hr?symbols=%5B%22BTCUSDT%22%5D&type=MINI");
        var json = await RestFixture.JsonAsync(response);
        json.ValueKind.ShouldBe(JsonValueKind.Array);
        json[0].GetProperty("symbol").GetString().ShouldBe("BTCUSDT");
        json[0].TryGetProperty("priceChange", out _).ShouldBeFalse();
        RestFixture.Header(response, "X-MBX-USED-WEIGHT-1M").ShouldBe("40");
    }

    [Fact]
    public async Task Ticker24h_BadType_IllegalCharacters()
    {
        await using var f = await StartWithTradesAsync();
        await RestFixture.ShouldFailAsync(await f.GetAsync("/api/v3/ticker/24hr?symbol=BTCUSDT&type=HALF"), 400, -1100);
    }

    [Fact]
    public async Task TickerPrice_Symbol_LastTradePrice()
    {
        await using var f = await StartWithTradesAsync();
        var json = await RestFixture.JsonAsync(await f.GetAsync("/api/v3/ticker/price?symbol=BTCUSDT"));
        json.GetProperty("price").GetString().ShouldBe("60010.00000000");
    }

    [Fact]
    public async Task BookTicker_SymbolAndSymbols_BothForms()
    {
        await using var f = await StartWithTradesAsync();
        f.Server.Engine.PlaceLiquidity(RestFixture.BtcUsdt, Side.Buy, 59_990m, 1m);
        var single = await RestFixture.JsonAsync(await f.GetAsync("/api/v3/ticker/bookTicker?symbol=BTCUSDT"));
        single.GetProperty("bidPrice").GetString().ShouldBe("59990.00000000");
        var both = await f.GetAsync("/api/v3/ticker/bookTicker?symbol=BTCUSDT&symbols=%5B%22BTCUSDT%22%5D");
        await RestFixture.ShouldFailAsync(both, 400, -1128);
    }

    [Fact]
    public async Task AvgPrice_AfterTrades_HasAPrice()
    {
        await using var f = await StartWithTradesAsync();
        var json = await RestFixture.JsonAsync(await f.GetAsync("/api/v3/avgPrice?symbol=BTCUSDT"));
        json.GetProperty("mins").GetInt32().ShouldBe(5);
        decimal.Parse(json.GetProperty("price").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(60_000m, 60_010m);
    }

    [Theory]
    [InlineData("/api/v3/trades?symbol=NOPEUSDT")]
    [InlineData("/api/v3/aggTrades?symbol=NOPEUSDT")]
    [InlineData("/api/v3/klines?symbol=NOPEUSDT&interval=1m")]
    [InlineData("/api/v3/avgPrice?symbol=NOPEUSDT")]
    [InlineData("/api/v3/ticker/24hr?symbol=NOPEUSDT")]
    public async Task UnknownSymbol_InvalidSymbol(string path)
    {
        await using var f = await StartWithTradesAsync();
        await RestFixture.ShouldFailAsync(await f.GetAsync(path), 400, -1121);
    }

    /// <summary>A silent market with two BTCUSDT trades the buyer took: 60000 then 60010.</summary>
    private static async Task<RestFixture> StartWithTradesAsync()
    {
        var f = await RestFixture.StartAsync();
        var engine = f.Server.Engine;
        foreach (var price in new[] { 60_000m, 60_010m })
        {
            engine.PlaceLiquidity(RestFixture.BtcUsdt, Side.Sell, price, 0.5m).IsSuccess.ShouldBeTrue();
            engine.PlaceLiquidity(RestFixture.BtcUsdt, Side.Buy, price, 0.5m).IsSuccess.ShouldBeTrue();
        }

        return f;
    }
}

using System.Net;
using RxTrader.Core;

namespace RxTrader.Simulator.Tests.Rest;

public sealed class RestGeneralEndpointsTests
{
    [Fact]
    public async Task Ping_ReturnsEmptyObject_WithWeightHeaders()
    {
        await using var f = await RestFixture.StartAsync();
        var response = await f.GetAsync("/api/v3/ping");
        (await response.Content.ReadAsStringAsync()).ShouldBe("{}");
        RestFixture.Header(response, "X-MBX-USED-WEIGHT-1M").ShouldBe("1");
        RestFixture.Header(response, "X-MBX-USED-WEIGHT").ShouldBe("1");
        response.Content.Headers.ContentType!.ToString().ShouldBe("application/json; charset=UTF-8");
    }

    [Fact]
    public async Task Time_ReturnsTheSchedulerClock()
    {
        await using var f = await RestFixture.StartAsync();
        (await (await f.GetAsync("/api/v3/time")).Content.ReadAsStringAsync()).ShouldBe("{\"serverTime\":" + f.NowMs + "}");
    }

    [Fact]
    public async Task SystemStatus_IsNormal()
    {
        await using var f = await RestFixture.StartAsync();
        (await (await f.GetAsync("/sapi/v1/system/status")).Content.ReadAsStringAsync()).ShouldBe("{\"status\":0,\"msg\":\"normal\"}");
    }

    [Fact]
    public async Task ExchangeInfo_Symbol_ExactShape()
    {
        await using var f = await RestFixture.StartAsync();
        var response = await f.GetAsync("/api/v3/exchangeInfo?symbol=BTCUSDT");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldBe(
            "{\"timezone\":\"UTC\",\"serverTime\":" + f.NowMs + ",\"rateLimits\":["
            + "{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":6000},"
            + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":50},"
            + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"DAY\",\"intervalNum\":1,\"limit\":160000},"
            + "{\"rateLimitType\":\"RAW_REQUESTS\",\"interval\":\"MINUTE\",\"intervalNum\":5,\"limit\":61000}],"
            + "\"exchangeFilters\":[],\"symbols\":[{\"symbol\":\"BTCUSDT\",\"status\":\"TRADING\",\"baseAsset\":\"BTC\","
            + "\"baseAssetPrecision\":8,\"quoteAsset\":\"USDT\",\"quotePrecision\":8,\"quoteAssetPrecision\":8,"
            + "\"baseCommissionPrecision\":8,\"quoteCommissionPrecision\":8,\"orderTypes\":[\"LIMIT\",\"LIMIT_MAKER\",\"MARKET\"],"
            + "\"icebergAllowed\":false,\"ocoAllowed\":false,\"otoAllowed\":false,\"opoAllowed\":false,"
            + "\"quoteOrderQtyMarketAllowed\":true,\"allowTrailingStop\":false,\"cancelReplaceAllowed\":false,"
            + "\"amendAllowed\":false,\"pegInstructionsAllowed\":false,\"isSpotTradingAllowed\":true,"
            + "\"isMarginTradingAllowed\":false,\"filters\":["
            + "{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.01000000\",\"maxPrice\":\"1000000.00000000\",\"tickSize\":\"0.01000000\"},"
            + "{\"filterType\":\"LOT_SIZE\",\"minQty\":\"0.00001000\",\"maxQty\":\"9000.00000000\",\"stepSize\":\"0.00001000\"},"
            + "{\"filterType\":\"MARKET_LOT_SIZE\",\"minQty\":\"0.00000000\",\"maxQty\":\"1000.00000000\",\"stepSize\":\"0.00000000\"},"
            + "{\"filterType\":\"MAX_NUM_ORDERS\",\"maxNumOrders\":200},"
            + "{\"filterType\":\"NOTIONAL\",\"minNotional\":\"5.00000000\",\"applyMinToMarket\":true,\"maxNotional\":\"9000000.00000000\",\"applyMaxToMarket\":false,\"avgPriceMins\":5}],"
            + "\"permissions\":[],\"permissionSets\":[[\"SPOT\"]],\"defaultSelfTradePreventionMode\":\"NONE\","
            + "\"allowedSelfTradePreventionModes\":[\"NONE\"]}]}");
        RestFixture.Header(response, "X-MBX-USED-WEIGHT-1M").ShouldBe("20");
    }

    [Fact]
    public async Task ExchangeInfo_NoParameters_ListsEveryConfiguredSymbol()
    {
        await using var f = await RestFixture.StartAsync();
        var json = await RestFixture.JsonAsync(await f.GetAsync("/api/v3/exchangeInfo"));
        var symbols = json.GetProperty("symbols").EnumerateArray().Select(s => s.GetProperty("symbol").GetString()).ToArray();
        symbols.ShouldBe(["BTCUSDT", "ETHUSDT", "BNBUSDT"]);
    }

    [Fact]
    public async Task ExchangeInfo_SymbolsArray_Filters()
    {
        await using var f = await RestFixture.StartAsync();
        var json = await RestFixture.JsonAsync(await f.GetAsync("/api/v3/exchangeInfo?symbols=%5B%22ETHUSDT%22%2C%22BTCUSDT%22%5D"));
        json.GetProperty("symbols").EnumerateArray().Select(s => s.GetProperty("symbol").GetString()).ShouldBe(["ETHUSDT", "BTCUSDT"]);
        var noSets = await RestFixture.JsonAsync(await f.GetAsync("/api/v3/exchangeInfo?symbol=BTCUSDT&showPermissionSets=false"));
        noSets.GetProperty("symbols")[0].TryGetProperty("permissionSets", out _).ShouldBeFalse();
        (await f.GetAsync("/api/v3/exchangeInfo?permissions=SPOT")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("?symbol=NOPE", -1121)]
    [InlineData("?symbols=%5B%22NOPE%22%5D", -1121)]
    [InlineData("?symbols=BTCUSDT", -1100)]
    [InlineData("?symbols=%5B%22BTCUSDT%22", -1100)]
    [InlineData("?symbols=%5B1%5D", -1100)]
    [InlineData("?symbol=BTCUSDT&symbols=%5B%22BTCUSDT%22%5D", -1128)]
    [InlineData("?symbol=btcusdt", -1100)]
    [InlineData("?bogus=1", -1104)]
    public async Task ExchangeInfo_BadParameters_BinanceErrors(string query, int code)
    {
        await using var f = await RestFixture.StartAsync();
        await RestFixture.ShouldFailAsync(await f.GetAsync("/api/v3/exchangeInfo" + query), 400, code);
    }

    [Fact]
    public async Task Depth_ExactShape_BestFirst()
    {
        await using var f = await RestFixture.StartAsync();
        var btc = RestFixture.BtcUsdt;
        f.Server.Engine.PlaceLiquidity(btc, Side.Buy, 100m, 1.5m).IsSuccess.ShouldBeTrue();
        f.Server.Engine.PlaceLiquidity(btc, Side.Buy, 99.5m, 2m);
        f.Server.Engine.PlaceLiquidity(btc, Side.Sell, 101m, 0.25m);
        var id = f.Server.Engine.GetDepth(btc).Value.LastUpdateId;
        var response = await f.GetAsync("/api/v3/depth?symbol=BTCUSDT&limit=5");
        (await response.Content.ReadAsStringAsync()).ShouldBe(
            "{\"lastUpdateId\":" + id + ",\"bids\":[[\"100.00000000\",\"1.50000000\"],[\"99.50000000\",\"2.00000000\"]],\"asks\":[[\"101.00000000\",\"0.25000000\"]]}");
        RestFixture.Header(response, "X-MBX-USED-WEIGHT-1M").ShouldBe("5");
    }

    [Fact]
    public async Task Depth_ThousandLevels_AllReturned()
    {
        await using var f = await RestFixture.StartAsync();
        for (var i = 0; i < 1200; i++)
        {
            f.Server.Engine.PlaceLiquidity(RestFixture.BtcUsdt, Side.Buy, 1000m - (i * 0.01m), 1m);
            f.Server.Engine.PlaceLiquidity(RestFixture.BtcUsdt, Side.Sell, 1001m + (i * 0.01m), 1m);
        }

        var json = await RestFixture.JsonAsync(await f.GetAsync("/api/v3/depth?symbol=BTCUSDT&limit=1000"));
        json.GetProperty("bids").GetArrayLength().ShouldBe(1000);
        json.GetProperty("asks").GetArrayLength().ShouldBe(1000);
        json.GetProperty("asks")[999][0].GetString().ShouldBe("1010.99000000");
        var all = await RestFixture.JsonAsync(await f.GetAsync("/api/v3/depth?symbol=BTCUSDT&limit=5000"));
        all.GetProperty("bids").GetArrayLength().ShouldBe(1200);
    }

    [Theory]
    [InlineData(1, "5")]
    [InlineData(100, "5")]
    [InlineData(101, "25")]
    [InlineData(500, "25")]
    [InlineData(501, "50")]
    [InlineData(1000, "50")]
    [InlineData(1001, "250")]
    [InlineData(5000, "250")]
    [InlineData(6000, "250")]
    public async Task Depth_WeightFollowsLimit(int limit, string weight)
    {
        await using var f = await RestFixture.StartAsync();
        var r = await f.GetAsync("/api/v3/depth?symbol=BTCUSDT&limit=" + limit);
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        RestFixture.Header(r, "X-MBX-USED-WEIGHT-1M").ShouldBe(weight);
    }

    [Theory]
    [InlineData("", -1102)]
    [InlineData("?symbol=", -1102)]
    [InlineData("?symbol=XYZUSDT", -1121)]
    [InlineData("?symbol=BTCUSDT&limit=abc", -1100)]
    [InlineData("?symbol=BTCUSDT&limit=-5", -1100)]
    [InlineData("?symbol=BTCUSDT&limit=0", -1130)]
    [InlineData("?symbol=BTCUSDT&limit=", -1105)]
    [InlineData("?symbol=BTCUSDT&symbol=BTCUSDT", -1101)]
    public async Task Depth_BadParameters_BinanceErrors(string query, int code)
    {
        await using var f = await RestFixture.StartAsync();
        await RestFixture.ShouldFailAsync(await f.GetAsync("/api/v3/depth" + query), 400, code);
    }
}

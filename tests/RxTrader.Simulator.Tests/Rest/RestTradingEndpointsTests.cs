using System.Net;
using System.Text.Json;
using RxTrader.Core;

namespace RxTrader.Simulator.Tests.Rest;

public sealed class RestTradingEndpointsTests
{
    private const string Limit = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=100";

    [Fact]
    public async Task NewOrder_RestingLimit_FullExactShape_AndOrderCountHeaders()
    {
        await using var f = await RestFixture.StartAsync();
        var response = await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit + "&newClientOrderId=my-1");
        var t = f.NowMs;
        (await response.Content.ReadAsStringAsync()).ShouldBe(
            "{\"symbol\":\"BTCUSDT\",\"orderId\":1,\"orderListId\":-1,\"clientOrderId\":\"my-1\",\"transactTime\":" + t
            + ",\"price\":\"100.00000000\",\"origQty\":\"0.10000000\",\"executedQty\":\"0.00000000\","
            + "\"origQuoteOrderQty\":\"0.00000000\",\"cummulativeQuoteQty\":\"0.00000000\",\"status\":\"NEW\","
            + "\"timeInForce\":\"GTC\",\"type\":\"LIMIT\",\"side\":\"BUY\",\"workingTime\":" + t
            + ",\"selfTradePreventionMode\":\"NONE\",\"fills\":[]}");
        RestFixture.Header(response, "X-MBX-ORDER-COUNT-10S").ShouldBe("1");
        RestFixture.Header(response, "X-MBX-ORDER-COUNT-1D").ShouldBe("1");
        RestFixture.Header(response, "X-MBX-USED-WEIGHT-1M").ShouldBe("1");
    }

    [Fact]
    public async Task NewOrder_Ack_And_Result()
    {
        await using var f = await RestFixture.StartAsync();
        var t = f.NowMs;
        var ack = await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit + "&newClientOrderId=a&newOrderRespType=ACK");
        (await ack.Content.ReadAsStringAsync()).ShouldBe(
            "{\"symbol\":\"BTCUSDT\",\"orderId\":1,\"orderListId\":-1,\"clientOrderId\":\"a\",\"transactTime\":" + t + "}");
        var result = await RestFixture.JsonAsync(await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit + "&newOrderRespType=RESULT"));
        result.GetProperty("status").GetString().ShouldBe("NEW");
        result.TryGetProperty("fills", out _).ShouldBeFalse();
        var maker = await RestFixture.JsonAsync(await f.SignedAsync(HttpMethod.Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT_MAKER&quantity=0.1&price=100"));
        maker.EnumerateObject().Select(p => p.Name).ShouldBe(["symbol", "orderId", "orderListId", "clientOrderId", "transactTime"]);
    }

    [Fact]
    public async Task NewOrder_MarketAgainstLiquidity_FullWithFills_NoOrderCount()
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Engine.PlaceLiquidity(RestFixture.BtcUsdt, Side.Sell, 100m, 0.05m);
        f.Server.Engine.PlaceLiquidity(RestFixture.BtcUsdt, Side.Sell, 101m, 1m);
        var response = await f.SignedAsync(HttpMethod.Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.1");
        var json = await RestFixture.JsonAsync(response);
        json.GetProperty("status").GetString().ShouldBe("FILLED");
        json.GetProperty("price").GetString().ShouldBe("0.00000000");
        json.GetProperty("timeInForce").GetString().ShouldBe("GTC");
        json.GetProperty("executedQty").GetString().ShouldBe("0.10000000");
        json.GetProperty("cummulativeQuoteQty").GetString().ShouldBe("10.05000000");
        var fills = json.GetProperty("fills").EnumerateArray().ToArray();
        fills.Length.ShouldBe(2);
        fills[0].EnumerateObject().Select(p => p.Name).ShouldBe(["price", "qty", "commission", "commissionAsset", "tradeId"]);
        fills[0].GetProperty("price").GetString().ShouldBe("100.00000000");
        fills[0].GetProperty("qty").GetString().ShouldBe("0.05000000");
        fills[0].GetProperty("commissionAsset").GetString().ShouldBe("BTC");
        RestFixture.Header(response, "X-MBX-ORDER-COUNT-10S").ShouldBe("0");
    }

    [Fact]
    public async Task QueryOrder_OpenOrders_AllOrders_ExactShape()
    {
        await using var f = await RestFixture.StartAsync();
        await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit + "&newClientOrderId=q1");
        var t = f.NowMs;
        var expected = "{\"symbol\":\"BTCUSDT\",\"orderId\":1,\"orderListId\":-1,\"clientOrderId\":\"q1\",\"price\":\"100.00000000\","
            + "\"origQty\":\"0.10000000\",\"executedQty\":\"0.00000000\",\"cummulativeQuoteQty\":\"0.00000000\",\"status\":\"NEW\","
            + "\"timeInForce\":\"GTC\",\"type\":\"LIMIT\",\"side\":\"BUY\",\"stopPrice\":\"0.00000000\",\"icebergQty\":\"0.00000000\","
            + "\"time\":" + t + ",\"updateTime\":" + t + ",\"isWorking\":true,\"workingTime\":" + t
            + ",\"origQuoteOrderQty\":\"0.00000000\",\"selfTradePreventionMode\":\"NONE\"}";
        var byId = await f.SignedAsync(HttpMethod.Get, "/api/v3/order", "symbol=BTCUSDT&orderId=1");
        (await byId.Content.ReadAsStringAsync()).ShouldBe(expected);
        RestFixture.Header(byId, "X-MBX-USED-WEIGHT-1M").ShouldBe("5");
        (await (await f.SignedAsync(HttpMethod.Get, "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=q1", SigningStyle.Connector)).Content.ReadAsStringAsync()).ShouldBe(expected);
        (await (await f.SignedAsync(HttpMethod.Get, "/api/v3/openOrders", "symbol=BTCUSDT")).Content.ReadAsStringAsync()).ShouldBe("[" + expected + "]");
        var all = await f.SignedAsync(HttpMethod.Get, "/api/v3/openOrders", string.Empty);
        (await all.Content.ReadAsStringAsync()).ShouldBe("[" + expected + "]");
        RestFixture.Header(all, "X-MBX-USED-WEIGHT-1M").ShouldBe((1 + 4 + 4 + 6 + 80).ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await (await f.SignedAsync(HttpMethod.Get, "/api/v3/allOrders", "symbol=BTCUSDT")).Content.ReadAsStringAsync()).ShouldBe("[" + expected + "]");
        await RestFixture.ShouldFailAsync(await f.SignedAsync(HttpMethod.Get, "/api/v3/order", "symbol=BTCUSDT&orderId=99"), 400, -2013, "Order does not exist.");
        await RestFixture.ShouldFailAsync(await f.SignedAsync(HttpMethod.Get, "/api/v3/order", "symbol=BTCUSDT"), 400, -1102, "Param 'orderId' or 'origClientOrderId' must be sent, but both were empty/null!");
    }

    [Fact]
    public async Task CancelOrder_ExactShape_ThenUnknown()
    {
        await using var f = await RestFixture.StartAsync();
        await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit + "&newClientOrderId=c1");
        var t = f.NowMs;
        var response = await f.SignedAsync(HttpMethod.Delete, "/api/v3/order", "symbol=BTCUSDT&orderId=1&newClientOrderId=cancel1");
        (await response.Content.ReadAsStringAsync()).ShouldBe(
            "{\"symbol\":\"BTCUSDT\",\"origClientOrderId\":\"c1\",\"orderId\":1,\"orderListId\":-1,\"clientOrderId\":\"cancel1\","
            + "\"transactTime\":" + t + ",\"price\":\"100.00000000\",\"origQty\":\"0.10000000\",\"executedQty\":\"0.00000000\","
            + "\"origQuoteOrderQty\":\"0.00000000\",\"cummulativeQuoteQty\":\"0.00000000\",\"status\":\"CANCELED\","
            + "\"timeInForce\":\"GTC\",\"type\":\"LIMIT\",\"side\":\"BUY\",\"selfTradePreventionMode\":\"NONE\"}");
        await RestFixture.ShouldFailAsync(await f.SignedAsync(HttpMethod.Delete, "/api/v3/order", "symbol=BTCUSDT&orderId=1"), 400, -2011, "Unknown order sent.");
        await RestFixture.ShouldFailAsync(await f.SignedAsync(HttpMethod.Delete, "/api/v3/order", "symbol=BTCUSDT&orderId=1&cancelRestrictions=NOPE"), 400, -1145);
    }

    [Fact]
    public async Task CancelOpenOrders_ReturnsEveryCanceledOrder()
    {
        await using var f = await RestFixture.StartAsync();
        await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit);
        await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit, SigningStyle.Connector);
        var json = await RestFixture.JsonAsync(await f.SignedAsync(HttpMethod.Delete, "/api/v3/openOrders", "symbol=BTCUSDT"));
        json.GetArrayLength().ShouldBe(2);
        json.EnumerateArray().All(o => o.GetProperty("status").GetString() == "CANCELED").ShouldBeTrue();
        (await (await f.SignedAsync(HttpMethod.Get, "/api/v3/openOrders", "symbol=BTCUSDT")).Content.ReadAsStringAsync()).ShouldBe("[]");
    }

    [Fact]
    public async Task TestOrder_EmptyObject_OrCommissionRates_NeverPlaces()
    {
        await using var f = await RestFixture.StartAsync();
        var plain = await f.SignedAsync(HttpMethod.Post, "/api/v3/order/test", Limit);
        (await plain.Content.ReadAsStringAsync()).ShouldBe("{}");
        var rates = await f.SignedAsync(HttpMethod.Post, "/api/v3/order/test", Limit + "&computeCommissionRates=true");
        (await rates.Content.ReadAsStringAsync()).ShouldBe(
            "{\"standardCommissionForOrder\":{\"maker\":\"0.00100000\",\"taker\":\"0.00100000\"},"
            + "\"specialCommissionForOrder\":{\"maker\":\"0.00000000\",\"taker\":\"0.00000000\"},"
            + "\"taxCommissionForOrder\":{\"maker\":\"0.00000000\",\"taker\":\"0.00000000\"},"
            + "\"discount\":{\"enabledForAccount\":false,\"enabledForSymbol\":false,\"discountAsset\":\"BNB\",\"discount\":\"0.00000000\"}}");
        RestFixture.Header(rates, "X-MBX-USED-WEIGHT-1M").ShouldBe("21");
        await RestFixture.ShouldFailAsync(await f.SignedAsync(HttpMethod.Post, "/api/v3/order/test", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=100.000000001"), 400, -1111);
        (await (await f.SignedAsync(HttpMethod.Get, "/api/v3/openOrders", string.Empty)).Content.ReadAsStringAsync()).ShouldBe("[]");
    }

    [Fact]
    public async Task Account_ExactShape_OmitZeroBalances_LockedAfterOrder()
    {
        await using var f = await RestFixture.StartAsync();
        var t = f.NowMs;
        var account = await f.SignedAsync(HttpMethod.Get, "/api/v3/account", string.Empty);
        (await account.Content.ReadAsStringAsync()).ShouldStartWith(
            "{\"makerCommission\":10,\"takerCommission\":10,\"buyerCommission\":0,\"sellerCommission\":0,"
            + "\"commissionRates\":{\"maker\":\"0.00100000\",\"taker\":\"0.00100000\",\"buyer\":\"0.00000000\",\"seller\":\"0.00000000\"},"
            + "\"canTrade\":true,\"canWithdraw\":true,\"canDeposit\":true,\"brokered\":false,\"requireSelfTradePrevention\":false,"
            + "\"preventSor\":false,\"updateTime\":" + t + ",\"accountType\":\"SPOT\",\"balances\":["
            + "{\"asset\":\"BNB\",\"free\":\"100.00000000\",\"locked\":\"0.00000000\"},"
            + "{\"asset\":\"BTC\",\"free\":\"1.00000000\",\"locked\":\"0.00000000\"},"
            + "{\"asset\":\"ETH\",\"free\":\"10.00000000\",\"locked\":\"0.00000000\"},"
            + "{\"asset\":\"USDT\",\"free\":\"10000.00000000\",\"locked\":\"0.00000000\"}],\"permissions\":[\"SPOT\"],\"uid\":");
        RestFixture.Header(account, "X-MBX-USED-WEIGHT-1M").ShouldBe("20");
        await f.SignedAsync(HttpMethod.Post, "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=100");
        var after = await RestFixture.JsonAsync(await f.SignedAsync(HttpMethod.Get, "/api/v3/account", "omitZeroBalances=true"));
        var btc = after.GetProperty("balances").EnumerateArray().Single(b => b.GetProperty("asset").GetString() == "BTC");
        btc.GetProperty("free").GetString().ShouldBe("0.00000000");
        btc.GetProperty("locked").GetString().ShouldBe("1.00000000");
        after.GetProperty("balances").GetArrayLength().ShouldBe(4);
        await f.SignedAsync(HttpMethod.Delete, "/api/v3/openOrders", "symbol=BTCUSDT");
    }

    [Fact]
    public async Task MyTrades_ExactShape_AndTradeFee()
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Engine.PlaceLiquidity(RestFixture.BtcUsdt, Side.Sell, 100m, 1m);
        var placed = await RestFixture.JsonAsync(await f.SignedAsync(HttpMethod.Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.1"));
        var orderId = placed.GetProperty("orderId").GetInt64();
        var t = f.NowMs;
        var trades = await f.SignedAsync(HttpMethod.Get, "/api/v3/myTrades", "symbol=BTCUSDT");
        var json = await RestFixture.JsonAsync(trades);
        var trade = json[0];
        trade.EnumerateObject().Select(p => p.Name).ShouldBe(["symbol", "id", "orderId", "orderListId", "price", "qty", "quoteQty", "commission", "commissionAsset", "time", "isBuyer", "isMaker", "isBestMatch"]);
        trade.GetProperty("price").GetString().ShouldBe("100.00000000");
        trade.GetProperty("qty").GetString().ShouldBe("0.10000000");
        trade.GetProperty("quoteQty").GetString().ShouldBe("10.00000000");
        trade.GetProperty("commission").GetString().ShouldBe("0.00010000");
        trade.GetProperty("time").GetInt64().ShouldBe(t);
        trade.GetProperty("isBuyer").GetBoolean().ShouldBeTrue();
        trade.GetProperty("isMaker").GetBoolean().ShouldBeFalse();
        var byOrder = await f.SignedAsync(HttpMethod.Get, "/api/v3/myTrades", "symbol=BTCUSDT&orderId=" + orderId);
        (await RestFixture.JsonAsync(byOrder)).GetArrayLength().ShouldBe(1);
        RestFixture.Header(byOrder, "X-MBX-USED-WEIGHT-1M").ShouldBe("26");
        (await (await f.SignedAsync(HttpMethod.Get, "/sapi/v1/asset/tradeFee", "symbol=BTCUSDT")).Content.ReadAsStringAsync())
            .ShouldBe("[{\"symbol\":\"BTCUSDT\",\"makerCommission\":\"0.00100000\",\"takerCommission\":\"0.00100000\"}]");
    }

    [Fact]
    public async Task RateLimitOrder_ShowsUnfilledCounts()
    {
        await using var f = await RestFixture.StartAsync();
        await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit);
        var response = await f.SignedAsync(HttpMethod.Get, "/api/v3/rateLimit/order", string.Empty);
        (await response.Content.ReadAsStringAsync()).ShouldBe(
            "[{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":50,\"count\":1},"
            + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"DAY\",\"intervalNum\":1,\"limit\":160000,\"count\":1}]");
        RestFixture.Header(response, "X-MBX-USED-WEIGHT-1M").ShouldBe("41");
    }

    public static TheoryData<string, int, string> BadOrders => new()
    {
        { "side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=100", -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed." },
        { "symbol=NOPE&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=100", -1121, "Invalid symbol." },
        { "symbol=BTCUSDT&type=LIMIT&timeInForce=GTC&quantity=0.1&price=100", -1102, "Mandatory parameter 'side' was not sent, was empty/null, or malformed." },
        { "symbol=BTCUSDT&side=BUY&timeInForce=GTC&quantity=0.1&price=100", -1102, "Mandatory parameter 'type' was not sent, was empty/null, or malformed." },
        { "symbol=BTCUSDT&side=HOLD&type=LIMIT&timeInForce=GTC&quantity=0.1&price=100", -1117, "Invalid side." },
        { "symbol=BTCUSDT&side=BUY&type=SPECIAL&timeInForce=GTC&quantity=0.1&price=100", -1116, "Invalid orderType." },
        { "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTD&quantity=0.1&price=100", -1115, "Invalid timeInForce." },
        { "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=abc&price=100", -1100, "Illegal characters found in parameter 'quantity'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'." },
        { "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1e5&price=100", -1100, "Illegal characters found in parameter 'quantity'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'." },
        { "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=-1&price=100", -1100, "Illegal characters found in parameter 'quantity'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'." },
        { "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=", -1105, "Parameter 'price' was empty." },
        { "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=100.000000001", -1111, "Parameter 'price' has too much precision." },
        { "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1", -1102, "Mandatory parameter 'price' was not sent, was empty/null, or malformed." },
        { "symbol=BTCUSDT&side=BUY&type=MARKET&timeInForce=GTC&quantity=0.1", -1106, "Parameter 'timeInForce' sent when not required." },
        { "symbol=BTCUSDT&side=BUY&type=MARKET", -1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!" },
        { "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=100&newOrderRespType=ALL", -1100, "Illegal characters found in parameter 'newOrderRespType'; legal range is 'ACK, RESULT, FULL'." },
        { "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=100&strategyType=5", -1134, "strategyType was less than 1000000." },
        { "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=100&newClientOrderId=bad%20id", -1100, "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[a-zA-Z0-9-_]{1,36}$'." },
        { "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=100.005", -1013, "Filter failure: PRICE_FILTER" },
        { "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.000001&price=100", -1013, "Filter failure: LOT_SIZE" },
        { "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=100", -1013, "Filter failure: NOTIONAL" },
        { "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=200&price=100", -2010, "Account has insufficient balance for requested action." },
        { "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=100&pegPriceType=X", -1104, "Not all sent parameters were read; read '8' parameter(s) but was sent '9'." },
        { "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&quantity=0.2&price=100", -1101, "Duplicate values for a parameter detected." },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public async Task NewOrder_BadInput_BinanceCodeAndMessage(string parameters, int code, string message)
    {
        await using var f = await RestFixture.StartAsync();
        var response = await f.SignedAsync(HttpMethod.Post, "/api/v3/order", parameters);
        await RestFixture.ShouldFailAsync(response, 400, code, message);
        RestFixture.Header(response, "X-MBX-ORDER-COUNT-10S").ShouldBeEmpty();
        var counts = await RestFixture.JsonAsync(await f.SignedAsync(HttpMethod.Get, "/api/v3/rateLimit/order", string.Empty));
        counts[0].GetProperty("count").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task NewOrder_LimitMakerThatWouldTake_Minus2010()
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Engine.PlaceLiquidity(RestFixture.BtcUsdt, Side.Sell, 100m, 1m);
        await RestFixture.ShouldFailAsync(
            await f.SignedAsync(HttpMethod.Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT_MAKER&quantity=0.1&price=100"),
            400, -2010, "Order would immediately match and take.");
    }

    [Fact]
    public async Task NewOrder_DuplicateClientId_Minus2010()
    {
        await using var f = await RestFixture.StartAsync();
        (await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit + "&newClientOrderId=dup")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await RestFixture.ShouldFailAsync(await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit + "&newClientOrderId=dup"), 400, -2010, "Duplicate order sent.");
    }

    [Fact]
    public async Task History_MoreThan24Hours_Minus1127()
    {
        await using var f = await RestFixture.StartAsync();
        var end = f.NowMs;
        var start = end - (24 * 3600 * 1000) - 1;
        await RestFixture.ShouldFailAsync(
            await f.SignedAsync(HttpMethod.Get, "/api/v3/allOrders", $"symbol=BTCUSDT&startTime={start}&endTime={end}"),
            400, -1127, "More than 24 hours between startTime and endTime.");
        await RestFixture.ShouldFailAsync(
            await f.SignedAsync(HttpMethod.Get, "/api/v3/myTrades", $"symbol=BTCUSDT&startTime={start}&endTime={end}"), 400, -1127);
        await RestFixture.ShouldFailAsync(await f.SignedAsync(HttpMethod.Get, "/api/v3/myTrades", "symbol=BTCUSDT&fromId=x"), 400, -1100);
        var ok = await f.SignedAsync(HttpMethod.Get, "/api/v3/allOrders", $"symbol=BTCUSDT&startTime={start + 1}&endTime={end}&limit=5000");
        (await ok.Content.ReadAsStringAsync()).ShouldBe("[]");
    }

    [Fact]
    public async Task Json_ParsesAsJson()
    {
        await using var f = await RestFixture.StartAsync();
        var response = await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.ValueKind.ShouldBe(JsonValueKind.Object);
    }
}

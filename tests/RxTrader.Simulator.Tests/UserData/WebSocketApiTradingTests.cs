using System.Text.Json;
using RxTrader.Core;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Tests.UserData;

public sealed class WebSocketApiTradingTests
{
    [Fact]
    public async Task OrderPlaceStatusCancel_RunThroughTheRestEndpoints()
    {
        await using var f = await UserDataFixture.StartAsync();
        var client = await f.ConnectAsync("/ws-api/v3");

        var placed = await UserDataFixture.RequestAsync(client, f.SignedRequest(
            1, "order.place", ("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT"), ("timeInForce", "GTC"),
            ("quantity", "0.10000"), ("price", "90.00"), ("newClientOrderId", "ws1"), ("newOrderRespType", "RESULT")));

        placed.GetProperty("status").GetInt32().ShouldBe(200, placed.ToString());
        var order = placed.GetProperty("result");
        order.GetProperty("clientOrderId").GetString().ShouldBe("ws1");
        order.GetProperty("status").GetString().ShouldBe("NEW");
        order.GetProperty("price").GetString().ShouldBe("90.00000000");
        var orderId = order.GetProperty("orderId").GetInt64();
        placed.GetProperty("rateLimits")[0].GetProperty("count").GetInt32().ShouldBe(1);
        f.Engine.OpenOrders(SimulatorAccount.DemoApiKey, UserDataFixture.BtcUsdt).Value!.Single().OrderId.ShouldBe(orderId);

        var status = await UserDataFixture.RequestAsync(client, f.SignedRequest(2, "order.status", ("symbol", "BTCUSDT"), ("orderId", orderId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        status.GetProperty("result").GetProperty("origQty").GetString().ShouldBe("0.10000000");

        var canceled = await UserDataFixture.RequestAsync(client, f.SignedRequest(3, "order.cancel", ("symbol", "BTCUSDT"), ("origClientOrderId", "ws1")));
        canceled.GetProperty("result").GetProperty("status").GetString().ShouldBe("CANCELED");

        var account = await UserDataFixture.RequestAsync(client, f.SignedRequest(4, "account.status"));
        account.GetProperty("result").GetProperty("balances").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task BridgedErrors_KeepCodeAndStatus_AndSignatureIsChecked()
    {
        await using var f = await UserDataFixture.StartAsync();
        var client = await f.ConnectAsync("/ws-api/v3?returnRateLimits=false");

        var badSymbol = await UserDataFixture.RequestAsync(client, f.SignedRequest(1, "order.status", ("symbol", "NOPE"), ("orderId", "1")));
        badSymbol.GetRawText().ShouldBe("""{"id":1,"status":400,"error":{"code":-1121,"msg":"Invalid symbol."}}""");

        var forged = f.SignedRequest(2, "account.status").Replace("\"signature\":\"", "\"signature\":\"0", StringComparison.Ordinal);
        (await UserDataFixture.RequestAsync(client, forged)).GetProperty("error").GetProperty("code").GetInt32().ShouldBe(-1022);
    }

    [Fact]
    public async Task PublicMethods_NeedNoSignature()
    {
        await using var f = await UserDataFixture.StartAsync();
        var client = await f.ConnectAsync("/ws-api/v3?returnRateLimits=false");
        f.Engine.PlaceLiquidity(UserDataFixture.BtcUsdt, Side.Sell, 101m, 2m).IsSuccess.ShouldBeTrue();

        var depth = await UserDataFixture.RequestAsync(client, """{"id":1,"method":"depth","params":{"symbol":"BTCUSDT","limit":5}}""");

        depth.GetProperty("result").GetProperty("asks")[0].GetRawText().ShouldBe("""["101.00000000","2.00000000"]""");
        depth.GetProperty("result").GetProperty("bids").ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public async Task OrderPlace_AlsoReachesTheSubscription()
    {
        await using var f = await UserDataFixture.StartAsync();
        var client = await f.ConnectAsync("/ws-api/v3?returnRateLimits=false");
        await UserDataFixture.RequestAsync(client, f.SubscribeSignatureRequest(1));

        await UserDataFixture.SendAsync(client, f.SignedRequest(
            2, "order.place", ("symbol", "BTCUSDT"), ("side", "BUY"), ("type", "LIMIT"), ("timeInForce", "GTC"), ("quantity", "0.1"), ("price", "90")));

        var messages = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            messages.Add(await UserDataFixture.ReceiveJsonAsync(client));
        }

        messages.Count(m => m.TryGetProperty("event", out var e) && e.GetProperty("e").GetString() == "executionReport").ShouldBe(1);
        messages.Count(m => m.TryGetProperty("event", out var e) && e.GetProperty("e").GetString() == "outboundAccountPosition").ShouldBe(1);
        messages.Single(m => m.TryGetProperty("id", out _)).GetProperty("status").GetInt32().ShouldBe(200);
    }
}

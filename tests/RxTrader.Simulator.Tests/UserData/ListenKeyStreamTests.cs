using System.Net.WebSockets;
using System.Text.Json;
using RxTrader.Core;
using RxTrader.Simulator.Matching;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Tests.UserData;

public sealed class ListenKeyStreamTests
{
    private static readonly string[] ReportKeys =
    [
        "e", "E", "s", "c", "S", "o", "f", "q", "p", "P", "F", "g", "C", "x", "X", "r", "i", "l", "z", "L", "n", "N",
        "T", "t", "I", "w", "m", "M", "O", "Z", "Y", "Q", "W", "V",
    ];

    [Fact]
    public async Task Stream_ReceivesNewTradeCancelAndPositions_WithExactFields()
    {
        await using var f = await UserDataFixture.StartAsync();
        var client = await f.ConnectAsync("/ws/" + await f.CreateListenKeyAsync());
        await f.AwaitSinksAsync(1);
        f.Engine.PlaceLiquidity(UserDataFixture.BtcUsdt, Side.Sell, 100m, 0.4m).IsSuccess.ShouldBeTrue();
        var now = f.Rest.NowMs;

        var placed = f.Place(SimulatorAccount.DemoApiKey, UserDataFixture.Limit(Side.Buy, 100m, 1m, clientId: "mine"));

        var nw = await UserDataFixture.ReceiveJsonAsync(client);
        UserDataFixture.Keys(nw).ShouldBe(ReportKeys);
        nw.GetProperty("E").GetInt64().ShouldBe(now);
        nw.GetProperty("s").GetString().ShouldBe("BTCUSDT");
        nw.GetProperty("c").GetString().ShouldBe("mine");
        nw.GetProperty("S").GetString().ShouldBe("BUY");
        nw.GetProperty("o").GetString().ShouldBe("LIMIT");
        nw.GetProperty("f").GetString().ShouldBe("GTC");
        nw.GetProperty("q").GetString().ShouldBe("1.00000000");
        nw.GetProperty("p").GetString().ShouldBe("100.00000000");
        nw.GetProperty("x").GetString().ShouldBe("NEW");
        nw.GetProperty("X").GetString().ShouldBe("NEW");
        nw.GetProperty("i").GetInt64().ShouldBe(placed.Order.OrderId);
        nw.GetProperty("n").GetString().ShouldBe("0");
        nw.GetProperty("N").ValueKind.ShouldBe(JsonValueKind.Null);
        nw.GetProperty("t").GetInt64().ShouldBe(-1);

        var trade = await UserDataFixture.ReceiveJsonAsync(client);
        UserDataFixture.Keys(trade).ShouldBe(ReportKeys);
        trade.GetProperty("x").GetString().ShouldBe("TRADE");
        trade.GetProperty("X").GetString().ShouldBe("PARTIALLY_FILLED");
        trade.GetProperty("l").GetString().ShouldBe("0.40000000");
        trade.GetProperty("L").GetString().ShouldBe("100.00000000");
        trade.GetProperty("z").GetString().ShouldBe("0.40000000");
        trade.GetProperty("Y").GetString().ShouldBe("40.00000000");
        trade.GetProperty("Z").GetString().ShouldBe("40.00000000");
        trade.GetProperty("n").GetString().ShouldBe("0.00040000");
        trade.GetProperty("N").GetString().ShouldBe("BTC");
        trade.GetProperty("t").GetInt64().ShouldBeGreaterThan(0);
        trade.GetProperty("w").GetBoolean().ShouldBeTrue();
        trade.GetProperty("m").GetBoolean().ShouldBeFalse();

        var position = await UserDataFixture.ReceiveJsonAsync(client);
        UserDataFixture.Keys(position).ShouldBe(["e", "E", "u", "B"]);
        position.GetProperty("e").GetString().ShouldBe("outboundAccountPosition");
        var balances = position.GetProperty("B").EnumerateArray().ToDictionary(b => b.GetProperty("a").GetString()!);
        balances.Keys.Order(StringComparer.Ordinal).ShouldBe(["BTC", "USDT"]);
        UserDataFixture.Keys(balances["USDT"]).ShouldBe(["a", "f", "l"]);
        balances["USDT"].GetProperty("f").GetString().ShouldBe("9900.00000000");
        balances["USDT"].GetProperty("l").GetString().ShouldBe("60.00000000");
        balances["BTC"].GetProperty("f").GetString().ShouldBe("1.39960000");

        f.Engine.CancelOrder(SimulatorAccount.DemoApiKey, new CancelRequest(UserDataFixture.BtcUsdt, placed.Order.OrderId, NewClientOrderId: "cx")).IsSuccess.ShouldBeTrue();

        var canceled = await UserDataFixture.ReceiveJsonAsync(client);
        UserDataFixture.Keys(canceled).ShouldBe(ReportKeys);
        canceled.GetProperty("x").GetString().ShouldBe("CANCELED");
        canceled.GetProperty("X").GetString().ShouldBe("CANCELED");
        canceled.GetProperty("c").GetString().ShouldBe("cx");
        canceled.GetProperty("C").GetString().ShouldBe("mine");
        canceled.GetProperty("w").GetBoolean().ShouldBeFalse();
        (await UserDataFixture.ReceiveJsonAsync(client)).GetProperty("e").GetString().ShouldBe("outboundAccountPosition");
    }

    [Fact]
    public async Task Stream_IocRemainder_IsExpiredWithReason()
    {
        await using var f = await UserDataFixture.StartAsync();
        var client = await f.ConnectAsync("/ws/" + await f.CreateListenKeyAsync());
        await f.AwaitSinksAsync(1);

        f.Place(SimulatorAccount.DemoApiKey, UserDataFixture.Limit(Side.Buy, 100m, 1m, TimeInForce.Ioc));

        (await UserDataFixture.ReceiveJsonAsync(client)).GetProperty("x").GetString().ShouldBe("NEW");
        var expired = await UserDataFixture.ReceiveJsonAsync(client);
        UserDataFixture.Keys(expired).ShouldBe([.. ReportKeys, "eR"]);
        expired.GetProperty("x").GetString().ShouldBe("EXPIRED");
        expired.GetProperty("X").GetString().ShouldBe("EXPIRED");
        expired.GetProperty("f").GetString().ShouldBe("IOC");
        expired.GetProperty("eR").GetString().ShouldBe("UNFILLED_IOC_QUANTITY_EXPIRED");
    }

    [Fact]
    public async Task Accounts_DoNotSeeEachOthersEvents_AndSeveralStreamsShareAKey()
    {
        await using var f = await UserDataFixture.StartAsync();
        var key = await f.CreateListenKeyAsync();
        var mine1 = await f.ConnectAsync("/ws/" + key);
        var mine2 = await f.ConnectAsync("/ws/" + key);
        var other = await f.ConnectAsync("/ws/" + await f.CreateListenKeyAsync(UserDataFixture.OtherKey));
        await f.AwaitSinksAsync(3);

        f.Place(UserDataFixture.OtherKey, UserDataFixture.Limit(Side.Buy, 90m, 1m, clientId: "theirs"));
        f.Place(SimulatorAccount.DemoApiKey, UserDataFixture.Limit(Side.Buy, 90m, 1m, clientId: "mine"));

        (await UserDataFixture.ReceiveJsonAsync(other)).GetProperty("c").GetString().ShouldBe("theirs");
        (await UserDataFixture.ReceiveJsonAsync(other)).GetProperty("e").GetString().ShouldBe("outboundAccountPosition");
        foreach (var mine in new[] { mine1, mine2 })
        {
            (await UserDataFixture.ReceiveJsonAsync(mine)).GetProperty("c").GetString().ShouldBe("mine");
            (await UserDataFixture.ReceiveJsonAsync(mine)).GetProperty("e").GetString().ShouldBe("outboundAccountPosition");
        }

        f.Server.Engine.Deposit(UserDataFixture.OtherKey, "ETH", 1m); // nothing for "mine"
        f.Server.Engine.Deposit(SimulatorAccount.DemoApiKey, "BTC", 0.5m);
        var update = await UserDataFixture.ReceiveJsonAsync(mine1);
        UserDataFixture.Keys(update).ShouldBe(["e", "E", "a", "d", "T"]);
        update.GetProperty("e").GetString().ShouldBe("balanceUpdate");
        update.GetProperty("a").GetString().ShouldBe("BTC");
        update.GetProperty("d").GetString().ShouldBe("0.50000000");
        var position = await UserDataFixture.ReceiveJsonAsync(mine1);
        position.GetProperty("B")[0].GetProperty("f").GetString().ShouldBe("1.50000000");
        (await UserDataFixture.ReceiveJsonAsync(other)).GetProperty("a").GetString().ShouldBe("ETH");
    }

    [Fact]
    public async Task Expiry_SendsListenKeyExpired_ThenCloses()
    {
        await using var f = await UserDataFixture.StartAsync();
        var key = await f.CreateListenKeyAsync();
        var client = await f.ConnectAsync("/ws/" + key);
        await f.AwaitSinksAsync(1);

        f.Rest.Scheduler.AdvanceBy(TimeSpan.FromMinutes(60));

        var expired = await UserDataFixture.ReceiveJsonAsync(client);
        expired.GetRawText().ShouldBe($$$"""{"e":"listenKeyExpired","E":{{{f.Rest.NowMs}}},"listenKey":"{{{key}}}"}""");
        (await UserDataFixture.ReceiveAsync(client)).ShouldBeNull();
        client.CloseStatus.ShouldBe(WebSocketCloseStatus.NormalClosure);
        f.Context.UserData.SinkCount.ShouldBe(0);
    }

    [Fact]
    public async Task Delete_ClosesTheStream_WithoutExpiredEvent()
    {
        await using var f = await UserDataFixture.StartAsync();
        var key = await f.CreateListenKeyAsync();
        var client = await f.ConnectAsync("/ws/" + key);
        await f.AwaitSinksAsync(1);

        using var delete = await f.ListenKeyAsync(HttpMethod.Delete, key);

        (await UserDataFixture.ReceiveAsync(client)).ShouldBeNull();
        client.CloseStatus.ShouldBe(WebSocketCloseStatus.NormalClosure);
    }

    [Fact]
    public async Task UnknownKey_IsClosedWithPolicyViolation()
    {
        await using var f = await UserDataFixture.StartAsync();

        var client = await f.ConnectAsync("/ws/" + new string('k', 60));

        (await UserDataFixture.ReceiveAsync(client)).ShouldBeNull();
        client.CloseStatus.ShouldBe(WebSocketCloseStatus.PolicyViolation);
        client.CloseStatusDescription.ShouldBe("This listenKey does not exist.");
    }
}

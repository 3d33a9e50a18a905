using System.Net;
using RxTrader.Simulator.Server;
using RxTrader.Simulator.Tests.Rest;

namespace RxTrader.Simulator.Tests.Faults;

/// <summary>The dropped-connection order fault seen from an HttpClient against a real server.</summary>
public sealed class DropOrderFaultTests
{
    private const string Limit = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=100";
    private const string Account = SimulatorAccount.DemoApiKey;

    [Fact]
    public async Task DropNextOrders_BeforePlacing_ConnectionAborted_OrderDoesNotExist()
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Faults.DropNextOrders(1);
        f.Server.Faults.State.PendingOrderDrops.ShouldBe(1);

        await Should.ThrowAsync<HttpRequestException>(() => f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit + "&newClientOrderId=d1"));

        f.Server.Engine.OpenOrders(Account, null).Value!.ShouldBeEmpty();
        await RestFixture.ShouldFailAsync(
            await f.SignedAsync(HttpMethod.Get, "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=d1"), 400, -2013);
        f.Server.Faults.Counters.OrdersDropped.ShouldBe(1);
        f.Server.Faults.State.PendingOrderDrops.ShouldBe(0);

        var placed = await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit + "&newClientOrderId=d1");
        placed.StatusCode.ShouldBe(HttpStatusCode.OK);
        RestFixture.Header(placed, "X-MBX-ORDER-COUNT-10S").ShouldBe("1"); // the dropped one was never counted
    }

    [Fact]
    public async Task DropNextOrders_AfterPlacing_ConnectionAborted_OrderExistsAndIsFound()
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Faults.DropNextOrders(1, afterPlacing: true);
        f.Server.Faults.State.DropAfterPlacing.ShouldBeTrue();

        await Should.ThrowAsync<HttpRequestException>(() => f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit + "&newClientOrderId=d2"));

        f.Server.Engine.OpenOrders(Account, null).Value!.Single().ClientOrderId.ShouldBe("d2");
        var query = await RestFixture.JsonAsync(await f.SignedAsync(HttpMethod.Get, "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=d2"));
        query.GetProperty("status").GetString().ShouldBe("NEW");
        f.Server.Faults.Counters.OrdersDropped.ShouldBe(1);
        (await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DropNextOrders_AfterPlacing_RejectedOrdersAnswerNormally_AndDoNotUseTheFault()
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Faults.DropNextOrders(1, afterPlacing: true);
        await RestFixture.ShouldFailAsync(
            await f.SignedAsync(HttpMethod.Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1000&price=100"),
            400, -2010);
        f.Server.Faults.State.PendingOrderDrops.ShouldBe(1);
    }

    [Fact]
    public async Task DropNextOrders_OverHttp_ArmsAndReportsState_ResetDisarms()
    {
        await using var f = await RestFixture.StartAsync();
        var armed = await RestFixture.JsonAsync(await f.Client.PostAsync("/sim/faults/drop-orders?count=2&afterPlacing=true", null));
        armed.GetProperty("fault").GetString().ShouldBe("drop-orders");
        armed.GetProperty("state").GetProperty("pendingOrderDrops").GetInt32().ShouldBe(2);
        armed.GetProperty("state").GetProperty("dropAfterPlacing").GetBoolean().ShouldBeTrue();
        await RestFixture.ShouldFailAsync(await f.Client.PostAsync("/sim/faults/drop-orders?afterPlacing=maybe", null), 400, -1130);

        f.Server.Faults.Reset();
        f.Server.Faults.State.PendingOrderDrops.ShouldBe(0);
        (await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DropNextOrders_NegativeCount_Throws()
    {
        await using var f = await RestFixture.StartAsync();
        Should.Throw<ArgumentOutOfRangeException>(() => f.Server.Faults.DropNextOrders(-1));
    }
}

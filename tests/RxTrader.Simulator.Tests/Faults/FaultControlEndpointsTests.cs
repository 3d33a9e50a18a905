using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using RxTrader.Simulator.Tests.Rest;

namespace RxTrader.Simulator.Tests.Faults;

/// <summary>The HTTP control routes drive the same faults as the programmatic API.</summary>
public sealed class FaultControlEndpointsTests
{
    private const string Limit = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=100";

    [Fact]
    public async Task Get_InitialState_AllQuiet()
    {
        await using var f = await RestFixture.StartAsync();
        var response = await f.GetAsync("/sim/faults");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var state = await RestFixture.JsonAsync(response);
        state.GetProperty("clockSkewMs").GetInt64().ShouldBe(0);
        state.GetProperty("pendingOrderFailures").GetInt32().ShouldBe(0);
        state.GetProperty("orderFailure").GetString().ShouldBe("disconnected");
        state.GetProperty("timeoutAnswerAfterMs").ValueKind.ShouldBe(JsonValueKind.Null);
        state.GetProperty("rateLimitStorm").GetBoolean().ShouldBeFalse();
        state.GetProperty("openConnections").GetInt32().ShouldBe(0);
        state.GetProperty("counters").EnumerateObject().Select(p => p.Name).ShouldBe([
            "faultsInjected", "connectionsDropped", "connectionsStalled", "malformedFramesSent", "connectionsDelayed",
            "connectionsShutDown", "depthFaultsArmed", "ordersFailed", "ordersTimedOut", "requestsThrottled", "requestsBanned",
            "ordersDropped"]);
        state.GetProperty("counters").EnumerateObject().ShouldAllBe(p => p.Value.GetInt64() == 0);
    }

    [Fact]
    public async Task FailOrders_QueryParameters_ThenOrderFails_CountersOverHttp()
    {
        await using var f = await RestFixture.StartAsync();
        var armed = await RestFixture.JsonAsync(await f.Client.PostAsync("/sim/faults/fail-orders?count=1&error=unknown", null));
        armed.GetProperty("fault").GetString().ShouldBe("fail-orders");
        armed.GetProperty("state").GetProperty("pendingOrderFailures").GetInt32().ShouldBe(1);
        armed.GetProperty("state").GetProperty("orderFailure").GetString().ShouldBe("unknown");

        await RestFixture.ShouldFailAsync(await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit), 500, -1000);
        var state = await RestFixture.JsonAsync(await f.GetAsync("/sim/faults"));
        state.GetProperty("counters").GetProperty("ordersFailed").GetInt64().ShouldBe(1);
        state.GetProperty("counters").GetProperty("faultsInjected").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task JsonAndFormBodies_AreAccepted()
    {
        await using var f = await RestFixture.StartAsync();
        var json = await f.Client.PostAsync("/sim/faults/timeout-orders", new StringContent("{\"count\":2,\"answerAfterMs\":5000}", Encoding.UTF8, "application/json"));
        json.StatusCode.ShouldBe(HttpStatusCode.OK);
        f.Server.Faults.State.PendingOrderTimeouts.ShouldBe(2);
        f.Server.Faults.State.TimeoutAnswerAfter.ShouldBe(TimeSpan.FromSeconds(5));

        var form = await f.Client.PostAsync("/sim/faults/clock-skew", new FormUrlEncodedContent([new("offsetMs", "-2500")]));
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        f.Server.Faults.ClockSkew.ShouldBe(TimeSpan.FromMilliseconds(-2500));
        (await RestFixture.JsonAsync(await f.GetAsync("/api/v3/time"))).GetProperty("serverTime").GetInt64().ShouldBe(f.NowMs - 2500);
    }

    [Fact]
    public async Task RateLimitStorm_OverHttp_ControlRoutesAreNeverThrottled_ResetLiftsTheBan()
    {
        await using var f = await RestFixture.StartAsync();
        (await f.Client.PostAsync("/sim/faults/rate-limit-storm?durationMs=60000", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await RestFixture.ShouldFailAsync(await f.GetAsync("/api/v3/ping"), 429, -1003);
        await RestFixture.ShouldFailAsync(await f.GetAsync("/api/v3/ping"), 418, -1003);

        var state = await RestFixture.JsonAsync(await f.GetAsync("/sim/faults"));
        state.GetProperty("rateLimitStorm").GetBoolean().ShouldBeTrue();
        state.GetProperty("stormEndsAt").GetInt64().ShouldBe(f.NowMs + 60_000);
        state.GetProperty("counters").GetProperty("requestsThrottled").GetInt64().ShouldBe(1);
        state.GetProperty("counters").GetProperty("requestsBanned").GetInt64().ShouldBe(1);

        var reset = await RestFixture.JsonAsync(await f.Client.PostAsync("/sim/faults/reset", null));
        reset.GetProperty("state").GetProperty("rateLimitStorm").GetBoolean().ShouldBeFalse();
        reset.GetProperty("state").GetProperty("counters").GetProperty("requestsBanned").GetInt64().ShouldBe(0);
        (await f.GetAsync("/api/v3/ping")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ConnectionFaults_OverHttp_ActOnTheClient()
    {
        await using var f = await SocketFaultFixture.StartAsync();
        var (stalled, server) = await f.ConnectAsync();
        var stall = await RestFixture.JsonAsync(await f.Http.PostAsync("/sim/faults/stall?kind=market-stream", null));
        stall.GetProperty("connections").GetInt32().ShouldBe(1);
        stall.GetProperty("state").GetProperty("stalledConnections").GetInt32().ShouldBe(1);
        server.TrySendText("held").ShouldBeTrue();
        var receive = SocketFaultFixture.ReceiveTextAsync(stalled);
        (await Task.WhenAny(receive, Task.Delay(TimeSpan.FromMilliseconds(300)))).ShouldNotBe(receive);
        (await RestFixture.JsonAsync(await f.Http.PostAsync("/sim/faults/unstall", null))).GetProperty("connections").GetInt32().ShouldBe(1);
        (await receive).ShouldBe("held");

        (await f.Http.PostAsync("/sim/faults/malformed?frame=invalid-json", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SocketFaultFixture.ReceiveTextAsync(stalled)).ShouldBe("{\"e\":\"trade\",,\"E\":}");

        (await f.Http.PostAsync("/sim/faults/delay", new StringContent("{\"delayMs\":0}", Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await f.Http.PostAsync("/sim/faults/shutdown?count=1", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SocketFaultFixture.ReceiveTextAsync(stalled)).ShouldContain("serverShutdown");
        using var rest = new MemoryStream();
        (await SocketFaultFixture.ReceiveAsync(stalled, rest)).CloseStatus.ShouldBe(WebSocketCloseStatus.EndpointUnavailable);
        await stalled.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await Eventually.TrueAsync(() => f.Server.Faults.State.OpenConnections == 0, "the shut-down connection is gone");

        var (dropped, _) = await f.ConnectAsync();
        (await RestFixture.JsonAsync(await f.Http.PostAsync("/sim/faults/drop", null))).GetProperty("connections").GetInt32().ShouldBe(1);
        await Should.ThrowAsync<WebSocketException>(() => SocketFaultFixture.ReceiveTextAsync(dropped));

        var counters = (await RestFixture.JsonAsync(await f.Http.GetAsync("/sim/faults"))).GetProperty("counters");
        counters.GetProperty("connectionsStalled").GetInt64().ShouldBe(1);
        counters.GetProperty("malformedFramesSent").GetInt64().ShouldBe(1);
        counters.GetProperty("connectionsShutDown").GetInt64().ShouldBe(1);
        counters.GetProperty("connectionsDropped").GetInt64().ShouldBe(1);
        counters.GetProperty("faultsInjected").GetInt64().ShouldBe(6);
    }

    [Theory]
    [InlineData("/sim/faults/drop?count=0", -1130, "count")]
    [InlineData("/sim/faults/drop?count=abc", -1130, "count")]
    [InlineData("/sim/faults/stall?kind=telepathy", -1130, "kind")]
    [InlineData("/sim/faults/drop?bogus=1", -1103, "bogus")]
    [InlineData("/sim/faults/malformed?frame=nonsense", -1130, "frame")]
    [InlineData("/sim/faults/delay", -1102, "delayMs")]
    [InlineData("/sim/faults/delay?delayMs=-5", -1130, "delayMs")]
    [InlineData("/sim/faults/delay?delayMs=600000", -1130, "delay")]
    [InlineData("/sim/faults/clock-skew", -1102, "offsetMs")]
    [InlineData("/sim/faults/clock-skew?offsetMs=99999999999", -1130, "offsetMs")]
    [InlineData("/sim/faults/clock-skew?offsetMs=-9223372036854775808", -1130, "offsetMs")]
    [InlineData("/sim/faults/clock-skew?offsetMs=-2678400000", -1130, "offset")]
    [InlineData("/sim/faults/rate-limit-storm", -1130, "requests")]
    [InlineData("/sim/faults/fail-orders?error=meteor", -1130, "error")]
    [InlineData("/sim/faults/fail-orders?count=1&count=2", -1101, "count")]
    [InlineData("/sim/faults/reset?now=1", -1103, "now")]
    public async Task BadRequests_400_WithAClearBinanceShapedBody(string path, int code, string mentions)
    {
        await using var f = await RestFixture.StartAsync();
        var response = await f.Client.PostAsync(path, null);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(400, body);
        var json = JsonDocument.Parse(body).RootElement;
        json.GetProperty("code").GetInt32().ShouldBe(code, body);
        json.GetProperty("msg").GetString()!.ShouldContain(mentions);
        f.Server.UnhandledErrorCount.ShouldBe(0);
        f.Server.Faults.Counters.FaultsInjected.ShouldBe(0);
    }

    [Fact]
    public async Task BadBodies_And_UnknownFault_AndWrongMethod_NeverA500()
    {
        await using var f = await RestFixture.StartAsync();
        var unknown = await f.Client.PostAsync("/sim/faults/earthquake", null);
        await RestFixture.ShouldFailAsync(unknown, 404, -1020);
        (await RestFixture.JsonAsync(await f.Client.PostAsync("/sim/faults/earthquake", null))).GetProperty("msg").GetString()!.ShouldContain("rate-limit-storm");

        await RestFixture.ShouldFailAsync(await f.Client.PostAsync("/sim/faults/drop", new StringContent("{\"count\":", Encoding.UTF8, "application/json")), 400, -1100);
        await RestFixture.ShouldFailAsync(await f.Client.PostAsync("/sim/faults/drop", new StringContent("[1,2]", Encoding.UTF8, "application/json")), 400, -1100);
        await RestFixture.ShouldFailAsync(await f.Client.PostAsync("/sim/faults/drop", new StringContent("{\"count\":{\"a\":1}}", Encoding.UTF8, "application/json")), 400, -1130);
        await RestFixture.ShouldFailAsync(await f.Client.GetAsync("/sim/faults/drop"), 405, -1020);
        await RestFixture.ShouldFailAsync(await f.Client.DeleteAsync("/sim/faults"), 405, -1020);
        f.Server.UnhandledErrorCount.ShouldBe(0);
    }
}

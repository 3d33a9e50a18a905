using System.Globalization;
using System.Net;
using RxTrader.Simulator.Faults;
using RxTrader.Simulator.Tests.Rest;

namespace RxTrader.Simulator.Tests.Faults;

/// <summary>REST faults seen from an HttpClient against a real server (frozen clock: the test advances it).</summary>
public sealed class RestFaultTests
{
    private const string Limit = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=100";

    [Fact]
    public async Task FailNextOrders_5xxWithBody_OrderNotPlaced_ThenNormal()
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Faults.FailNextOrders(2);

        await RestFixture.ShouldFailAsync(
            await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit + "&newClientOrderId=x1"),
            503, -1001, "Internal error; unable to process your request. Please try again.");
        await RestFixture.ShouldFailAsync(await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit), 503, -1001);
        f.Server.Engine.OpenOrders(SimulatorAccountKey, null).Value!.ShouldBeEmpty();
        await RestFixture.ShouldFailAsync(
            await f.SignedAsync(HttpMethod.Get, "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=x1"), 400, -2013);

        var placed = await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit);
        placed.StatusCode.ShouldBe(HttpStatusCode.OK);
        f.Server.Engine.OpenOrders(SimulatorAccountKey, null).Value!.Count.ShouldBe(1);
        f.Server.Faults.Counters.OrdersFailed.ShouldBe(2);
        RestFixture.Header(placed, "X-MBX-ORDER-COUNT-10S").ShouldBe("1"); // the refused ones were never counted
    }

    [Theory]
    [InlineData(OrderFailure.Unknown, 500, -1000)]
    [InlineData(OrderFailure.Overloaded, 503, -1008)]
    public async Task FailNextOrders_OtherShapes(OrderFailure failure, int status, int code)
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Faults.FailNextOrders(1, failure);
        await RestFixture.ShouldFailAsync(await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit), status, code);
        f.Server.Engine.OpenOrders(SimulatorAccountKey, null).Value!.ShouldBeEmpty();
    }

    [Fact]
    public async Task FailNextOrders_InvalidOrdersAnswerNormally_AndDoNotUseTheFault()
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Faults.FailNextOrders(1);
        await RestFixture.ShouldFailAsync(await f.SignedAsync(HttpMethod.Post, "/api/v3/order", "symbol=NOPE&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=100"), 400, -1121);
        f.Server.Faults.State.PendingOrderFailures.ShouldBe(1);
        (await f.SignedAsync(HttpMethod.Get, "/api/v3/openOrders", "symbol=BTCUSDT")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await RestFixture.ShouldFailAsync(await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit), 503, -1001);
    }

    [Fact]
    public async Task TimeOutNextOrders_Hold_ClientGivesUp_OrderExistsAndIsFound()
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Faults.TimeOutNextOrders(1);
        using var giveUp = new CancellationTokenSource();
        var pending = f.Client.SendAsync(SignedOrder(f, "t1"), giveUp.Token);

        await Eventually.TrueAsync(() => f.Server.Faults.State.HeldResponses == 1, "the answer is held");
        pending.IsCompleted.ShouldBeFalse();
        f.Server.Engine.OpenOrders(SimulatorAccountKey, null).Value!.Single().ClientOrderId.ShouldBe("t1");

        await giveUp.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(pending);
        await Eventually.TrueAsync(() => f.Server.Faults.State.HeldResponses == 0, "the held answer is dropped");

        // The unknown outcome is resolved by querying, as Binance advises after a 5xx or a timeout.
        var query = await RestFixture.JsonAsync(await f.SignedAsync(HttpMethod.Get, "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=t1"));
        query.GetProperty("status").GetString().ShouldBe("NEW");
        f.Server.Faults.Counters.OrdersTimedOut.ShouldBe(1);
        (await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TimeOutNextOrders_AnswerAfter_503Minus1007WhenDue_OrderPlaced()
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Faults.TimeOutNextOrders(1, TimeSpan.FromSeconds(10));
        var pending = f.Client.SendAsync(SignedOrder(f, "t2"));
        await Eventually.TrueAsync(() => f.Server.Faults.State.HeldResponses == 1, "the answer is held");

        f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(9));
        pending.IsCompleted.ShouldBeFalse();
        f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(1));

        await RestFixture.ShouldFailAsync(
            await pending.WaitAsync(Eventually.Limit), 503, -1007,
            "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");
        var query = await RestFixture.JsonAsync(await f.SignedAsync(HttpMethod.Get, "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=t2"));
        query.GetProperty("status").GetString().ShouldBe("NEW");
    }

    [Fact]
    public async Task TimeOutNextOrders_Reset_AnswersHeldResponsesNow()
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Faults.TimeOutNextOrders(2);
        var pending = f.Client.SendAsync(SignedOrder(f, "t3"));
        await Eventually.TrueAsync(() => f.Server.Faults.State.HeldResponses == 1, "the answer is held");
        f.Server.Faults.Reset();
        await RestFixture.ShouldFailAsync(await pending.WaitAsync(Eventually.Limit), 503, -1007);
        f.Server.Faults.State.PendingOrderTimeouts.ShouldBe(0);
        (await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TimeOutNextOrders_RejectedOrdersAnswerNormally()
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Faults.TimeOutNextOrders(1, TimeSpan.FromSeconds(1));
        // Far more than the demo balance: the engine refuses it, and says so at once.
        await RestFixture.ShouldFailAsync(await f.SignedAsync(HttpMethod.Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=50&price=1000"), 400, -2010);
        f.Server.Faults.State.PendingOrderTimeouts.ShouldBe(1);
    }

    [Fact]
    public async Task RateLimitStorm_429ThenRetryTooSoon418_BanOutlivesTheStorm()
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Faults.StartRateLimitStorm(requests: 3);

        var first = await f.GetAsync("/api/v3/ping");
        await RestFixture.ShouldFailAsync(first, 429, -1003);
        RestFixture.Header(first, "Retry-After").ShouldBe("1");
        var second = await f.GetAsync("/api/v3/time");
        await RestFixture.ShouldFailAsync(second, 418, -1003);
        RestFixture.Header(second, "Retry-After").ShouldBe("120");
        await RestFixture.ShouldFailAsync(await f.GetAsync("/api/v3/ping"), 418, -1003);
        f.Server.Faults.State.RateLimitStormActive.ShouldBeFalse();

        // The storm is over but the ban is the limiter's: it lasts its duration.
        await RestFixture.ShouldFailAsync(await f.GetAsync("/api/v3/ping"), 418, -1003);
        f.Scheduler.AdvanceBy(TimeSpan.FromMinutes(2));
        (await f.GetAsync("/api/v3/ping")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var counters = f.Server.Faults.Counters;
        counters.RequestsThrottled.ShouldBe(1);
        counters.RequestsBanned.ShouldBe(2);
    }

    [Fact]
    public async Task RateLimitStorm_ClientHonouringRetryAfter_Only429s_ThenServed()
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Faults.StartRateLimitStorm(requests: 2, retryAfter: TimeSpan.FromSeconds(3));
        for (var i = 0; i < 2; i++)
        {
            var response = await f.GetAsync("/api/v3/ping");
            await RestFixture.ShouldFailAsync(response, 429, -1003);
            var wait = int.Parse(RestFixture.Header(response, "Retry-After"), CultureInfo.InvariantCulture);
            wait.ShouldBe(3);
            f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(wait));
        }

        (await f.GetAsync("/api/v3/ping")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RateLimitStorm_ForADuration_RetryAfterIsTheTimeLeft_EndsOnTheClock()
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Faults.StartRateLimitStorm(duration: TimeSpan.FromSeconds(30));
        f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(10));
        var response = await f.SignedAsync(HttpMethod.Get, "/api/v3/openOrders", "symbol=BTCUSDT");
        await RestFixture.ShouldFailAsync(response, 429, -1003);
        RestFixture.Header(response, "Retry-After").ShouldBe("20");
        f.Server.Faults.State.StormEndsAt.ShouldBe(RestFixture.Start.AddSeconds(30));
        f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(20));
        (await f.GetAsync("/api/v3/ping")).StatusCode.ShouldBe(HttpStatusCode.OK);
        f.Server.Faults.State.RateLimitStormActive.ShouldBeFalse();
    }

    [Fact]
    public async Task ClockSkew_OwnClockGetsMinus1021_SyncedClientPasses()
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Faults.SetClockSkew(TimeSpan.FromSeconds(10));
        await RestFixture.ShouldFailAsync(
            await f.SignedAsync(HttpMethod.Get, "/api/v3/openOrders", "symbol=BTCUSDT"), 400, -1021,
            "Timestamp for this request is outside of the recvWindow.");

        var serverTime = (await RestFixture.JsonAsync(await f.GetAsync("/api/v3/time"))).GetProperty("serverTime").GetInt64();
        serverTime.ShouldBe(f.NowMs + 10_000);
        (await f.SignedAsync(HttpMethod.Get, "/api/v3/openOrders", "symbol=BTCUSDT", timestamp: serverTime)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RestFixture.JsonAsync(await f.GetAsync("/api/v3/exchangeInfo?symbol=BTCUSDT"))).GetProperty("serverTime").GetInt64().ShouldBe(serverTime);

        f.Server.Faults.SetClockSkew(TimeSpan.FromSeconds(-2));
        await RestFixture.ShouldFailAsync(
            await f.SignedAsync(HttpMethod.Get, "/api/v3/openOrders", "symbol=BTCUSDT"), 400, -1021,
            "Timestamp for this request was 1000ms ahead of the server's time.");
        var behind = (await RestFixture.JsonAsync(await f.GetAsync("/api/v3/time"))).GetProperty("serverTime").GetInt64();
        behind.ShouldBe(f.NowMs - 2_000);
        (await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit, timestamp: behind)).StatusCode.ShouldBe(HttpStatusCode.OK);

        f.Server.Faults.Reset();
        (await f.SignedAsync(HttpMethod.Get, "/api/v3/openOrders", "symbol=BTCUSDT")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task FailNextOrders_ConcurrentClients_ExactlyNFail()
    {
        await using var f = await RestFixture.StartAsync();
        f.Server.Faults.FailNextOrders(10);
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit + "&newClientOrderId=c" + i)));
        responses.Count(r => (int)r.StatusCode == 503).ShouldBe(10);
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(20);
        f.Server.Engine.OpenOrders(SimulatorAccountKey, null).Value!.Count.ShouldBe(20);
        f.Server.Faults.Counters.OrdersFailed.ShouldBe(10);
    }

    [Fact]
    public async Task DisposeAsync_WithAHeldAnswer_ReleasesItAndStops()
    {
        var f = await RestFixture.StartAsync();
        f.Server.Faults.TimeOutNextOrders(1);
        var pending = f.Client.SendAsync(SignedOrder(f, "d1"));
        await Eventually.TrueAsync(() => f.Server.Faults.State.HeldResponses == 1, "the answer is held");
        await f.Server.DisposeAsync().AsTask().WaitAsync(Eventually.Limit);
        await RestFixture.ShouldFailAsync(await pending.WaitAsync(Eventually.Limit), 503, -1007);
        f.Client.Dispose();
    }

    [Fact]
    public async Task Arguments_AreCheckedAtCallTime()
    {
        await using var f = await RestFixture.StartAsync();
        var faults = f.Server.Faults;
        Should.Throw<ArgumentOutOfRangeException>(() => faults.FailNextOrders(-1));
        Should.Throw<ArgumentOutOfRangeException>(() => faults.FailNextOrders(1, (OrderFailure)42));
        Should.Throw<ArgumentOutOfRangeException>(() => faults.TimeOutNextOrders(-1));
        Should.Throw<ArgumentOutOfRangeException>(() => faults.TimeOutNextOrders(1, TimeSpan.FromTicks(-1)));
        Should.Throw<ArgumentException>(() => faults.StartRateLimitStorm());
        Should.Throw<ArgumentOutOfRangeException>(() => faults.StartRateLimitStorm(requests: 0));
        Should.Throw<ArgumentOutOfRangeException>(() => faults.StartRateLimitStorm(duration: TimeSpan.Zero));
        Should.Throw<ArgumentOutOfRangeException>(() => faults.SetClockSkew(TimeSpan.FromDays(31)));
        Should.Throw<ArgumentOutOfRangeException>(() => faults.Drop(count: 0));
        Should.Throw<ArgumentOutOfRangeException>(() => faults.DelayFrames(TimeSpan.FromTicks(-1)));
        Should.Throw<ArgumentOutOfRangeException>(() => faults.SendMalformedFrame((MalformedFrame)42));
        faults.Counters.FaultsInjected.ShouldBe(0);
    }

    private const string SimulatorAccountKey = RxTrader.Simulator.Server.SimulatorAccount.DemoApiKey;

    private static HttpRequestMessage SignedOrder(RestFixture f, string clientId)
    {
        var payload = "timestamp=" + f.NowMs.ToString(CultureInfo.InvariantCulture) + "&" + Limit + "&newClientOrderId=" + clientId;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v3/order")
        {
            Content = new StringContent(payload + "&signature=" + RestFixture.Sign(f.Secret, payload), System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-MBX-APIKEY", f.ApiKey);
        return request;
    }
}

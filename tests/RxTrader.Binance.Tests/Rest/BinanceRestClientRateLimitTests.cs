using System.Reactive;
using RxTrader.Binance.Rest;
using RxTrader.Binance.Tests.Infrastructure;
using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Tests.Rest;

public sealed class BinanceRestClientRateLimitTests
{
    private static readonly Symbol BtcUsdt = new("BTCUSDT");

    [Fact]
    public async Task TooManyRequests_BlocksUntilRetryAfterThenFlowsAgain()
    {
        // Retry-After points at the next minute, when the exchange's weight window (and the client's) restarts.
        await using var h = await RestHarness.StartAsync("/api/v3/ping",
            CannedResponse.Status(429, Payloads.TooMuchWeight, ("Retry-After", "40"), ("X-MBX-USED-WEIGHT-1M", "6012")),
            CannedResponse.Json("{}"));

        var limited = (await h.Client.PingAsync()).ShouldBeOfType<RestResult<Unit>.RateLimited>();
        limited.Reason.ShouldBe(RateLimitReason.TooManyRequests);
        limited.RetryAt.ShouldBe(RestHarness.Start + TimeSpan.FromSeconds(40));
        limited.Code.ShouldBe(-1003);
        limited.Message.ShouldStartWith("Too much request weight used");
        h.Client.BlockedUntil.ShouldBe(RestHarness.Start + TimeSpan.FromSeconds(40));

        h.Advance(TimeSpan.FromSeconds(39));
        var refused = (await h.Client.PingAsync()).ShouldBeOfType<RestResult<Unit>.RateLimited>();
        refused.Reason.ShouldBe(RateLimitReason.Blocked);
        refused.RetryAt.ShouldBe(RestHarness.Start + TimeSpan.FromSeconds(40));
        h.Server.Requests.Count.ShouldBe(1);

        h.Advance(TimeSpan.FromSeconds(1));
        h.Client.BlockedUntil.ShouldBeNull();
        (await h.Client.PingAsync()).ShouldBeOfType<RestResult<Unit>.Ok>();
        h.Server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task TooManyRequests_ReportedWeightOverBudget_RefusedUntilTheNextMinuteEvenAfterTheBlock()
    {
        await using var h = await RestHarness.StartAsync("/api/v3/ping",
            CannedResponse.Status(429, Payloads.TooMuchWeight, ("Retry-After", "5"), ("X-MBX-USED-WEIGHT-1M", "6012")),
            CannedResponse.Json("{}"));

        await h.Client.PingAsync();
        h.Advance(TimeSpan.FromSeconds(5));

        var refused = (await h.Client.PingAsync()).ShouldBeOfType<RestResult<Unit>.RateLimited>();
        refused.Reason.ShouldBe(RateLimitReason.WeightBudget);
        refused.RetryAt.ShouldBe(RestHarness.Start + TimeSpan.FromSeconds(40));
        h.Server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task IpBanned_418_BlocksAndIsNotRetried()
    {
        await using var h = await RestHarness.StartAsync(
            app => new ScriptedRoute(CannedResponse.Status(418, """{"code":-1003,"msg":"Way too much request weight used; IP banned until 1700000120000."}""", ("Retry-After", "120"))).MapTo(app, "/api/v3/ping"),
            o => o with { MaxRateLimitRetries = 3 });

        var banned = (await h.Client.PingAsync()).ShouldBeOfType<RestResult<Unit>.RateLimited>();

        banned.Reason.ShouldBe(RateLimitReason.IpBanned);
        banned.RetryAt.ShouldBe(RestHarness.Start + TimeSpan.FromMinutes(2));
        (await h.Client.GetDepthAsync(BtcUsdt)).ShouldBeOfType<RestResult<DepthSnapshot>.RateLimited>()
            .Reason.ShouldBe(RateLimitReason.Blocked);
        h.Server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task TooManyRequests_WithoutRetryAfter_BlocksForTheDefault()
    {
        await using var h = await RestHarness.StartAsync(
            app => new ScriptedRoute(CannedResponse.Status(429, Payloads.TooMuchWeight)).MapTo(app, "/api/v3/ping"),
            o => o with { DefaultRetryAfter = TimeSpan.FromSeconds(15) });

        (await h.Client.PingAsync()).ShouldBeOfType<RestResult<Unit>.RateLimited>()
            .RetryAt.ShouldBe(RestHarness.Start + TimeSpan.FromSeconds(15));
        h.Client.BlockedUntil.ShouldBe(RestHarness.Start + TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task TooManyRequests_WithRetries_WaitsTheLongerOfBackoffAndRetryAfterThenSucceeds()
    {
        SignallingTimeProvider? time = null;
        await using var h = await RestHarness.StartAsync(
            app => new ScriptedRoute(
                CannedResponse.Status(429, Payloads.TooMuchWeight, ("Retry-After", "5")),
                CannedResponse.Status(429, Payloads.TooMuchWeight, ("Retry-After", "1")),
                CannedResponse.Json("{}")).MapTo(app, "/api/v3/ping"),
            o => o with { MaxRateLimitRetries = 2 },
            inner => time = new SignallingTimeProvider(inner));

        var call = h.Client.PingAsync();
        // Attempt 1: backoff 1 s < Retry-After 5 s.
        await time!.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        h.Server.Requests.Count.ShouldBe(1);
        h.Advance(TimeSpan.FromSeconds(5));
        // Attempt 2: backoff 2 s > Retry-After 1 s.
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        h.Server.Requests.Count.ShouldBe(2);
        h.Advance(TimeSpan.FromSeconds(2));

        (await call).ShouldBeOfType<RestResult<Unit>.Ok>();
        h.Server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task TooManyRequests_RetriesExhausted_ReturnsTheLastRateLimit()
    {
        SignallingTimeProvider? time = null;
        await using var h = await RestHarness.StartAsync(
            app => new ScriptedRoute(CannedResponse.Status(429, Payloads.TooMuchWeight, ("Retry-After", "1"))).MapTo(app, "/api/v3/ping"),
            o => o with { MaxRateLimitRetries = 1 },
            inner => time = new SignallingTimeProvider(inner));

        var call = h.Client.PingAsync();
        await time!.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        h.Advance(TimeSpan.FromSeconds(1));

        (await call).ShouldBeOfType<RestResult<Unit>.RateLimited>().Reason.ShouldBe(RateLimitReason.TooManyRequests);
        h.Server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task UsedWeightHeaders_TrackedPerInterval()
    {
        await using var h = await RestHarness.StartAsync("/api/v3/ping",
            CannedResponse.Json("{}", ("X-MBX-USED-WEIGHT-1M", "31"), ("X-MBX-USED-WEIGHT", "31"), ("x-mbx-used-weight-1s", "4")),
            CannedResponse.Json("{}", ("X-MBX-USED-WEIGHT-1M", "7")));
        h.Client.Weight.ReportedMinuteWeight.ShouldBeNull();

        await h.Client.PingAsync();

        h.Client.Weight.ReportedMinuteWeight.ShouldBe(31);
        h.Client.Weight.Reported.ShouldBe(new Dictionary<string, int> { ["1M"] = 31, ["1S"] = 4 }, ignoreOrder: true);
        h.Client.Weight.CurrentMinuteWeight.ShouldBe(31);

        // Next minute (the window starts at the whole minute, 40 s ahead): the estimate restarts from zero.
        h.Advance(TimeSpan.FromSeconds(40));
        h.Client.Weight.CurrentMinuteWeight.ShouldBe(0);
        await h.Client.PingAsync();
        h.Client.Weight.ReportedMinuteWeight.ShouldBe(7);
        h.Client.Weight.CurrentMinuteWeight.ShouldBe(7);
    }

    [Fact]
    public async Task WeightBudget_RefusesWithoutSendingUntilTheNextMinute()
    {
        await using var h = await RestHarness.StartAsync(
            app => new ScriptedRoute(CannedResponse.Json(Payloads.Depth)).MapTo(app, "/api/v3/depth"),
            o => o with { WeightBudgetPerMinute = 10 });

        (await h.Client.GetDepthAsync(BtcUsdt)).ShouldBeOfType<RestResult<DepthSnapshot>.Ok>();
        (await h.Client.GetDepthAsync(BtcUsdt)).ShouldBeOfType<RestResult<DepthSnapshot>.Ok>();
        h.Client.Weight.CurrentMinuteWeight.ShouldBe(10);

        var refused = (await h.Client.GetDepthAsync(BtcUsdt)).ShouldBeOfType<RestResult<DepthSnapshot>.RateLimited>();
        refused.Reason.ShouldBe(RateLimitReason.WeightBudget);
        refused.RetryAt.ShouldBe(RestHarness.Start + TimeSpan.FromSeconds(40));
        h.Server.Requests.Count.ShouldBe(2);

        h.Advance(TimeSpan.FromSeconds(40));
        (await h.Client.GetDepthAsync(BtcUsdt)).ShouldBeOfType<RestResult<DepthSnapshot>.Ok>();
        h.Server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task WeightBudget_CountsTheReportedWeightOfOthersOnTheIp()
    {
        await using var h = await RestHarness.StartAsync(
            app => new ScriptedRoute(CannedResponse.Json(Payloads.Depth, ("X-MBX-USED-WEIGHT-1M", "4994"))).MapTo(app, "/api/v3/depth"),
            o => o with { WeightBudgetPerMinute = 5000 });

        (await h.Client.GetDepthAsync(BtcUsdt)).ShouldBeOfType<RestResult<DepthSnapshot>.Ok>();
        (await h.Client.GetDepthAsync(BtcUsdt)).ShouldBeOfType<RestResult<DepthSnapshot>.Ok>();
        (await h.Client.GetDepthAsync(BtcUsdt)).ShouldBeOfType<RestResult<DepthSnapshot>.RateLimited>()
            .Reason.ShouldBe(RateLimitReason.WeightBudget);
        h.Server.Requests.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(100, 5)]
    [InlineData(101, 25)]
    [InlineData(1000, 50)]
    [InlineData(5000, 250)]
    public async Task Depth_ReservesTheDocumentedWeight(int limit, int weight)
    {
        await using var h = await RestHarness.StartAsync("/api/v3/depth", CannedResponse.Json(Payloads.Depth));

        await h.Client.GetDepthAsync(BtcUsdt, limit);

        h.Client.Weight.CurrentMinuteWeight.ShouldBe(weight);
    }
}

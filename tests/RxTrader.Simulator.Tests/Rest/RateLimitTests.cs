using System.Net;
using RxTrader.Simulator.Server;

namespace RxTrader.Simulator.Tests.Rest;

public sealed class RateLimitTests
{
    private const string Limit = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=100";

    [Fact]
    public async Task Weight_Accumulates_Then429_Then418_ThenResetsAfterBan()
    {
        await using var f = await RestFixture.StartAsync(static o => o with { RateLimits = new SimulatorRateLimits { RequestWeightPerMinute = 3 } });
        RestFixture.Header(await f.GetAsync("/api/v3/ping"), "X-MBX-USED-WEIGHT-1M").ShouldBe("1");
        RestFixture.Header(await f.GetAsync("/api/v3/time"), "X-MBX-USED-WEIGHT-1M").ShouldBe("2");
        RestFixture.Header(await f.GetAsync("/api/v3/ping"), "X-MBX-USED-WEIGHT-1M").ShouldBe("3");

        var tooMany = await f.GetAsync("/api/v3/ping");
        await RestFixture.ShouldFailAsync(tooMany, 429, -1003, "Too much request weight used; current limit is 3 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.");
        RestFixture.Header(tooMany, "Retry-After").ShouldBe("30"); // the clock is at :30 of the minute
        RestFixture.Header(tooMany, "X-MBX-USED-WEIGHT-1M").ShouldBe("4");

        var banned = await f.GetAsync("/api/v3/ping");
        var bannedUntil = f.NowMs + 120_000;
        await RestFixture.ShouldFailAsync(banned, 418, -1003, $"Way too much request weight used; IP banned until {bannedUntil}. Please use WebSocket Streams for live updates to avoid bans.");
        RestFixture.Header(banned, "Retry-After").ShouldBe("120");

        f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(60));
        await RestFixture.ShouldFailAsync(await f.GetAsync("/api/v3/ping"), 418, -1003);
        f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(61));
        var after = await f.GetAsync("/api/v3/ping");
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        RestFixture.Header(after, "X-MBX-USED-WEIGHT-1M").ShouldBe("1");
    }

    [Fact]
    public async Task Weight_NextMinute_ResetsWithoutBan()
    {
        await using var f = await RestFixture.StartAsync(static o => o with { RateLimits = new SimulatorRateLimits { RequestWeightPerMinute = 1 } });
        (await f.GetAsync("/api/v3/ping")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await RestFixture.ShouldFailAsync(await f.GetAsync("/api/v3/ping"), 429, -1003);
        f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(30));
        (await f.GetAsync("/api/v3/ping")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RawRequests_OverBudget_429()
    {
        await using var f = await RestFixture.StartAsync(static o => o with { RateLimits = new SimulatorRateLimits { RawRequestsPer5Minutes = 2 } });
        await f.GetAsync("/api/v3/ping");
        await f.GetAsync("/api/v3/ping");
        await RestFixture.ShouldFailAsync(await f.GetAsync("/api/v3/ping"), 429, -1003, "Too many requests; current limit is 2 requests per 5 MINUTE.");
    }

    [Fact]
    public async Task Orders_OverTenSecondBudget_429Minus1015_CountHeadersIncrease()
    {
        await using var f = await RestFixture.StartAsync(static o => o with { RateLimits = new SimulatorRateLimits { OrdersPer10Seconds = 2 } });
        RestFixture.Header(await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit), "X-MBX-ORDER-COUNT-10S").ShouldBe("1");
        var second = await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit);
        RestFixture.Header(second, "X-MBX-ORDER-COUNT-10S").ShouldBe("2");
        RestFixture.Header(second, "X-MBX-ORDER-COUNT-1D").ShouldBe("2");
        var third = await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit);
        await RestFixture.ShouldFailAsync(third, 429, -1015, "Too many new orders; current limit is 2 orders per 10 SECOND.");
        RestFixture.Header(third, "Retry-After").ShouldBe("10");
        f.Scheduler.AdvanceBy(TimeSpan.FromSeconds(10));
        var fourth = await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit);
        fourth.StatusCode.ShouldBe(HttpStatusCode.OK);
        RestFixture.Header(fourth, "X-MBX-ORDER-COUNT-10S").ShouldBe("1");
        RestFixture.Header(fourth, "X-MBX-ORDER-COUNT-1D").ShouldBe("3");
    }

    [Fact]
    public async Task Orders_OverDailyBudget_429Minus1015()
    {
        await using var f = await RestFixture.StartAsync(static o => o with { RateLimits = new SimulatorRateLimits { OrdersPerDay = 1 } });
        (await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await RestFixture.ShouldFailAsync(await f.SignedAsync(HttpMethod.Post, "/api/v3/order", Limit), 429, -1015, "Too many new orders; current limit is 1 orders per 1 DAY.");
    }

    [Fact]
    public async Task Weight_CountsRejectedRequests()
    {
        await using var f = await RestFixture.StartAsync();
        f.ApiKey = "nobody";
        RestFixture.Header(await f.SignedAsync(HttpMethod.Get, "/api/v3/account", string.Empty), "X-MBX-USED-WEIGHT-1M").ShouldBe("20");
        RestFixture.Header(await f.GetAsync("/api/v3/depth?symbol=NOPE"), "X-MBX-USED-WEIGHT-1M").ShouldBe("25");
    }
}

using RxTrader.Simulator.Tests.Rest;

namespace RxTrader.Simulator.Tests.UserData;

public sealed class ListenKeyEndpointsTests
{
    [Fact]
    public async Task Post_ReturnsA60CharKey_AndTheSameKeyWhileValid()
    {
        await using var f = await UserDataFixture.StartAsync();

        var key = await f.CreateListenKeyAsync();
        var again = await f.CreateListenKeyAsync();
        var other = await f.CreateListenKeyAsync(UserDataFixture.OtherKey);

        key.Length.ShouldBe(60);
        key.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c));
        again.ShouldBe(key);
        other.ShouldNotBe(key);
    }

    [Fact]
    public async Task PutAndDelete_AnswerEmptyObject_ThenTheKeyIsGone()
    {
        await using var f = await UserDataFixture.StartAsync();
        var key = await f.CreateListenKeyAsync();

        using var put = await f.ListenKeyAsync(HttpMethod.Put, key);
        (await put.Content.ReadAsStringAsync()).ShouldBe("{}");
        RestFixture.Header(put, "X-MBX-USED-WEIGHT-1M").ShouldBe("4"); // POST 2 + PUT 2

        using var delete = await f.ListenKeyAsync(HttpMethod.Delete, key);
        (await delete.Content.ReadAsStringAsync()).ShouldBe("{}");

        using var putAfter = await f.ListenKeyAsync(HttpMethod.Put, key);
        await RestFixture.ShouldFailAsync(putAfter, 400, -1125, "This listenKey does not exist.");
        (await f.CreateListenKeyAsync()).ShouldNotBe(key);
    }

    [Fact]
    public async Task UnknownOrForeignKey_Is1125()
    {
        await using var f = await UserDataFixture.StartAsync();
        var key = await f.CreateListenKeyAsync();

        using var unknown = await f.ListenKeyAsync(HttpMethod.Put, new string('x', 60));
        await RestFixture.ShouldFailAsync(unknown, 400, -1125, "This listenKey does not exist.");
        using var foreign = await f.ListenKeyAsync(HttpMethod.Delete, key, UserDataFixture.OtherKey);
        await RestFixture.ShouldFailAsync(foreign, 400, -1125);
        using var stillThere = await f.ListenKeyAsync(HttpMethod.Put, key);
        ((int)stillThere.StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task Security_IsApiKeyOnly()
    {
        await using var f = await UserDataFixture.StartAsync();

        using var noKey = await f.ListenKeyAsync(HttpMethod.Post, null, apiKey: null);
        await RestFixture.ShouldFailAsync(noKey, 401, -2014, "API-key format invalid.");
        using var badKey = await f.ListenKeyAsync(HttpMethod.Post, null, apiKey: "nobody");
        await RestFixture.ShouldFailAsync(badKey, 401, -2015);
        using var missing = await f.ListenKeyAsync(HttpMethod.Put, null);
        await RestFixture.ShouldFailAsync(missing, 400, -1102, "Mandatory parameter 'listenKey' was not sent, was empty/null, or malformed.");
        using var extra = await f.ListenKeyAsync(HttpMethod.Post, "abc");
        await RestFixture.ShouldFailAsync(extra, 400, -1104);
    }

    [Fact]
    public async Task Key_ExpiresAfterValidity_UnlessKeptAlive()
    {
        await using var f = await UserDataFixture.StartAsync();
        var key = await f.CreateListenKeyAsync();

        f.Rest.Scheduler.AdvanceBy(TimeSpan.FromMinutes(59));
        using (var put = await f.ListenKeyAsync(HttpMethod.Put, key))
        {
            ((int)put.StatusCode).ShouldBe(200);
        }

        f.Rest.Scheduler.AdvanceBy(TimeSpan.FromMinutes(59)); // 118 min after creation, 59 after the keep-alive
        (await f.CreateListenKeyAsync()).ShouldBe(key); // POST extends too

        f.Rest.Scheduler.AdvanceBy(TimeSpan.FromMinutes(60));
        using var expired = await f.ListenKeyAsync(HttpMethod.Put, key);
        await RestFixture.ShouldFailAsync(expired, 400, -1125);
        (await f.CreateListenKeyAsync()).ShouldNotBe(key);
    }

    [Fact]
    public async Task Options_OutOfRange_AreRefusedAtStart()
    {
        var scheduler = new System.Reactive.Concurrency.HistoricalScheduler();

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => RxTrader.Simulator.Server.SimulatorServer.StartAsync(
            new RxTrader.Simulator.Server.SimulatorOptions { Market = null, UserData = new() { ListenKeyValidity = TimeSpan.Zero } }, scheduler));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => RxTrader.Simulator.Server.SimulatorServer.StartAsync(
            new RxTrader.Simulator.Server.SimulatorOptions { Market = null, UserData = new() { PingInterval = TimeSpan.FromSeconds(-1) } }, scheduler));
    }
}

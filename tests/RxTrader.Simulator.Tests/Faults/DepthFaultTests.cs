using System.Text.Json;
using RxTrader.Simulator.Tests.MarketStreams;

namespace RxTrader.Simulator.Tests.Faults;

/// <summary>Depth faults driven through the injector and its HTTP control route, observed by a client of the
/// <c>@depth</c> diff stream (the session mechanics have their own tests in MarketStreams).</summary>
public sealed class DepthFaultTests
{
    [Fact]
    public async Task SkipDepth_OverHttp_ClientSeesAGap()
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/ws/btcusdt@depth@100ms");
        await StreamFixture.UntilAsync(() => f.Context.StreamSessions.Count == 1, "session");
        f.BookChange();
        var first = await DepthAsync(client);

        using var http = new HttpClient { BaseAddress = f.Server.BaseAddress };
        var response = await http.PostAsync("/sim/faults/skip-depth?events=1&count=1", null);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        ((int)response.StatusCode).ShouldBe(200, body.ToString());
        body.GetProperty("connections").GetInt32().ShouldBe(1);

        // The skipped event is the next one, whatever changes it holds; the one after it shows the gap.
        var next = await ChangeUntilDepthAsync(f, client);
        next.U.ShouldBeGreaterThan(first.u + 1);
        f.Server.Faults.Counters.DepthFaultsArmed.ShouldBe(1);
    }

    [Fact]
    public async Task DuplicateDepth_Programmatic_ClientSeesTheSameEventTwice()
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/ws/btcusdt@depth@100ms");
        await StreamFixture.UntilAsync(() => f.Context.StreamSessions.Count == 1, "session");

        f.Server.Faults.DuplicateDepthEvents().ShouldBe(1);
        f.BookChange();
        var once = await DepthAsync(client);
        (await DepthAsync(client)).ShouldBe(once);
    }

    [Fact]
    public async Task ReorderDepth_ThenReset_DisarmsWhatWasNotApplied()
    {
        await using var f = await StreamFixture.StartAsync();
        using var client = await f.ConnectAsync("/ws/btcusdt@depth@100ms");
        await StreamFixture.UntilAsync(() => f.Context.StreamSessions.Count == 1, "session");

        f.Server.Faults.ReorderDepthEvents().ShouldBe(1);
        f.Server.Faults.SkipDepthEvents(events: 5).ShouldBe(1);
        f.Server.Faults.Reset();
        f.BookChange();
        var one = await DepthAsync(client);
        f.BookChange();
        var two = await DepthAsync(client);
        two.U.ShouldBe(one.u + 1);
    }

    [Fact]
    public async Task DepthFaults_BadArguments_RefusedOverHttpAndInCode()
    {
        await using var f = await StreamFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = f.Server.BaseAddress };
        var response = await http.PostAsync("/sim/faults/duplicate-depth?events=0", null);
        ((int)response.StatusCode).ShouldBe(400);
        Should.Throw<ArgumentOutOfRangeException>(() => f.Server.Faults.SkipDepthEvents(events: 0));
        Should.Throw<ArgumentOutOfRangeException>(() => f.Server.Faults.ReorderDepthEvents(count: 0));
    }

    /// <summary>Changes the book every 150 ms until the client receives a diff (a skipped period sends nothing).</summary>
    private static async Task<(long U, long u)> ChangeUntilDepthAsync(StreamFixture f, StreamClient client)
    {
        var next = DepthAsync(client);
        var deadline = DateTime.UtcNow + StreamFixture.Limit;
        do
        {
            f.BookChange();
        }
        while (await Task.WhenAny(next, Task.Delay(150)) != next && DateTime.UtcNow < deadline);
        return await next;
    }

    private static async Task<(long U, long u)> DepthAsync(StreamClient client)
    {
        var json = await client.NextJsonAsync();
        json.GetProperty("e").GetString().ShouldBe("depthUpdate");
        return (json.GetProperty("U").GetInt64(), json.GetProperty("u").GetInt64());
    }
}

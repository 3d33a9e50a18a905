using Microsoft.AspNetCore.Builder;
using Microsoft.Reactive.Testing;
using RxTrader.Binance.Rest;
using RxTrader.Binance.Tests.Infrastructure;
using RxTrader.Streams.Time;

namespace RxTrader.Binance.Tests.Rest;

/// <summary>A loopback server plus a client whose time is a <see cref="TestScheduler"/> set to <see cref="Start"/>.
/// HTTP is real; timeouts, blocks and waits are virtual, advanced by the test thread while no request is running.</summary>
internal sealed class RestHarness : IAsyncDisposable
{
    /// <summary>2023-11-14T22:13:20Z, 20 s into a minute.</summary>
    public static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    private RestHarness(TestScheduler scheduler, TimeProvider time, LoopbackServer server, BinanceRestClient client)
    {
        Scheduler = scheduler;
        Time = time;
        Server = server;
        Client = client;
    }

    public TestScheduler Scheduler { get; }

    public TimeProvider Time { get; }

    public LoopbackServer Server { get; }

    public BinanceRestClient Client { get; }

    public DateTimeOffset Now => Scheduler.Now;

    public static async Task<RestHarness> StartAsync(
        Action<WebApplication> routes,
        Func<BinanceRestOptions, BinanceRestOptions>? configure = null,
        Func<TimeProvider, TimeProvider>? wrapTime = null)
    {
        var scheduler = new TestScheduler();
        scheduler.AdvanceTo(Start.UtcTicks);
        var time = new SchedulerTimeProvider(scheduler);
        var clientTime = wrapTime?.Invoke(time) ?? time;
        var server = await LoopbackServer.StartAsync(routes);
        var options = new BinanceRestOptions { BaseAddress = server.BaseAddress };
        var client = new BinanceRestClient(configure?.Invoke(options) ?? options, clientTime);
        return new RestHarness(scheduler, clientTime, server, client);
    }

    public static Task<RestHarness> StartAsync(string path, params CannedResponse[] script) =>
        StartAsync(app => new ScriptedRoute(script).MapTo(app, path));

    public void Advance(TimeSpan by) => Scheduler.AdvanceBy(by.Ticks);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}

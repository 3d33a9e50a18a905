using System.Collections.Concurrent;
using RxTrader.Binance.Execution;
using RxTrader.Binance.Rest;
using RxTrader.Binance.UserData;
using RxTrader.Core;
using RxTrader.Core.Connectivity;
using RxTrader.Core.Orders;
using RxTrader.Simulator.Server;
using RxTrader.Streams.FlowControl;
using RxTrader.Testing;

namespace RxTrader.Binance.Tests.Execution;

/// <summary>A silent simulator on loopback (real sockets, the shared wall-clock scheduler) and a Binance venue
/// talking to it with short windows, so that resolution waits take a fraction of a second.</summary>
internal sealed class VenueHarness : IAsyncDisposable
{
    public static readonly Symbol Btc = new("BTCUSDT");

    /// <summary>How long a condition may take before the test fails (generous: the machine is shared).</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    private VenueHarness(SimulatorServer server, BinanceExecutionVenue venue)
    {
        Server = server;
        Venue = venue;
        venue.OrderUpdates.Subscribe(Updates.Enqueue);
        venue.Connection.Subscribe(ConnectionEvents.Enqueue);
    }

    public SimulatorServer Server { get; }

    public BinanceExecutionVenue Venue { get; }

    public ConcurrentQueue<OrderUpdate> Updates { get; } = new();

    public ConcurrentQueue<ConnectionEvent> ConnectionEvents { get; } = new();

    public static BinanceVenueOptions Options(SimulatorServer server) => new()
    {
        ApiKey = SimulatorAccount.DemoApiKey,
        SecretKey = SimulatorAccount.DemoSecretKey,
        Rest = new BinanceRestOptions { BaseAddress = server.BaseAddress, RequestTimeout = TimeSpan.FromSeconds(3) },
        UserData = new UserDataStreamOptions
        {
            StreamAddress = server.StreamAddress,
            Backoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500)),
        },
        RecvWindow = TimeSpan.FromMilliseconds(1000),
        ClockMargin = TimeSpan.FromMilliseconds(100),
        PollInterval = TimeSpan.FromMilliseconds(100),
        ResolveBackoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200)),
    };

    public static async Task<VenueHarness> StartAsync(
        Func<BinanceVenueOptions, BinanceVenueOptions>? configure = null, Func<SimulatorOptions, SimulatorOptions>? simulator = null)
    {
        var server = await SimulatorServer.StartAsync((simulator ?? (static o => o))(new SimulatorOptions { Market = null }), RealTime.Scheduler);
        var options = (configure ?? (static o => o))(Options(server));
        var venue = new BinanceExecutionVenue(options, RealTime.Scheduler);
        var harness = new VenueHarness(server, venue);
        await venue.StartAsync();
        if (options.UseUserDataStream)
        {
            await EventuallyAsync(() => venue.IsStreaming, "the user data stream to connect");
        }

        return harness;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; never asserts on elapsed time.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(Limit);
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }

    /// <summary>How many orders the exchange holds for this client order id (open or closed).</summary>
    public int OrdersAtExchange(ClientOrderId id) =>
        Server.Engine.AllOrders(SimulatorAccount.DemoApiKey, Btc).Value!.Count(o => o.ClientOrderId == id.Value);

    public int AllOrdersAtExchange() => Server.Engine.AllOrders(SimulatorAccount.DemoApiKey, Btc).Value!.Count;

    public void SetBook(decimal bid, decimal ask, decimal quantity)
    {
        Server.Engine.CancelAllLiquidity(Btc);
        Server.Engine.PlaceLiquidity(Btc, Side.Buy, bid, quantity);
        Server.Engine.PlaceLiquidity(Btc, Side.Sell, ask, quantity);
    }

    public Order? LastUpdate(ClientOrderId id) => Updates.LastOrDefault(u => u.Order.ClientOrderId == id)?.Order;

    public async ValueTask DisposeAsync()
    {
        Venue.Dispose();
        await Server.DisposeAsync();
    }
}

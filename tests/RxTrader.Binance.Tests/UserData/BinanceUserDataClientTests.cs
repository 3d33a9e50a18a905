using System.Collections.Concurrent;
using RxTrader.Binance.Execution;
using RxTrader.Binance.Rest;
using RxTrader.Binance.Tests.Execution;
using RxTrader.Binance.UserData;
using RxTrader.Core;
using RxTrader.Core.Connectivity;
using RxTrader.Core.Orders;
using RxTrader.Simulator.Faults;
using RxTrader.Simulator.Server;
using RxTrader.Simulator.UserData;
using RxTrader.Streams.FlowControl;
using RxTrader.Streams.Time;
using RxTrader.Testing;

namespace RxTrader.Binance.Tests.UserData;

/// <summary>The user data client against the simulator: events, malformed frames, drops and listenKey expiry.</summary>
public sealed class BinanceUserDataClientTests
{
    private static readonly Symbol Btc = VenueHarness.Btc;

    [Fact]
    public async Task Events_OrderAndBalanceChanges_Mapped()
    {
        await using var h = await Harness.StartAsync();
        // Orders are placed by a venue without its own stream; the client under test receives their events.
        using var placer = new BinanceExecutionVenue(
            VenueHarness.Options(h.Server) with { UseUserDataStream = false }, RealTime.Scheduler);
        h.Server.Engine.PlaceLiquidity(Btc, Side.Sell, 100.50m, 1m);

        var request = OrderRequest.Market(ClientOrderId.For("ud", 1), Btc, Side.Buy, 0.1m);
        (await placer.PlaceAsync(request)).ShouldBeOfType<VenueOutcome<Order>.Accepted>();

        await VenueHarness.EventuallyAsync(() => h.Orders.Any(u => u.Order.Status == OrderStatus.Filled), "the Filled report");
        var fill = h.Orders.Select(u => u.Fill).OfType<Fill>().Single();
        fill.ClientOrderId.ShouldBe(request.ClientOrderId);
        fill.Price.ShouldBe(100.50m);
        fill.Quantity.ShouldBe(0.1m);
        fill.IsMaker.ShouldBeFalse();
        await VenueHarness.EventuallyAsync(() => h.Accounts.Any(a => a.Balances.Any(b => b.Asset == "BTC")), "the balance change");
        h.Client.MalformedMessages.ShouldBe(0);
    }

    [Fact]
    public async Task MalformedFrame_CountedAndSkipped_ConnectionKept()
    {
        await using var h = await Harness.StartAsync();

        h.Server.Faults.SendMalformedFrame(MalformedFrame.InvalidJson, ConnectionKind.UserData).ShouldBe(1);

        await VenueHarness.EventuallyAsync(() => h.Client.MalformedMessages == 1, "the malformed frame to be counted");
        h.Client.IsConnected.ShouldBeTrue();
        h.Events.OfType<Disconnected>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Dropped_DisconnectedReconnectingConnected()
    {
        await using var h = await Harness.StartAsync();

        h.Server.Faults.Drop(ConnectionKind.UserData).ShouldBe(1);

        await VenueHarness.EventuallyAsync(() => h.Events.OfType<Connected>().Count() == 2, "the reconnection");
        var kinds = h.Events.Select(e => e.GetType().Name).ToList();
        kinds.ShouldBe(["Connected", "Disconnected", "Reconnecting", "Connected"]);
        h.Events.ShouldAllBe(e => e.Source == "binance-user");
    }

    [Fact]
    public async Task ListenKeyExpired_ReconnectsWithANewKey()
    {
        await using var h = await Harness.StartAsync(new UserDataOptions { ListenKeyValidity = TimeSpan.FromSeconds(1) });

        await VenueHarness.EventuallyAsync(() => h.Events.OfType<Connected>().Count() >= 2, "the reconnection after the expiry");
        h.Events.OfType<Disconnected>().First().Detail.ShouldBe("listenKeyExpired");
    }

    [Fact]
    public async Task KeepAlive_ExtendsTheKey_NoExpiry()
    {
        await using var h = await Harness.StartAsync(
            new UserDataOptions { ListenKeyValidity = TimeSpan.FromSeconds(1) }, TimeSpan.FromMilliseconds(200));

        // Three validities without an expiry: the keep-alive PUTs kept the key alive.
        await Task.Delay(TimeSpan.FromSeconds(3));

        h.Events.OfType<Disconnected>().ShouldBeEmpty();
        h.Client.IsConnected.ShouldBeTrue();
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        using var rest = new BinanceRestClient(new BinanceRestOptions(), TimeProvider.System);
        Should.Throw<ArgumentNullException>(() => new BinanceUserDataClient(null!, "key", new UserDataStreamOptions(), RealTime.Scheduler));
        Should.Throw<ArgumentException>(() => new BinanceUserDataClient(rest, " ", new UserDataStreamOptions(), RealTime.Scheduler));
        Should.Throw<ArgumentNullException>(() => new BinanceUserDataClient(rest, "key", null!, RealTime.Scheduler));
        Should.Throw<ArgumentNullException>(() => new BinanceUserDataClient(rest, "key", new UserDataStreamOptions(), null!));
        Should.Throw<ArgumentOutOfRangeException>(() => new BinanceUserDataClient(rest, "key", new UserDataStreamOptions { KeepAliveInterval = TimeSpan.Zero }, RealTime.Scheduler));
    }

    [Fact]
    public async Task Dispose_CompletesTheObservables_AndStartThrowsAfterwards()
    {
        var h = await Harness.StartAsync();
        var completed = 0;
        h.Client.Connection.Subscribe(_ => { }, () => Interlocked.Increment(ref completed));
        h.Client.OrderUpdates.Subscribe(_ => { }, () => Interlocked.Increment(ref completed));
        h.Client.AccountUpdates.Subscribe(_ => { }, () => Interlocked.Increment(ref completed));

        await h.DisposeAsync();

        completed.ShouldBe(3);
        Should.Throw<ObjectDisposedException>(h.Client.Start);
    }

    private sealed class Harness : IAsyncDisposable
    {
        private readonly BinanceRestClient _rest;

        private Harness(SimulatorServer server, TimeSpan? keepAlive)
        {
            Server = server;
            _rest = new BinanceRestClient(new BinanceRestOptions { BaseAddress = server.BaseAddress }, new SchedulerTimeProvider(RealTime.Scheduler));
            Client = new BinanceUserDataClient(
                _rest,
                SimulatorAccount.DemoApiKey,
                new UserDataStreamOptions
                {
                    StreamAddress = server.StreamAddress,
                    Backoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200)),
                    KeepAliveInterval = keepAlive ?? TimeSpan.FromMinutes(30),
                },
                RealTime.Scheduler);
            Client.OrderUpdates.Subscribe(Orders.Enqueue);
            Client.AccountUpdates.Subscribe(Accounts.Enqueue);
            Client.Connection.Subscribe(Events.Enqueue);
        }

        public SimulatorServer Server { get; }

        public BinanceUserDataClient Client { get; }

        public ConcurrentQueue<OrderUpdate> Orders { get; } = new();

        public ConcurrentQueue<AccountUpdate> Accounts { get; } = new();

        public ConcurrentQueue<ConnectionEvent> Events { get; } = new();

        public static async Task<Harness> StartAsync(UserDataOptions? userData = null, TimeSpan? keepAlive = null)
        {
            var server = await SimulatorServer.StartAsync(new SimulatorOptions { Market = null, UserData = userData ?? new UserDataOptions() }, RealTime.Scheduler);
            var harness = new Harness(server, keepAlive);
            harness.Client.Start();
            await VenueHarness.EventuallyAsync(() => harness.Client.IsConnected, "the stream to connect");
            return harness;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            _rest.Dispose();
            await Server.DisposeAsync();
        }
    }
}

using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using RxTrader.Binance.OrderBooks;
using RxTrader.Binance.Rest;
using RxTrader.Binance.Tests.Feed;
using RxTrader.Binance.Tests.Infrastructure;
using RxTrader.Core;

namespace RxTrader.Binance.Tests.OrderBooks;

/// <summary>The feed (scripted WebSocket server) and the REST client (scripted depth route) wired to a synchronizer.</summary>
public sealed class BinanceOrderBooksTests
{
    private static readonly Symbol Btc = new("BTCUSDT");

    [Fact]
    public async Task FromFeed_DiffsAndSnapshot_ReachSyncedWithTheTopOfBook()
    {
        await using var rig = await Rig.StartAsync(Snapshot(100, ask: "4.01"));
        await rig.Socket.SendAsync(Diff(95, 101, bid: ("4.00", "5")));
        await Await.UntilAsync(() => rig.Sync.State == OrderBookSyncState.Synced, "synced");

        rig.Socket.PathAndQuery.ShouldBe("/stream?streams=btcusdt@depth@100ms");
        rig.Sync.TryGetTopOfBook(out var top).ShouldBeTrue();
        (top.BidPrice, top.BidQuantity, top.AskPrice, top.AskQuantity).ShouldBe((4.00m, 5m, 4.01m, 12m));
        rig.Server.Requests.ShouldAllBe(r => r.Contains("/api/v3/depth") && r.Contains("limit=1000"));
        rig.Server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task FromFeed_GapInTheDiffs_RequestsANewSnapshotAndResyncs()
    {
        await using var rig = await Rig.StartAsync(Snapshot(100, ask: "4.01"), Snapshot(155, ask: "4.02"));
        await rig.Socket.SendAsync(Diff(95, 101, bid: ("4.00", "5")));
        await Await.UntilAsync(() => rig.Sync.State == OrderBookSyncState.Synced, "synced");

        await rig.Socket.SendAsync(Diff(150, 160, bid: ("3.98", "7")));
        await Await.UntilAsync(() => rig.Server.Requests.Count == 2 && rig.Sync.State == OrderBookSyncState.Synced, "resynced");

        rig.Statuses.ShouldContain(s => s.State == OrderBookSyncState.Resyncing && s.Reason == OrderBookSyncReason.Gap);
        rig.Sync.Statistics.Gaps.ShouldBe(1);
        rig.Sync.TryGetTopOfBook(out var top).ShouldBeTrue();
        (top.BidPrice, top.AskPrice).ShouldBe((4.00m, 4.02m));
    }

    [Fact]
    public async Task FromFeed_RejectedSnapshot_IsAFailedAttemptAndIsRetried()
    {
        var fastRetry = new OrderBookSynchronizerOptions { SnapshotRetryDelay = _ => TimeSpan.FromMilliseconds(10) };
        await using var rig = await Rig.StartAsync(
            fastRetry, CannedResponse.Status(400, """{"code":-1121,"msg":"Invalid symbol."}"""), CannedResponse.Json(Snapshot(100, ask: "4.01")));
        await rig.Socket.SendAsync(Diff(95, 101, bid: ("4.00", "5")));
        await Await.UntilAsync(() => rig.Sync.State == OrderBookSyncState.Synced, "synced");

        var failed = rig.Statuses.Single(s => s.Reason == OrderBookSyncReason.SnapshotFailed);
        failed.Detail.ShouldNotBeNull().ShouldContain("Invalid symbol.");
        rig.Server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task FromFeed_OnAConnectedFeed_SubscribesLiveAndSyncs()
    {
        await using var rig = await Rig.StartAsync(null, connectFirst: true, CannedResponse.Json(Snapshot(100, ask: "4.01")));
        await Await.UntilAsync(() => rig.Socket.Received.Count == 1, "SUBSCRIBE");
        await rig.Socket.SendAsync(Diff(95, 101, bid: ("4.00", "5")));
        await Await.UntilAsync(() => rig.Sync.State == OrderBookSyncState.Synced, "synced");

        rig.Socket.PathAndQuery.ShouldBe("/stream?streams=");
        rig.Socket.Received[0].Text.ShouldContain("btcusdt@depth@100ms");
    }

    [Fact]
    public void SnapshotBackoff_DoublesFromOneSecondToThirty()
    {
        int[] attempts = [1, 2, 5, 6, 20];
        attempts.Select(a => BinanceOrderBooks.SnapshotBackoff.BaseDelay(a).TotalSeconds).ShouldBe([1d, 2d, 16d, 30d, 30d]);
    }

    [Fact]
    public void FromFeed_NullArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => BinanceOrderBooks.FromFeed(null!, null!, Btc, new HistoricalScheduler()));
    }

    private static string Snapshot(long lastUpdateId, string ask) =>
        $$"""{"lastUpdateId":{{lastUpdateId}},"bids":[["4.00","431"],["3.99","1.5"]],"asks":[["{{ask}}","12"]]}""";

    private static string Diff(long first, long last, (string Price, string Quantity) bid) =>
        $$$"""{"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":1672515782136,"s":"BTCUSDT","U":{{{first}}},"u":{{{last}}},"b":[["{{{bid.Price}}}","{{{bid.Quantity}}}"]],"a":[]}}""";

    private sealed class Rig : IAsyncDisposable
    {
        private readonly EventLoopScheduler _scheduler;
        private readonly IDisposable _statusSubscription;

        private Rig(WebSocketServer sockets, LoopbackServer server, BinanceRestClient rest, FeedHarness harness,
            EventLoopScheduler scheduler, OrderBookSynchronizer sync)
        {
            _scheduler = scheduler;
            Sockets = sockets;
            Server = server;
            Rest = rest;
            Harness = harness;
            Sync = sync;
            _statusSubscription = sync.Status.Subscribe(Statuses.Enqueue);
        }

        public WebSocketServer Sockets { get; }

        public LoopbackServer Server { get; }

        public BinanceRestClient Rest { get; }

        public FeedHarness Harness { get; }

        public OrderBookSynchronizer Sync { get; }

        public ScriptedSocket Socket { get; private set; } = null!;

        public ConcurrentQueue<OrderBookStatus> Statuses { get; } = new();

        public static Task<Rig> StartAsync(params string[] snapshots) =>
            StartAsync(null, connectFirst: false, [.. snapshots.Select(s => CannedResponse.Json(s))]);

        public static Task<Rig> StartAsync(OrderBookSynchronizerOptions? options, params CannedResponse[] snapshots) =>
            StartAsync(options, connectFirst: false, snapshots);

        public static async Task<Rig> StartAsync(
            OrderBookSynchronizerOptions? options, bool connectFirst, params CannedResponse[] snapshots)
        {
            var sockets = await WebSocketServer.StartAsync();
            var server = await LoopbackServer.StartAsync(app => new ScriptedRoute(snapshots).MapTo(app, "/api/v3/depth"));
            var rest = new BinanceRestClient(new BinanceRestOptions { BaseAddress = server.BaseAddress }, TimeProvider.System);
            var harness = FeedHarness.Create(sockets.BaseUri);
            var scheduler = new EventLoopScheduler();
            ScriptedSocket? socket = null;
            if (connectFirst)
            {
                harness.Feed.Start();
                socket = await sockets.NextAsync();
                await Await.UntilAsync(() => harness.Feed.State == Binance.Feed.FeedState.Connected, "feed connected");
            }

            var sync = BinanceOrderBooks.FromFeed(harness.Feed, rest, Btc, scheduler, options);
            var rig = new Rig(sockets, server, rest, harness, scheduler, sync);
            sync.Start();
            harness.Feed.Start();
            rig.Socket = socket ?? await sockets.NextAsync();
            await Await.UntilAsync(() => sync.State == OrderBookSyncState.Syncing, "syncing");
            return rig;
        }

        public async ValueTask DisposeAsync()
        {
            _statusSubscription.Dispose();
            Sync.Dispose();
            await Harness.DisposeAsync();
            Rest.Dispose();
            await Server.DisposeAsync();
            await Sockets.DisposeAsync();
            _scheduler.Dispose();
        }
    }
}

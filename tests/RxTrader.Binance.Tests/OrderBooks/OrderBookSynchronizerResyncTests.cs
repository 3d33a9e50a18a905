using Microsoft.Reactive.Testing;
using RxTrader.Binance.OrderBooks;
using RxTrader.Core.Connectivity;
using RxTrader.Testing;
using static RxTrader.Binance.Tests.OrderBooks.SyncHarness;

namespace RxTrader.Binance.Tests.OrderBooks;

/// <summary>Connection events, snapshot failures and the sanity check, and the rule that an unsynced book is unreadable.</summary>
public sealed class OrderBookSynchronizerResyncTests : ReactiveTest
{
    [Fact]
    public void SnapshotFailure_RetriedWithDelayAndReported()
    {
        var h = new SyncHarness([OnNext(220, D(101, 101)), OnNext(500, D(102, 102))], [OnNext(210, Connected(210))]);
        h.FailAt(250, 0, "HTTP 503");
        h.FailAt(310, 1, "HTTP 503");
        h.AnswerAt(450, 2, Snap(100));
        h.DisposeAt(5000);
        h.RunTo(1000);

        // Answers hop onto the scheduler (+1 tick). Attempt 1 failed at 251: retry 50 ticks later; attempt 2 at 311: 100 later.
        h.Requests.Select(r => r.Time).ShouldBe([221L, 301, 411]);
        h.States().Skip(2).ShouldBe([
            (251, OrderBookSyncState.Resyncing, OrderBookSyncReason.SnapshotFailed),
            (311, OrderBookSyncState.Resyncing, OrderBookSyncReason.SnapshotFailed),
            (451, OrderBookSyncState.Synced, OrderBookSyncReason.None)]);
        h.Statuses.Messages[2].Value.Value.Detail.ShouldBe("HTTP 503");
        h.Sync.Statistics.SnapshotFailures.ShouldBe(2);
        h.Sync.TryGetTopOfBook(out var top).ShouldBeTrue();
        top.UpdateId.ShouldBe(102);
    }

    [Fact]
    public void SnapshotFunction_Throws_IsAFailedAttempt()
    {
        var calls = 0;
        var scheduler = new TestScheduler();
        var updates = scheduler.CreateHotObservable(OnNext(220, D(101, 101)));
        var connection = scheduler.CreateHotObservable(OnNext(210, Connected(210)));
        using var sync = new OrderBookSynchronizer(
            Btc, updates, connection,
            (_, _) => ++calls == 1 ? throw new InvalidOperationException("no route") : Task.FromResult(Snap(100)),
            scheduler, Options());
        var statuses = scheduler.CreateObserver<OrderBookStatus>();
        sync.Status.ValidateGrammar().Subscribe(statuses);
        sync.Start();
        scheduler.AdvanceTo(1000);

        statuses.Messages.Select(m => m.Value.Value.Reason).ShouldContain(OrderBookSyncReason.SnapshotFailed);
        statuses.Messages[^1].Value.Value.State.ShouldBe(OrderBookSyncState.Synced);
        statuses.Messages[^1].Time.ShouldBe(273); // request 221, failure 222, retry 272, answer 273
    }

    [Fact]
    public void Disconnected_EmptiesBookAndWaitsForConnected()
    {
        var h = new SyncHarness(
            [OnNext(220, D(101, 101)), OnNext(350, D(102, 102)), OnNext(420, D(200, 201))],
            [
                OnNext(210, Connected(210)),
                OnNext<ConnectionEvent>(300, new Disconnected(MarbleTime.At(300), "btcusdt@depth", DisconnectReason.ServerClosed, "1000")),
                OnNext(400, Connected(400)),
            ]) { Respond = i => Snap(i == 0 ? 100 : 200) };
        h.DisposeAt(5000);
        h.RunTo(1000);

        h.States().Skip(1).ShouldBe([
            (210, OrderBookSyncState.Syncing, OrderBookSyncReason.Connected),
            (222, OrderBookSyncState.Synced, OrderBookSyncReason.None),
            (300, OrderBookSyncState.Disconnected, OrderBookSyncReason.Disconnected),
            (400, OrderBookSyncState.Syncing, OrderBookSyncReason.Connected),
            (422, OrderBookSyncState.Synced, OrderBookSyncReason.None)]);
        h.Statuses.Messages[3].Value.Value.Detail.ShouldBe("ServerClosed: 1000");
        h.Sync.Statistics.UpdatesIgnored.ShouldBe(1); // the diff at 350 arrived while disconnected
        h.Requests.Select(r => r.Time).ShouldBe([221L, 421]);
    }

    [Fact]
    public void Disconnected_WhileRequestPending_CancelsItAndIgnoresItsAnswer()
    {
        var h = new SyncHarness(
            [OnNext(220, D(101, 101))],
            [OnNext(210, Connected(210)), OnNext<ConnectionEvent>(230, new Disconnected(MarbleTime.At(230), "s", DisconnectReason.TransportError))]);
        h.AnswerAt(240, 0, Snap(100)); // too late: cancelled already, TrySetCanceled won
        h.DisposeAt(5000);
        h.RunTo(1000);

        h.Requests[0].Token.IsCancellationRequested.ShouldBeTrue();
        h.Sync.State.ShouldBe(OrderBookSyncState.Disconnected);
    }

    [Fact]
    public void ConnectionGap_WhileSynced_Resyncs()
    {
        var gap = new Gap(MarbleTime.At(300), "btcusdt@depth", MarbleTime.At(250), MarbleTime.At(290));
        var h = new SyncHarness(
            [OnNext(220, D(101, 101)), OnNext(310, D(102, 102))],
            [OnNext(210, Connected(210)), OnNext<ConnectionEvent>(300, gap)]) { Respond = i => Snap(i == 0 ? 100 : 101) };
        h.DisposeAt(5000);
        h.RunTo(1000);

        h.States().Skip(2).ShouldBe([
            (222, OrderBookSyncState.Synced, OrderBookSyncReason.None),
            (300, OrderBookSyncState.Resyncing, OrderBookSyncReason.ConnectionGap),
            (312, OrderBookSyncState.Synced, OrderBookSyncReason.None)]);
    }

    [Fact]
    public void Connected_WhileSynced_ResyncsAsReconnected()
    {
        var h = new SyncHarness(
            [OnNext(220, D(101, 101)), OnNext(310, D(102, 102))],
            [OnNext(210, Connected(210)), OnNext(300, Connected(300))]) { Respond = i => Snap(i == 0 ? 100 : 101) };
        h.DisposeAt(5000);
        h.RunTo(1000);

        h.States()[3].ShouldBe((300, OrderBookSyncState.Resyncing, OrderBookSyncReason.Reconnected));
        h.States()[^1].ShouldBe((312, OrderBookSyncState.Synced, OrderBookSyncReason.None));
    }

    [Fact]
    public void OtherConnectionEvents_AreIgnored()
    {
        var h = new SyncHarness(
            [OnNext(220, D(101, 101))],
            [
                OnNext(210, Connected(210)),
                OnNext<ConnectionEvent>(300, new Stale(MarbleTime.At(300), "s", null)),
                OnNext<ConnectionEvent>(310, new Fresh(MarbleTime.At(310), "s", TimeSpan.FromSeconds(1))),
                OnNext<ConnectionEvent>(320, new Reconnecting(MarbleTime.At(320), "s", 1, TimeSpan.FromSeconds(1))),
            ]) { Respond = _ => Snap(100) };
        h.DisposeAt(5000);
        h.RunTo(1000);

        h.States()[^1].ShouldBe((222, OrderBookSyncState.Synced, OrderBookSyncReason.None));
    }

    [Fact]
    public void SanityCheck_CrossedBook_ResyncsAfterConfiguredChecks()
    {
        // Start at 100, checks every 1,000 ticks: 1,100 (crossed, 1 of 2), 2,100 (crossed: resync).
        var h = new SyncHarness(
            [OnNext(220, D(101, 101)), OnNext(500, D(102, 102, bids: [L(101.5m, 1)], asks: [L(101, 0), L(101.5m, 1)])), OnNext(2500, D(103, 103))],
            [OnNext(210, Connected(210))]) { Respond = i => Snap(i == 0 ? 100 : 102) };
        h.DisposeAt(9000);
        h.RunTo(3000);

        h.States().Skip(2).ShouldBe([
            (222, OrderBookSyncState.Synced, OrderBookSyncReason.None),
            (2100, OrderBookSyncState.Resyncing, OrderBookSyncReason.CrossedBook),
            (2502, OrderBookSyncState.Synced, OrderBookSyncReason.None)]);
        h.Statuses.Messages.Select(m => m.Value.Value).Single(s => s.Reason == OrderBookSyncReason.CrossedBook)
            .Detail.ShouldBe("best bid 101.5 >= best ask 101.5");
        h.Sync.Statistics.CrossedChecks.ShouldBe(2);
        h.Requests.Select(r => r.Time).ShouldBe([221L, 2501]);
    }

    [Fact]
    public void SanityCheck_CrossedOnceThenHealed_NoResync()
    {
        var h = new SyncHarness(
            [OnNext(220, D(101, 101)), OnNext(500, D(102, 102, bids: [L(101, 1)])), OnNext(1500, D(103, 103, bids: [L(101, 0)]))],
            [OnNext(210, Connected(210))]) { Respond = _ => Snap(100) };
        h.DisposeAt(9000);
        h.RunTo(5000);

        h.States()[^1].ShouldBe((222, OrderBookSyncState.Synced, OrderBookSyncReason.None));
        h.Sync.Statistics.CrossedChecks.ShouldBe(1);
    }

    [Fact]
    public void CrossedBook_TopWithheldUntilUncrossed()
    {
        var h = new SyncHarness(
            [OnNext(220, D(101, 101)), OnNext(300, D(102, 102, bids: [L(101, 1)])), OnNext(400, D(103, 103, bids: [L(101, 0)]))],
            [OnNext(210, Connected(210))]) { Respond = _ => Snap(100) };
        h.DisposeAt(9000);
        h.RunTo(350);

        h.Sync.State.ShouldBe(OrderBookSyncState.Synced);
        h.Sync.TryGetTopOfBook(out _).ShouldBeFalse();
        h.Sync.TryGetDepth(5, out _).ShouldBeFalse();
        h.RunTo(450);
        h.Tops.Messages.AssertEqual(OnNext(222, Top(101, 100, 1, 101, 1)), OnNext(400, Top(103, 100, 1, 101, 1)));
        h.Depths.Messages.Select(m => m.Time).ShouldBe([222L, 400]);
    }

    [Fact]
    public void NotSynced_NothingReadableAndNothingEmitted()
    {
        var h = new SyncHarness(
            [OnNext(220, D(101, 101)), OnNext(230, D(102, 102, bids: [L(100, 3)]))],
            [OnNext(210, Connected(210))]);
        h.DisposeAt(9000);
        h.RunTo(200);
        h.Sync.TryGetTopOfBook(out var top).ShouldBeFalse();
        top.ShouldBe(default);

        h.RunTo(500); // syncing: the snapshot request is pending
        h.Sync.State.ShouldBe(OrderBookSyncState.Syncing);
        h.Sync.TryGetTopOfBook(out _).ShouldBeFalse();
        h.Sync.TryGetDepth(10, out var depth).ShouldBeFalse();
        depth.ShouldBe(default);
        h.Tops.Messages.ShouldBeEmpty();
        h.Depths.Messages.ShouldBeEmpty();
    }

    [Fact]
    public void TryGetDepth_NegativeLevels_Throws()
    {
        var h = new SyncHarness([], []);
        Should.Throw<ArgumentOutOfRangeException>(() => h.Sync.TryGetDepth(-1, out _));
    }
}

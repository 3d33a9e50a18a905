using Microsoft.Reactive.Testing;
using RxTrader.Binance.OrderBooks;
using RxTrader.Core.MarketData;
using static RxTrader.Binance.Tests.OrderBooks.SyncHarness;

namespace RxTrader.Binance.Tests.OrderBooks;

/// <summary>The synchronisation procedure of wire spec §1.5, step by step.</summary>
public sealed class OrderBookSynchronizerProcedureTests : ReactiveTest
{
    [Fact]
    public void HappyPath_BufferSnapshotDropStaleStraddleContinue_Synced()
    {
        var h = new SyncHarness(
            [
                OnNext(220, D(95, 98)), // before the snapshot: dropped
                OnNext(230, D(99, 103, bids: [L(100, 5)])), // straddles 101
                OnNext(260, D(104, 106, asks: [L(101, 0)])), // live, continuous
                OnNext(270, D(107, 107, bids: [L(98, 1)])), // continuous, top unchanged
            ],
            [OnNext(210, Connected(210))]);
        h.AnswerAt(250, 0, Snap(100));
        h.DisposeAt(5000);
        h.RunTo(1000);

        h.Requests.Select(r => r.Time).ShouldBe([221L]); // one scheduler hop after the first diff
        h.States().ShouldBe([
            (0, OrderBookSyncState.Disconnected, OrderBookSyncReason.None),
            (210, OrderBookSyncState.Syncing, OrderBookSyncReason.Connected),
            (251, OrderBookSyncState.Synced, OrderBookSyncReason.None)]); // the answer hops back onto the scheduler
        h.Tops.Messages.AssertEqual(
            OnNext(251, Top(103, 100, 5, 101, 1)),
            OnNext(260, Top(106, 100, 5, 102, 2)));
        h.Depths.Messages.Select(m => m.Time).ShouldBe([251L, 260, 270]);
        var last = h.Depths.Messages[^1].Value.Value;
        last.LastUpdateId.ShouldBe(107);
        last.Bids.ShouldBe([L(100, 5), L(99, 2), L(98, 1)]);
        last.Asks.ShouldBe([L(102, 2)]);
        h.Sync.Statistics.ShouldBe(new OrderBookSynchronizerStatistics(
            UpdatesApplied: 3, UpdatesIgnored: 1, OverlappingUpdates: 1, Gaps: 0, Resyncs: 0, SnapshotRequests: 1,
            SnapshotFailures: 0, StaleSnapshots: 0, BufferOverflows: 0, CrossedChecks: 0));
    }

    [Fact]
    public void Snapshot_BoundaryFirstUpdateIsLastUpdateIdPlusOne_Accepted()
    {
        var h = new SyncHarness([OnNext(220, D(101, 102))], [OnNext(210, Connected(210))]) { Respond = _ => Snap(100) };
        h.DisposeAt(5000);
        h.RunTo(1000);

        h.Requests.Count.ShouldBe(1);
        h.Sync.State.ShouldBe(OrderBookSyncState.Synced);
        h.Sync.Statistics.OverlappingUpdates.ShouldBe(0);
    }

    [Fact]
    public void Snapshot_OlderThanFirstBufferedUpdate_FetchedAgainAfterDelay()
    {
        var h = new SyncHarness(
            [OnNext(220, D(105, 110)), OnNext(240, D(111, 112)), OnNext(400, D(113, 114))],
            [OnNext(210, Connected(210))]);
        h.AnswerAt(230, 0, Snap(100)); // 101..104 would be missing: too old
        h.AnswerAt(300, 1, Snap(111));
        h.DisposeAt(5000);
        h.RunTo(1000);

        h.Requests.Select(r => r.Time).ShouldBe([221L, 281]); // retried 50 ticks (x attempt 1) after the answer at 231
        h.States().Select(s => s.State).ShouldBe([OrderBookSyncState.Disconnected, OrderBookSyncState.Syncing, OrderBookSyncState.Synced]);
        h.States()[^1].Time.ShouldBe(301);
        h.Sync.TryGetTopOfBook(out var top).ShouldBeTrue();
        top.UpdateId.ShouldBe(114);
        h.Sync.Statistics.StaleSnapshots.ShouldBe(1);
    }

    [Fact]
    public void Snapshot_NewerThanEveryBufferedUpdate_WaitsForStraddlingLiveUpdate()
    {
        var h = new SyncHarness(
            [OnNext(220, D(90, 95)), OnNext(300, D(96, 100)), OnNext(400, D(101, 101, bids: [L(100, 9)]))],
            [OnNext(210, Connected(210))]);
        h.AnswerAt(250, 0, Snap(100));
        h.DisposeAt(5000);
        h.RunTo(1000);

        h.States()[^1].ShouldBe((400, OrderBookSyncState.Synced, OrderBookSyncReason.None));
        h.Tops.Messages.AssertEqual(OnNext(400, Top(101, 100, 9, 101, 1)));
        h.Sync.Statistics.UpdatesIgnored.ShouldBe(2);
    }

    [Fact]
    public void Updates_DuplicateAndOld_AreIgnored()
    {
        var h = new SyncHarness(
            [
                OnNext(220, D(101, 102)),
                OnNext(221, D(101, 102)), // duplicate while buffering
                OnNext(300, D(103, 104, bids: [L(100, 7)])),
                OnNext(310, D(103, 104, bids: [L(100, 8)])), // duplicate while synced
                OnNext(320, D(90, 99, bids: [L(100, 9)])), // old
            ],
            [OnNext(210, Connected(210))]);
        h.AnswerAt(250, 0, Snap(100));
        h.DisposeAt(5000);
        h.RunTo(1000);

        h.Sync.State.ShouldBe(OrderBookSyncState.Synced);
        h.Sync.TryGetTopOfBook(out var top).ShouldBeTrue();
        top.ShouldBe(Top(104, 100, 7, 101, 1));
        h.Sync.Statistics.UpdatesIgnored.ShouldBe(3);
        h.Sync.Statistics.Resyncs.ShouldBe(0);
    }

    [Fact]
    public void Updates_OutOfOrder_GapResyncsAndLateUpdateIsIgnored()
    {
        var h = new SyncHarness(
            [
                OnNext(220, D(101, 102)),
                OnNext(300, D(105, 106)), // arrives before 103..104: a gap
                OnNext(301, D(103, 104)), // late: now older than the buffered 105..106
                OnNext(400, D(107, 108)),
            ],
            [OnNext(210, Connected(210))]) { Respond = i => i == 0 ? Snap(100) : Snap(105) };
        h.DisposeAt(5000);
        h.RunTo(1000);

        h.States().Skip(2).ShouldBe([
            (222, OrderBookSyncState.Synced, OrderBookSyncReason.None),
            (300, OrderBookSyncState.Resyncing, OrderBookSyncReason.Gap),
            (302, OrderBookSyncState.Synced, OrderBookSyncReason.None)]);
        h.Statuses.Messages[3].Value.Value.MissingFirstUpdateId.ShouldBe(103);
        h.Statuses.Messages[3].Value.Value.MissingLastUpdateId.ShouldBe(104);
        h.Requests.Select(r => r.Time).ShouldBe([221L, 301]);
        h.Sync.TryGetTopOfBook(out var top).ShouldBeTrue();
        top.UpdateId.ShouldBe(108);
        h.Sync.Statistics.Gaps.ShouldBe(1);
    }

    [Fact]
    public void Updates_GapWhileSynced_PublishesMissingIdsAndResyncsFromTheGapUpdate()
    {
        var h = new SyncHarness(
            [OnNext(220, D(101, 102)), OnNext(300, D(110, 112)), OnNext(310, D(113, 113))],
            [OnNext(210, Connected(210))]);
        h.AnswerAt(230, 0, Snap(100));
        h.AnswerAt(350, 1, Snap(112));
        h.DisposeAt(5000);
        h.RunTo(1000);

        var gap = h.Statuses.Messages.Select(m => m.Value.Value).Single(s => s.Reason == OrderBookSyncReason.Gap);
        gap.ShouldBe(new OrderBookStatus(Btc, RxTrader.Testing.MarbleTime.At(300), OrderBookSyncState.Resyncing, OrderBookSyncReason.Gap, 103, 109));
        h.Requests.Select(r => r.Time).ShouldBe([221L, 301]);
        h.Tops.Messages.Select(m => m.Time).ShouldBe([231L, 351]); // nothing between the gap and the new sync
        h.States()[^1].ShouldBe((351, OrderBookSyncState.Synced, OrderBookSyncReason.None));
        h.Sync.TryGetTopOfBook(out var top).ShouldBeTrue();
        top.UpdateId.ShouldBe(113);
    }

    [Fact]
    public void Buffer_GapBetweenBufferedUpdates_RestartsFromTheLaterOne()
    {
        var h = new SyncHarness(
            [OnNext(220, D(101, 102)), OnNext(230, D(105, 106)), OnNext(400, D(107, 107))],
            [OnNext(210, Connected(210))]);
        h.AnswerAt(300, 1, Snap(104));
        h.DisposeAt(5000);
        h.RunTo(1000);

        h.Requests[0].Token.IsCancellationRequested.ShouldBeTrue();
        h.Requests.Select(r => r.Time).ShouldBe([221L, 231]);
        h.States().Skip(2).ShouldBe([
            (230, OrderBookSyncState.Resyncing, OrderBookSyncReason.Gap),
            (301, OrderBookSyncState.Synced, OrderBookSyncReason.None)]);
    }

    [Fact]
    public void Buffer_Overflow_RestartsAndKeepsTheNewestUpdate()
    {
        var h = new SyncHarness(
            [OnNext(220, D(1, 1)), OnNext(221, D(2, 2)), OnNext(222, D(3, 3)), OnNext(223, D(4, 4))],
            [OnNext(210, Connected(210))],
            Options() with { MaxBufferedUpdates = 3 });
        h.AnswerAt(300, 1, Snap(3));
        h.DisposeAt(5000);
        h.RunTo(1000);

        h.States().Skip(2).ShouldBe([
            (223, OrderBookSyncState.Resyncing, OrderBookSyncReason.BufferOverflow),
            (301, OrderBookSyncState.Synced, OrderBookSyncReason.None)]);
        h.Requests.Select(r => r.Time).ShouldBe([221L, 224]);
        h.Sync.Statistics.BufferOverflows.ShouldBe(1);
        h.Sync.TryGetTopOfBook(out var top).ShouldBeTrue();
        top.UpdateId.ShouldBe(4);
    }

    [Fact]
    public void Update_InvalidLevel_ResyncsWithReason()
    {
        var h = new SyncHarness(
            [OnNext(220, D(101, 101)), OnNext(300, D(102, 102, bids: [L(100, -1)]))],
            [OnNext(210, Connected(210))]) { Respond = _ => Snap(100) };
        h.DisposeAt(5000);
        h.RunTo(1000);

        h.States()[^1].ShouldBe((300, OrderBookSyncState.Resyncing, OrderBookSyncReason.InvalidUpdate));
        h.Sync.TryGetTopOfBook(out _).ShouldBeFalse();
    }

    [Fact]
    public void Updates_ForAnotherSymbol_AreIgnored()
    {
        var other = D(101, 101) with { Symbol = new RxTrader.Core.Symbol("ETHUSDT") };
        var h = new SyncHarness([OnNext(220, other)], [OnNext(210, Connected(210))]);
        h.DisposeAt(5000);
        h.RunTo(1000);

        h.Requests.ShouldBeEmpty();
        h.Sync.Statistics.UpdatesIgnored.ShouldBe(1);
    }

    [Fact]
    public void ZeroQuantityForAbsentLevel_IsNormal()
    {
        var h = new SyncHarness(
            [OnNext(220, D(101, 101, bids: [L(50, 0)], asks: [L(500, 0)]))],
            [OnNext(210, Connected(210))]) { Respond = _ => Snap(100) };
        h.DisposeAt(5000);
        h.RunTo(1000);

        h.Sync.State.ShouldBe(OrderBookSyncState.Synced);
        h.Sync.TryGetDepth(10, out var depth).ShouldBeTrue();
        depth.Bids.ShouldBe(Snap(100).Bids);
        depth.Asks.ShouldBe(Snap(100).Asks);
    }

    [Fact]
    public void Depth_NotObserved_NotComputed()
    {
        var scheduler = new TestScheduler();
        var updates = scheduler.CreateHotObservable(OnNext(220, D(101, 101)));
        var connection = scheduler.CreateHotObservable(OnNext<RxTrader.Core.Connectivity.ConnectionEvent>(210, Connected(210)));
        using var sync = new OrderBookSynchronizer(Btc, updates, connection, (_, _) => Task.FromResult(Snap(100)), scheduler, Options());
        var depths = scheduler.CreateObserver<DepthSnapshot>();
        sync.Start();
        scheduler.AdvanceTo(300);
        sync.Depth.Subscribe(depths);

        depths.Messages.ShouldBeEmpty(); // no replay of past levels either
        sync.TryGetDepth(1, out var depth).ShouldBeTrue();
        depth.Bids.ShouldBe([L(100, 1)]);
    }
}

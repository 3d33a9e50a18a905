using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using RxTrader.Binance.OrderBooks;
using RxTrader.Core;
using RxTrader.Core.Connectivity;
using RxTrader.Core.MarketData;
using RxTrader.Testing;
using static RxTrader.Binance.Tests.OrderBooks.SyncHarness;

namespace RxTrader.Binance.Tests.OrderBooks;

/// <summary>The fixed matrix for the synchronizer's observable surfaces: arguments, empty, never, error, completion, dispose.</summary>
public sealed class OrderBookSynchronizerTests : ReactiveTest
{
    private static readonly Func<Symbol, CancellationToken, Task<DepthSnapshot>> NoSnapshot = (_, _) => new TaskCompletionSource<DepthSnapshot>().Task;

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        var updates = Observable.Never<DepthUpdate>();
        var connection = Observable.Never<ConnectionEvent>();
        var scheduler = new TestScheduler();

        Should.Throw<ArgumentException>(() => new OrderBookSynchronizer(default, updates, connection, NoSnapshot, scheduler));
        Should.Throw<ArgumentNullException>(() => new OrderBookSynchronizer(Btc, null!, connection, NoSnapshot, scheduler));
        Should.Throw<ArgumentNullException>(() => new OrderBookSynchronizer(Btc, updates, null!, NoSnapshot, scheduler));
        Should.Throw<ArgumentNullException>(() => new OrderBookSynchronizer(Btc, updates, connection, null!, scheduler));
        Should.Throw<ArgumentNullException>(() => new OrderBookSynchronizer(Btc, updates, connection, NoSnapshot, null!));
    }

    public static TheoryData<OrderBookSynchronizerOptions> InvalidOptions() =>
    [
        new() { MaxBufferedUpdates = 0 },
        new() { DepthLevels = 0 },
        new() { SanityCheckPeriod = TimeSpan.Zero },
        new() { CrossedChecksBeforeResync = 0 },
    ];

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_OptionOutOfRange_Throws(OrderBookSynchronizerOptions options) =>
        Should.Throw<ArgumentOutOfRangeException>(() =>
            new OrderBookSynchronizer(Btc, Observable.Never<DepthUpdate>(), Observable.Never<ConnectionEvent>(), NoSnapshot, new TestScheduler(), options));

    [Fact]
    public void Constructor_NullRetryPolicy_Throws() =>
        Should.Throw<ArgumentNullException>(() => new OrderBookSynchronizer(
            Btc, Observable.Never<DepthUpdate>(), Observable.Never<ConnectionEvent>(), NoSnapshot, new TestScheduler(),
            new OrderBookSynchronizerOptions { SnapshotRetryDelay = null! }));

    [Fact]
    public void DefaultSnapshotRetryDelay_DoublesUpTo30Seconds() =>
        Enumerable.Range(1, 8).Select(OrderBookSynchronizerOptions.DefaultSnapshotRetryDelay).Select(d => d.TotalSeconds)
            .ShouldBe([1d, 2, 4, 8, 16, 30, 30, 30]);

    [Fact]
    public void Start_Twice_Throws()
    {
        var h = new SyncHarness([], []);
        h.RunTo(200);
        Should.Throw<InvalidOperationException>(h.Sync.Start);
    }

    [Fact]
    public void Start_AfterDispose_Throws()
    {
        var h = new SyncHarness([], []);
        h.Sync.Dispose();
        Should.Throw<ObjectDisposedException>(h.Sync.Start);
    }

    [Fact]
    public void Status_Subscribe_ReplaysCurrentState()
    {
        var scheduler = new TestScheduler();
        var sync = new OrderBookSynchronizer(
            Btc, Observable.Never<DepthUpdate>(), Observable.Never<ConnectionEvent>(), NoSnapshot, scheduler, Options());

        var results = scheduler.Start(() => sync.Status.ValidateGrammar());

        results.Messages.Count.ShouldBe(1);
        results.Messages[0].Time.ShouldBe(200);
        results.Messages[0].Value.Value.ShouldBe(new OrderBookStatus(Btc, MarbleTime.At(0), OrderBookSyncState.Disconnected, OrderBookSyncReason.None));
    }

    [Fact]
    public void Inputs_Empty_StatusStreamCompletedAndOutputsComplete()
    {
        var h = new SyncHarness([OnCompleted<DepthUpdate>(250)], []);
        h.RunTo(5000);

        h.States().ShouldBe([(0, OrderBookSyncState.Disconnected, OrderBookSyncReason.None), (250, OrderBookSyncState.Disconnected, OrderBookSyncReason.StreamCompleted)]);
        h.Statuses.Messages[^1].ShouldBe(OnCompleted<OrderBookStatus>(250));
        h.Tops.Messages.AssertEqual(OnCompleted<BookTicker>(250));
        h.Depths.Messages.AssertEqual(OnCompleted<DepthSnapshot>(250));
        h.Updates.Subscriptions.AssertEqual(Subscribe(StartTime, 250));
        h.Connection.Subscriptions.AssertEqual(Subscribe(StartTime, 250));
    }

    [Fact]
    public void Inputs_Never_OnlyInitialStatus()
    {
        var h = new SyncHarness([], []);
        h.DisposeAt(900);
        h.RunTo(800);

        h.States().ShouldBe([(0, OrderBookSyncState.Disconnected, OrderBookSyncReason.None)]);
        h.Tops.Messages.ShouldBeEmpty();
        h.Depths.Messages.ShouldBeEmpty();
        h.RunTo(1000);
        h.Updates.Subscriptions.AssertEqual(Subscribe(StartTime, 900));
        h.Connection.Subscriptions.AssertEqual(Subscribe(StartTime, 900));
    }

    [Fact]
    public void Updates_Error_FailsEveryOutput()
    {
        var error = new InvalidOperationException("boom");
        var h = new SyncHarness([OnNext(240, D(5, 6)), OnError<DepthUpdate>(250, error)], [OnNext(210, Connected(210))]);
        h.RunTo(5000);

        h.Statuses.Messages[^1].ShouldBe(OnError<OrderBookStatus>(250, error));
        h.Tops.Messages.AssertEqual(OnError<BookTicker>(250, error));
        h.Depths.Messages.AssertEqual(OnError<DepthSnapshot>(250, error));
        h.Updates.Subscriptions.AssertEqual(Subscribe(StartTime, 250));
        h.Connection.Subscriptions.AssertEqual(Subscribe(StartTime, 250));
        h.Requests[0].Token.IsCancellationRequested.ShouldBeTrue();
        h.Sync.State.ShouldBe(OrderBookSyncState.Disconnected);
    }

    [Fact]
    public void ConnectionEvents_Error_FailsEveryOutput()
    {
        var error = new InvalidOperationException("boom");
        var h = new SyncHarness([], [OnError<ConnectionEvent>(250, error)]);
        h.RunTo(5000);

        h.Statuses.Messages[^1].ShouldBe(OnError<OrderBookStatus>(250, error));
        h.Tops.Messages.AssertEqual(OnError<BookTicker>(250, error));
        h.Updates.Subscriptions.AssertEqual(Subscribe(StartTime, 250));
    }

    [Fact]
    public void ConnectionEvents_Completed_IsIgnored()
    {
        var h = new SyncHarness([OnNext(300, D(10, 11))], [OnNext(210, Connected(210)), OnCompleted<ConnectionEvent>(220)]) { Respond = _ => Snap(10) };
        h.DisposeAt(2000);
        h.RunTo(1000);

        h.Sync.State.ShouldBe(OrderBookSyncState.Synced);
        h.Updates.Subscriptions.AssertEqual(Subscribe(StartTime));
    }

    [Fact]
    public void Updates_CompletedWhileSynced_DisconnectsThenCompletes()
    {
        var h = new SyncHarness(
            [OnNext(300, D(10, 11)), OnCompleted<DepthUpdate>(400)],
            [OnNext(210, Connected(210))]) { Respond = _ => Snap(10) };
        h.RunTo(5000);

        h.States().ShouldBe([
            (0, OrderBookSyncState.Disconnected, OrderBookSyncReason.None),
            (210, OrderBookSyncState.Syncing, OrderBookSyncReason.Connected),
            (302, OrderBookSyncState.Synced, OrderBookSyncReason.None),
            (400, OrderBookSyncState.Disconnected, OrderBookSyncReason.StreamCompleted)]);
        h.Tops.Messages.AssertEqual(OnNext(302, Top(11, 100, 1, 101, 1)), OnCompleted<BookTicker>(400));
        h.Sync.TryGetTopOfBook(out _).ShouldBeFalse();
    }

    [Fact]
    public void Dispose_StopsInputsTimersAndSnapshotRequest()
    {
        // The first request fails at 400; its retry would run at 450, but the synchronizer is disposed at 420.
        var h = new SyncHarness([OnNext(300, D(10, 11)), OnNext(430, D(12, 12))], [OnNext(210, Connected(210))]);
        h.FailAt(400, 0, "503");
        h.DisposeAt(420);
        h.RunTo(10_000);

        h.Requests.Count.ShouldBe(1);
        h.States()[^1].ShouldBe((420, OrderBookSyncState.Disconnected, OrderBookSyncReason.Disposed));
        h.Statuses.Messages[^1].ShouldBe(OnCompleted<OrderBookStatus>(420));
        h.Tops.Messages.AssertEqual(OnCompleted<BookTicker>(420));
        h.Updates.Subscriptions.AssertEqual(Subscribe(StartTime, 420));
        h.Connection.Subscriptions.AssertEqual(Subscribe(StartTime, 420));
        h.Sync.Statistics.UpdatesApplied.ShouldBe(0);
    }

    [Fact]
    public void Dispose_WhileRequestPending_CancelsIt()
    {
        var h = new SyncHarness([OnNext(300, D(10, 11))], [OnNext(210, Connected(210))]);
        h.DisposeAt(350);
        h.RunTo(400);

        h.Requests.Single().Token.IsCancellationRequested.ShouldBeTrue();
        h.Sync.Dispose(); // idempotent
        h.Statuses.Messages.Count(m => m.Value.Kind == System.Reactive.NotificationKind.OnCompleted).ShouldBe(1);
    }

    [Fact]
    public void Dispose_AfterSanityCheckScheduled_NoMoreChecks()
    {
        var h = new SyncHarness([OnNext(300, D(10, 11, bids: [L(102, 1)]))], [OnNext(210, Connected(210))],
            Options() with { CrossedChecksBeforeResync = 1 }) { Respond = _ => Snap(10) };
        h.DisposeAt(500);
        h.RunTo(10_000);

        // Crossed since 300, but the check at 1,100 never ran: no resync, only the disposal.
        h.States().Select(s => s.Reason).ShouldNotContain(OrderBookSyncReason.CrossedBook);
        h.Sync.Statistics.CrossedChecks.ShouldBe(0);
    }
}

using System.Collections.Immutable;
using System.Reactive;
using System.Reactive.Concurrency;
using Microsoft.Reactive.Testing;
using RxTrader.Binance.OrderBooks;
using RxTrader.Core;
using RxTrader.Core.Connectivity;
using RxTrader.Core.MarketData;
using RxTrader.Testing;

namespace RxTrader.Binance.Tests.OrderBooks;

/// <summary>
/// A synchronizer on a <see cref="TestScheduler"/> with hot inputs, recorded outputs (behind grammar validators) and a
/// snapshot function whose answers the test controls: pending tasks it completes at chosen virtual times, or values.
/// </summary>
internal sealed class SyncHarness
{
    public static readonly Symbol Btc = new("BTCUSDT");

    public SyncHarness(
        Recorded<Notification<DepthUpdate>>[] updates,
        Recorded<Notification<ConnectionEvent>>[] connection,
        OrderBookSynchronizerOptions? options = null)
    {
        Updates = Scheduler.CreateHotObservable(updates);
        Connection = Scheduler.CreateHotObservable(connection);
        Sync = new OrderBookSynchronizer(Btc, Updates, Connection, Fetch, Scheduler, options ?? Options());
        Statuses = Scheduler.CreateObserver<OrderBookStatus>();
        Tops = Scheduler.CreateObserver<BookTicker>();
        Depths = Scheduler.CreateObserver<DepthSnapshot>();
        Sync.Status.ValidateGrammar().Subscribe(Statuses);
        Sync.TopOfBook.ValidateGrammar().Subscribe(Tops);
        Sync.Depth.ValidateGrammar().Subscribe(Depths);
        Scheduler.ScheduleAbsolute(StartTime, Sync.Start);
    }

    public const long StartTime = 100;

    public TestScheduler Scheduler { get; } = new();

    public ITestableObservable<DepthUpdate> Updates { get; }

    public ITestableObservable<ConnectionEvent> Connection { get; }

    public OrderBookSynchronizer Sync { get; }

    public ITestableObserver<OrderBookStatus> Statuses { get; }

    public ITestableObserver<BookTicker> Tops { get; }

    public ITestableObserver<DepthSnapshot> Depths { get; }

    /// <summary>Every snapshot request: when it was made, its token and the task source answering it.</summary>
    public List<(long Time, CancellationToken Token, TaskCompletionSource<DepthSnapshot> Answer)> Requests { get; } = [];

    /// <summary>Answers request n (from 0) at once when it returns a snapshot; otherwise the request stays pending.</summary>
    public Func<int, DepthSnapshot?> Respond { get; set; } = _ => null;

    /// <summary>Fast test settings: sanity check every 1,000 ticks, retries after 50 ticks × attempt.</summary>
    public static OrderBookSynchronizerOptions Options() => new()
    {
        SanityCheckPeriod = TimeSpan.FromTicks(1000),
        SnapshotRetryDelay = attempt => TimeSpan.FromTicks(50 * attempt),
    };

    public static DepthUpdate D(long first, long final, ImmutableArray<BookLevel> bids = default, ImmutableArray<BookLevel> asks = default) =>
        new(Btc, DateTimeOffset.UnixEpoch, first, final, bids.IsDefault ? [] : bids, asks.IsDefault ? [] : asks);

    /// <summary>A snapshot at <paramref name="lastUpdateId"/>: bids 100 x 1, 99 x 2; asks 101 x 1, 102 x 2.</summary>
    public static DepthSnapshot Snap(long lastUpdateId) =>
        new(Btc, lastUpdateId, [L(100, 1), L(99, 2)], [L(101, 1), L(102, 2)]);

    public static BookLevel L(decimal price, decimal quantity) => new(price, quantity);

    public static ConnectionEvent Connected(long ticks) => new Connected(MarbleTime.At(ticks), "btcusdt@depth");

    public static BookTicker Top(long updateId, decimal bid, decimal bidQuantity, decimal ask, decimal askQuantity) =>
        new(Btc, updateId, bid, bidQuantity, ask, askQuantity);

    /// <summary>Completes pending request <paramref name="index"/> with a snapshot at virtual time <paramref name="ticks"/>.</summary>
    public void AnswerAt(long ticks, int index, DepthSnapshot snapshot) =>
        Scheduler.ScheduleAbsolute(ticks, () => Requests[index].Answer.TrySetResult(snapshot));

    /// <summary>Fails pending request <paramref name="index"/> at virtual time <paramref name="ticks"/>.</summary>
    public void FailAt(long ticks, int index, string message) =>
        Scheduler.ScheduleAbsolute(ticks, () => Requests[index].Answer.TrySetException(new HttpRequestException(message)));

    public void DisposeAt(long ticks) => Scheduler.ScheduleAbsolute(ticks, Sync.Dispose);

    /// <summary>Runs virtual time to <paramref name="ticks"/> (the periodic sanity check never lets the queue drain).</summary>
    public void RunTo(long ticks) => Scheduler.AdvanceTo(ticks);

    /// <summary>The statuses as (time, state, reason).</summary>
    public (long Time, OrderBookSyncState State, OrderBookSyncReason Reason)[] States() =>
        [.. Statuses.Messages.Where(m => m.Value.Kind == NotificationKind.OnNext)
            .Select(m => (m.Time, m.Value.Value.State, m.Value.Value.Reason))];

    private Task<DepthSnapshot> Fetch(Symbol symbol, CancellationToken token)
    {
        symbol.ShouldBe(Btc);
        var answer = new TaskCompletionSource<DepthSnapshot>();
        Requests.Add((Scheduler.Clock, token, answer));
        token.Register(() => answer.TrySetCanceled(token));
        if (Respond(Requests.Count - 1) is { } snapshot)
        {
            answer.SetResult(snapshot);
        }

        return answer.Task;
    }
}

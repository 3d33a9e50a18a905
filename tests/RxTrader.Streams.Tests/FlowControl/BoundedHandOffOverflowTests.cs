using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using RxTrader.Streams.FlowControl;
using RxTrader.Testing;
using static RxTrader.Streams.Tests.FlowControl.BoundedHandOffTests;

namespace RxTrader.Streams.Tests.FlowControl;

// Overflow policies, counters, drop callbacks and batching, with a TestScheduler as the consumer scheduler.
public sealed class BoundedHandOffOverflowTests : ReactiveTest
{
    private static readonly InvalidOperationException Boom = new("boom");

    [Fact]
    public void Options_InvalidValues_ThrowArgumentOutOfRange()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new BoundedHandOffOptions<int> { Capacity = 0 });
        Should.Throw<ArgumentOutOfRangeException>(() => new BoundedHandOffOptions<int> { Capacity = -1 });
        Should.Throw<ArgumentOutOfRangeException>(() => new BoundedHandOffOptions<int> { MaxBatchSize = 0 });
        Should.Throw<ArgumentOutOfRangeException>(() => new BoundedHandOffOptions<int> { OverflowPolicy = (OverflowPolicy)3 });
    }

    [Fact]
    public void DropOldest_Overfilled_DeliversNewestAndReportsEvictedItems()
    {
        var scheduler = new TestScheduler();
        var statistics = new BoundedHandOffStatistics();
        var drops = new List<HandOffDrop<int>>();
        var xs = scheduler.CreateHotObservable([.. Burst(210, 1, 5), OnNext(220, 6), OnCompleted<int>(230)]);
        var options = new BoundedHandOffOptions<int> { Capacity = 3, Statistics = statistics, OnDrop = drops.Add };

        var results = scheduler.Start(() => xs.ObserveOnBounded(scheduler, options).ValidateGrammar());

        results.Messages.AssertEqual(
            OnNext(211, 3), OnNext(211, 4), OnNext(211, 5), OnNext(221, 6), OnCompleted<int>(231));
        xs.Subscriptions.AssertEqual(Subscribe(200, 231));
        drops.ShouldBe([new(1, HandOffDropReason.OldestEvicted), new(2, HandOffDropReason.OldestEvicted)]);
        ShouldCount(statistics, received: 6, delivered: 4, HandOffDropReason.OldestEvicted, dropped: 2);
    }

    [Fact]
    public void DropNewest_Overfilled_DeliversOldestAndReportsRejectedItems()
    {
        var scheduler = new TestScheduler();
        var statistics = new BoundedHandOffStatistics();
        var drops = new List<HandOffDrop<int>>();
        var xs = scheduler.CreateHotObservable([.. Burst(210, 1, 5), OnCompleted<int>(230)]);
        var options = new BoundedHandOffOptions<int>
        {
            Capacity = 3, OverflowPolicy = OverflowPolicy.DropNewest, Statistics = statistics, OnDrop = drops.Add,
        };

        var results = scheduler.Start(() => xs.ObserveOnBounded(scheduler, options).ValidateGrammar());

        results.Messages.AssertEqual(OnNext(211, 1), OnNext(211, 2), OnNext(211, 3), OnCompleted<int>(231));
        xs.Subscriptions.AssertEqual(Subscribe(200, 231));
        drops.ShouldBe([new(4, HandOffDropReason.NewestRejected), new(5, HandOffDropReason.NewestRejected)]);
        ShouldCount(statistics, received: 5, delivered: 3, HandOffDropReason.NewestRejected, dropped: 2);
    }

    [Fact]
    public void Statistics_WhileItemsWait_ShowDepthAndHighWaterMark()
    {
        var scheduler = new TestScheduler();
        var statistics = new BoundedHandOffStatistics();
        var xs = scheduler.CreateHotObservable(Burst(210, 1, 5));
        long depth = -1, highWaterMark = -1, delivered = -1;
        // Created before Start, so it runs after the pushes at 210 and before the drain at 211.
        scheduler.ScheduleAbsolute(210, () => (depth, highWaterMark, delivered) =
            (statistics.Depth, statistics.HighWaterMark, statistics.Delivered));

        scheduler.Start(() => xs.ObserveOnBounded(
            scheduler, new BoundedHandOffOptions<int> { Capacity = 3, Statistics = statistics }).ValidateGrammar());

        (depth, highWaterMark, delivered).ShouldBe((3L, 3L, 0L));
        (statistics.Depth, statistics.HighWaterMark, statistics.Delivered).ShouldBe((0L, 3L, 3L));
    }

    [Fact]
    public void Statistics_UndefinedReason_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new BoundedHandOffStatistics().GetDropped((HandOffDropReason)4));

    [Fact]
    public void Batches_TwoBusyHandOffsOnOneScheduler_TakeTurns()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(Burst(210, 1, 3));
        var ys = scheduler.CreateHotObservable(Burst(210, 1, 3));
        var results = scheduler.CreateObserver<string>();
        var options = new BoundedHandOffOptions<int> { MaxBatchSize = 2 };
        scheduler.ScheduleAbsolute(200, () =>
        {
            xs.ObserveOnBounded(scheduler, options).ValidateGrammar().Select(x => $"x{x}").Subscribe(results);
            ys.ObserveOnBounded(scheduler, options).ValidateGrammar().Select(y => $"y{y}").Subscribe(results);
        });

        scheduler.Start();

        results.Messages.AssertEqual(
            OnNext(211, "x1"), OnNext(211, "x2"), OnNext(211, "y1"), OnNext(211, "y2"), OnNext(212, "x3"), OnNext(212, "y3"));
    }

    [Fact]
    public void OnDrop_Throws_EndsWithThatErrorAfterQueuedItemsAndUnsubscribes()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable([.. Burst(210, 1, 3), OnNext(210, 4), OnNext(220, 5)]);
        var options = new BoundedHandOffOptions<int> { Capacity = 2, OnDrop = _ => throw Boom };

        var results = scheduler.Start(() => xs.ObserveOnBounded(scheduler, options).ValidateGrammar());

        results.Messages.AssertEqual(OnNext(211, 2), OnNext(211, 3), OnError<int>(211, Boom));
        xs.Subscriptions.AssertEqual(Subscribe(200, 210));
    }

    [Fact]
    public void Statistics_SharedByTwoSubscriptions_AddUpAndKeepTheHighestSingleDepth()
    {
        var scheduler = new TestScheduler();
        var statistics = new BoundedHandOffStatistics();
        var xs = scheduler.CreateHotObservable(Burst(210, 1, 5));
        var ys = scheduler.CreateHotObservable(Burst(210, 1, 2));
        var options = new BoundedHandOffOptions<int> { Capacity = 3, Statistics = statistics };
        scheduler.ScheduleAbsolute(200, () =>
        {
            xs.ObserveOnBounded(scheduler, options).ValidateGrammar().Subscribe(_ => { });
            ys.ObserveOnBounded(scheduler, options).ValidateGrammar().Subscribe(_ => { });
        });

        scheduler.Start();

        (statistics.Received, statistics.Delivered, statistics.Dropped).ShouldBe((7L, 5L, 2L));
        statistics.HighWaterMark.ShouldBe(3);
    }

    [Fact]
    public void Downstream_Throws_ExceptionReachesTheScheduler()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(210, 1));
        xs.ObserveOnBounded(scheduler).ValidateGrammar().Subscribe(_ => throw Boom);

        Should.Throw<InvalidOperationException>(scheduler.Start).ShouldBeSameAs(Boom);
    }

    private static void ShouldCount(
        BoundedHandOffStatistics statistics, long received, long delivered, HandOffDropReason reason, long dropped)
    {
        (statistics.Received, statistics.Delivered, statistics.Dropped).ShouldBe((received, delivered, dropped));
        statistics.GetDropped(reason).ShouldBe(dropped);
        statistics.Depth.ShouldBe(0);
    }
}

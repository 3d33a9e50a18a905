using System.Reactive;
using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using RxTrader.Streams.FlowControl;
using RxTrader.Testing;

namespace RxTrader.Streams.Tests.FlowControl;

// The hot source pushes synchronously; the drain is a work item of the same TestScheduler, which runs it one tick
// later (TestScheduler moves work due "now" to the next tick). So every item pushed at one tick is queued before any
// is delivered, which is how these tests overfill the queue, and deliveries show up one tick after their push.
public sealed class BoundedHandOffTests : ReactiveTest
{
    private static readonly InvalidOperationException Boom = new("boom");

    [Fact]
    public void ObserveOnBounded_NullArguments_ThrowAtCallTime()
    {
        var scheduler = new TestScheduler();
        var xs = Observable.Never<int>();

        Should.Throw<ArgumentNullException>(() => ((IObservable<int>)null!).ObserveOnBounded(scheduler));
        Should.Throw<ArgumentNullException>(() => xs.ObserveOnBounded(null!));
        Should.Throw<ArgumentNullException>(() => ((IObservable<int>)null!).ObserveOnBounded(scheduler, x => x));
        Should.Throw<ArgumentNullException>(() => xs.ObserveOnBounded(null!, x => x));
        Should.Throw<ArgumentNullException>(() => xs.ObserveOnBounded(scheduler, (Func<int, int>)null!));
    }

    [Fact]
    public void ObserveOnBounded_PolicyDoesNotMatchOverload_ThrowsAtCallTime()
    {
        var scheduler = new TestScheduler();
        var xs = Observable.Never<int>();

        Should.Throw<ArgumentException>(() =>
            xs.ObserveOnBounded(scheduler, new BoundedHandOffOptions<int> { OverflowPolicy = OverflowPolicy.ConflatePerKey }));
        Should.Throw<ArgumentException>(() =>
            xs.ObserveOnBounded(scheduler, x => x, new BoundedHandOffOptions<int> { OverflowPolicy = OverflowPolicy.DropOldest }));
    }

    [Fact]
    public void ObserveOnBounded_Empty_CompletesOnScheduler()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(150, 1), OnCompleted<int>(250));

        var results = scheduler.Start(() => xs.ObserveOnBounded(scheduler).ValidateGrammar());

        results.Messages.AssertEqual(OnCompleted<int>(251));
        xs.Subscriptions.AssertEqual(Subscribe(200, 251));
    }

    [Fact]
    public void ObserveOnBounded_Never_DeliversNothing()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(150, 1));

        var results = scheduler.Start(() => xs.ObserveOnBounded(scheduler).ValidateGrammar());

        results.Messages.AssertEqual();
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void ObserveOnBounded_ItemsThenCompletion_DeliveredInOrder()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(210, 1), OnNext(220, 2), OnNext(230, 3), OnCompleted<int>(250));

        var results = scheduler.Start(() => xs.ObserveOnBounded(scheduler).ValidateGrammar());

        results.Messages.AssertEqual(OnNext(211, 1), OnNext(221, 2), OnNext(231, 3), OnCompleted<int>(251));
        xs.Subscriptions.AssertEqual(Subscribe(200, 251));
    }

    [Fact]
    public void ObserveOnBounded_CompletionBehindQueuedItems_DeliversQueuedItemsFirst()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(210, 1), OnNext(210, 2), OnCompleted<int>(210));

        var results = scheduler.Start(() => xs.ObserveOnBounded(scheduler).ValidateGrammar());

        results.Messages.AssertEqual(OnNext(211, 1), OnNext(211, 2), OnCompleted<int>(211));
        xs.Subscriptions.AssertEqual(Subscribe(200, 211));
    }

    [Fact]
    public void ObserveOnBounded_ErrorBehindOverfilledQueue_DeliversSurvivorsThenError()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable([.. Burst(210, 1, 5), OnError<int>(210, Boom), OnNext(220, 6)]);

        var results = scheduler.Start(() =>
            xs.ObserveOnBounded(scheduler, new BoundedHandOffOptions<int> { Capacity = 3 }).ValidateGrammar());

        results.Messages.AssertEqual(OnNext(211, 3), OnNext(211, 4), OnNext(211, 5), OnError<int>(211, Boom));
        xs.Subscriptions.AssertEqual(Subscribe(200, 211));
    }

    [Fact]
    public void ObserveOnBounded_DisposedWithItemQueued_DeliversNothingMoreAndCountsItDiscarded()
    {
        var scheduler = new TestScheduler();
        var statistics = new BoundedHandOffStatistics();
        // The item at 1000 is pushed just before Start's disposal at 1000; its drain would run at 1001.
        var xs = scheduler.CreateHotObservable(OnNext(210, 1), OnNext(1000, 2));

        var drops = new List<HandOffDrop<int>>();
        var options = new BoundedHandOffOptions<int> { Statistics = statistics, OnDrop = drops.Add };

        var results = scheduler.Start(() => xs.ObserveOnBounded(scheduler, options).ValidateGrammar());

        results.Messages.AssertEqual(OnNext(211, 1));
        drops.ShouldBeEmpty();
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
        statistics.GetDropped(HandOffDropReason.Discarded).ShouldBe(1);
        statistics.Depth.ShouldBe(0);
        scheduler.Start();
        results.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public void ObserveOnBounded_ProducerCallsAfterDispose_AreIgnored()
    {
        var scheduler = new TestScheduler();
        var statistics = new BoundedHandOffStatistics();
        IObserver<int>? producer = null;
        var source = Observable.Create<int>(observer =>
        {
            producer = observer;
            return () => { };
        });
        var results = scheduler.CreateObserver<int>();
        var subscription = source
            .ObserveOnBounded(scheduler, new BoundedHandOffOptions<int> { Statistics = statistics })
            .ValidateGrammar()
            .Subscribe(results);

        subscription.Dispose();
        producer!.OnNext(1);
        producer.OnCompleted();
        scheduler.Start();

        results.Messages.AssertEqual();
        statistics.Received.ShouldBe(0);
    }

    [Fact]
    public void ObserveOnBounded_DefaultOptions_HoldThousandItemsAndDropOldest()
    {
        var scheduler = new TestScheduler();
        var statistics = new BoundedHandOffStatistics();
        var xs = scheduler.CreateHotObservable(Burst(210, 1, 1001));

        var results = scheduler.Start(() =>
            xs.ObserveOnBounded(scheduler, new BoundedHandOffOptions<int> { Statistics = statistics }).ValidateGrammar());

        results.Messages.Select(m => m.Value.Value).ShouldBe(Enumerable.Range(2, 1000));
        statistics.GetDropped(HandOffDropReason.OldestEvicted).ShouldBe(1);
        statistics.HighWaterMark.ShouldBe(BoundedHandOff.DefaultCapacity);
    }

    internal static Recorded<Notification<int>>[] Burst(long ticks, int first, int count) =>
        [.. Enumerable.Range(first, count).Select(value => OnNext(ticks, value))];
}

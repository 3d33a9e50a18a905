using Microsoft.Reactive.Testing;
using RxTrader.Streams.FlowControl;
using RxTrader.Testing;

namespace RxTrader.Streams.Tests.FlowControl;

// ConflatePerKey with a TestScheduler as the consumer scheduler: items pushed at one tick all queue before the drain.
public sealed class BoundedHandOffConflationTests : ReactiveTest
{
    private static readonly InvalidOperationException Boom = new("boom");

    [Fact]
    public void ConflatePerKey_NewerItemForQueuedKey_ReplacesItInPlace()
    {
        var scheduler = new TestScheduler();
        var statistics = new BoundedHandOffStatistics();
        var drops = new List<HandOffDrop<Tick>>();
        var xs = scheduler.CreateHotObservable(
            OnNext(210, T("A", 1)), OnNext(210, T("B", 1)), OnNext(210, T("A", 2)), OnNext(210, T("C", 1)),
            OnNext(210, T("B", 2)), OnNext(210, T("A", 3)), OnCompleted<Tick>(230));

        var results = scheduler.Start(() => xs.ObserveOnBounded(
            scheduler, t => t.Key, Options(3, statistics, drops)).ValidateGrammar());

        results.Messages.AssertEqual(
            OnNext(211, T("A", 3)), OnNext(211, T("B", 2)), OnNext(211, T("C", 1)), OnCompleted<Tick>(231));
        xs.Subscriptions.AssertEqual(Subscribe(200, 231));
        drops.ShouldBe([Conflated(T("A", 1)), Conflated(T("B", 1)), Conflated(T("A", 2))]);
        (statistics.Received, statistics.Delivered, statistics.Dropped, statistics.HighWaterMark).ShouldBe((6L, 3L, 3L, 3L));
        statistics.GetDropped(HandOffDropReason.Conflated).ShouldBe(3);
    }

    [Fact]
    public void ConflatePerKey_QueueFullOfOtherKeys_EvictsOldestAndForgetsItsKey()
    {
        var scheduler = new TestScheduler();
        var statistics = new BoundedHandOffStatistics();
        var drops = new List<HandOffDrop<Tick>>();
        // C evicts A; the next A is then a new key again and evicts B (it must not overwrite C, now in A's old slot).
        var xs = scheduler.CreateHotObservable(
            OnNext(210, T("A", 1)), OnNext(210, T("B", 1)), OnNext(210, T("C", 1)), OnNext(210, T("A", 2)));

        var results = scheduler.Start(() => xs.ObserveOnBounded(
            scheduler, t => t.Key, Options(2, statistics, drops)).ValidateGrammar());

        results.Messages.AssertEqual(OnNext(211, T("C", 1)), OnNext(211, T("A", 2)));
        drops.ShouldBe([new(T("A", 1), HandOffDropReason.OldestEvicted), new(T("B", 1), HandOffDropReason.OldestEvicted)]);
        statistics.GetDropped(HandOffDropReason.OldestEvicted).ShouldBe(2);
    }

    [Fact]
    public void ConflatePerKey_ItemAfterItsKeyWasDelivered_QueuesAtTheTail()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(
            OnNext(210, T("A", 1)), OnNext(220, T("B", 1)), OnNext(220, T("A", 2)), OnNext(220, T("B", 2)));

        var results = scheduler.Start(() => xs.ObserveOnBounded(scheduler, t => t.Key).ValidateGrammar());

        results.Messages.AssertEqual(OnNext(211, T("A", 1)), OnNext(221, T("B", 2)), OnNext(221, T("A", 2)));
    }

    [Fact]
    public void ConflatePerKey_ManyDistinctKeys_StaysWithinCapacity()
    {
        var scheduler = new TestScheduler();
        var statistics = new BoundedHandOffStatistics();
        var xs = scheduler.CreateHotObservable([.. Enumerable.Range(0, 10_000).Select(i => OnNext(210, T($"K{i}", i)))]);

        var results = scheduler.Start(() => xs.ObserveOnBounded(
            scheduler, t => t.Key, Options(3, statistics, [])).ValidateGrammar());

        results.Messages.AssertEqual(OnNext(211, T("K9997", 9997)), OnNext(211, T("K9998", 9998)), OnNext(211, T("K9999", 9999)));
        (statistics.HighWaterMark, statistics.Dropped).ShouldBe((3L, 9997L));
    }

    [Fact]
    public void ConflatePerKey_KeySelectorThrows_EndsWithThatErrorAfterQueuedItems()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(210, T("A", 1)), OnNext(210, T("!", 1)), OnNext(220, T("B", 1)));

        var results = scheduler.Start(() => xs.ObserveOnBounded(
            scheduler, t => t.Key == "!" ? throw Boom : t.Key).ValidateGrammar());

        results.Messages.AssertEqual(OnNext(211, T("A", 1)), OnError<Tick>(211, Boom));
        xs.Subscriptions.AssertEqual(Subscribe(200, 210));
    }

    private static BoundedHandOffOptions<Tick> Options(
        int capacity, BoundedHandOffStatistics statistics, List<HandOffDrop<Tick>> drops) => new()
        {
            Capacity = capacity,
            OverflowPolicy = OverflowPolicy.ConflatePerKey,
            Statistics = statistics,
            OnDrop = drops.Add,
        };

    private static HandOffDrop<Tick> Conflated(Tick tick) => new(tick, HandOffDropReason.Conflated);

    private static Tick T(string key, int sequence) => new(key, sequence);

    internal readonly record struct Tick(string Key, int Sequence);
}

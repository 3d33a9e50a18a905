using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using RxTrader.Streams.FlowControl;
using RxTrader.Testing;

namespace RxTrader.Streams.Tests.FlowControl;

// Real threads: the producer pushes from a dedicated thread, the consumer runs on an EventLoopScheduler. Nothing is
// timed; the only wait is a generous guard against a hang.
public sealed class BoundedHandOffThreadingTests
{
    private const int Produced = 100_000;
    private const int Capacity = 64;
    private const int Keys = 16;
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    // The consumer holds its first item until the producer has pushed everything, so the queue overflows for sure.
    [Theory]
    [InlineData(OverflowPolicy.DropOldest, true)]
    [InlineData(OverflowPolicy.DropNewest, true)]
    [InlineData(OverflowPolicy.ConflatePerKey, true)]
    [InlineData(OverflowPolicy.DropOldest, false)]
    [InlineData(OverflowPolicy.DropNewest, false)]
    [InlineData(OverflowPolicy.ConflatePerKey, false)]
    public void ProducerThreadToEventLoop_DeliversInOrderAndAccountsForEveryItem(OverflowPolicy policy, bool stallConsumer)
    {
        var statistics = new BoundedHandOffStatistics();
        var violations = new List<string>();
        var delivered = new List<int>();
        using var producerDone = new ManualResetEventSlim();
        using var completed = new ManualResetEventSlim();
        using var consumer = new EventLoopScheduler();
        var options = new BoundedHandOffOptions<int> { Capacity = Capacity, OverflowPolicy = policy, Statistics = statistics };
        var handOff = policy == OverflowPolicy.ConflatePerKey
            ? Produce(producerDone).ObserveOnBounded(consumer, i => i % Keys, options)
            : Produce(producerDone).ObserveOnBounded(consumer, options);

        using var subscription = handOff.ValidateGrammar(violations).Subscribe(
            i =>
            {
                if (stallConsumer)
                {
                    producerDone.Wait(HangGuard);
                }

                delivered.Add(i);
            },
            completed.Set);

        completed.Wait(HangGuard).ShouldBeTrue();
        violations.ShouldBeEmpty();
        (statistics.Received, statistics.Delivered).ShouldBe((Produced, delivered.Count));
        (delivered.Count + statistics.Dropped).ShouldBe(Produced);
        statistics.Depth.ShouldBe(0);
        statistics.HighWaterMark.ShouldBeLessThanOrEqualTo(Capacity);
        // Within a key (every item, unless conflating) delivery keeps the producer's order.
        var keyOf = policy == OverflowPolicy.ConflatePerKey ? (Func<int, int>)(i => i % Keys) : _ => 0;
        foreach (var group in delivered.GroupBy(keyOf))
        {
            group.ShouldBeInOrder(SortDirection.Ascending);
            group.Distinct().Count().ShouldBe(group.Count());
        }

        if (stallConsumer)
        {
            // At most one item in the consumer's hands and a full queue survive the stall.
            delivered.Count.ShouldBeLessThanOrEqualTo(Capacity + 1);
        }
    }

    // The source breaks Rx grammar on purpose: two threads call OnNext at once. The gate serialises them.
    [Fact]
    public void TwoConcurrentProducers_AreSerialisedAndKeepEachProducersOrder()
    {
        var statistics = new BoundedHandOffStatistics();
        var violations = new List<string>();
        var delivered = new List<int>();
        using var completed = new ManualResetEventSlim();
        using var consumer = new EventLoopScheduler();
        var source = Observable.Create<int>(observer =>
        {
            using var start = new Barrier(2);
            var remaining = 2;
            var producers = Enumerable.Range(0, 2).Select(p => new Thread(() =>
            {
                start.SignalAndWait();
                for (var i = 0; i < Produced; i++)
                {
                    observer.OnNext((p * Produced) + i);
                }

                if (Interlocked.Decrement(ref remaining) == 0)
                {
                    observer.OnCompleted();
                }
            }) { IsBackground = true }).ToList();
            producers.ForEach(t => t.Start());
            producers.ForEach(t => t.Join());
            return () => { };
        });

        using var subscription = source
            .ObserveOnBounded(consumer, new BoundedHandOffOptions<int> { Capacity = Capacity, Statistics = statistics })
            .ValidateGrammar(violations)
            .Subscribe(delivered.Add, completed.Set);

        completed.Wait(HangGuard).ShouldBeTrue();
        violations.ShouldBeEmpty();
        statistics.Received.ShouldBe(2 * Produced);
        (delivered.Count + statistics.Dropped).ShouldBe(2 * Produced);
        statistics.HighWaterMark.ShouldBeLessThanOrEqualTo(Capacity);
        foreach (var fromOneProducer in delivered.GroupBy(i => i / Produced))
        {
            fromOneProducer.ShouldBeInOrder(SortDirection.Ascending);
        }
    }

    // The drop callback waits for a drain that runs on another thread: it only completes if the callback does not
    // hold the hand-off's gate.
    [Fact]
    public void OnDrop_RunsOutsideTheGate_SoTheConsumerCanDrainMeanwhile()
    {
        var scheduler = new TestScheduler();
        var results = scheduler.CreateObserver<int>();
        var drainedDuringCallback = false;
        IObserver<int>? producer = null;
        var options = new BoundedHandOffOptions<int>
        {
            Capacity = 1,
            OnDrop = _ => drainedDuringCallback = Task.Run(scheduler.Start).Wait(TimeSpan.FromSeconds(10)),
        };
        using var subscription = Observable.Create<int>(observer =>
        {
            producer = observer;
            return () => { };
        }).ObserveOnBounded(scheduler, options).ValidateGrammar().Subscribe(results);

        producer!.OnNext(1);
        producer.OnNext(2); // Evicts 1 and calls OnDrop.

        drainedDuringCallback.ShouldBeTrue();
        results.Messages.Select(m => m.Value.Value).ShouldBe([2]);
    }

    private static IObservable<int> Produce(ManualResetEventSlim producerDone) =>
        Observable.Create<int>(observer =>
        {
            var producer = new Thread(() =>
            {
                for (var i = 0; i < Produced; i++)
                {
                    observer.OnNext(i);
                }

                producerDone.Set();
                observer.OnCompleted();
            }) { IsBackground = true, Name = "hand-off test producer" };
            producer.Start();
            return () => { };
        });
}

using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using BenchmarkDotNet.Attributes;
using RxTrader.Streams.FlowControl;

namespace RxTrader.Benchmarks;

/// <summary>
/// Cost per element of the bounded hand-off: producer (this thread) to a consumer on an EventLoopScheduler, paced so
/// nothing drops and flooding so most items drop, next to Rx's unbounded ObserveOn; and the producer-only cost of
/// each overflow policy while the queue stays full. Subscriptions live across invocations (steady state).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BoundedHandOffBenchmarks
{
    private const int Items = 1_000_000;
    private const int Capacity = BoundedHandOff.DefaultCapacity;
    private const int Keys = 100;

    private readonly List<IDisposable> _subscriptions = [];
    private IScheduler _consumer = null!; // An EventLoopScheduler, disposed with the subscriptions.
    private Handle _paced = null!, _flooding = null!, _rxObserveOn = null!;
    private IObserver<int> _dropOldest = null!, _dropNewest = null!, _conflate = null!;

    [GlobalSetup]
    public void Setup()
    {
        var consumer = new EventLoopScheduler();
        _consumer = consumer;
        _paced = Connect((source, stats) => source.ObserveOnBounded(_consumer, Options(OverflowPolicy.DropOldest, stats)));
        _flooding = Connect((source, stats) => source.ObserveOnBounded(_consumer, Options(OverflowPolicy.DropOldest, stats)));
        _rxObserveOn = Connect((source, _) => source.ObserveOn(_consumer));
        _dropOldest = Full((source, stats) =>
            source.ObserveOnBounded(NeverRuns.Instance, Options(OverflowPolicy.DropOldest, stats)));
        _dropNewest = Full((source, stats) =>
            source.ObserveOnBounded(NeverRuns.Instance, Options(OverflowPolicy.DropNewest, stats)));
        _conflate = Full((source, stats) =>
            source.ObserveOnBounded(NeverRuns.Instance, i => i % Keys, Options(OverflowPolicy.ConflatePerKey, stats)));
        _subscriptions.Add(consumer);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _subscriptions.ForEach(s => s.Dispose());
    }

    /// <summary>Producer to consumer thread with nothing dropped: the producer waits while the queue is nearly full.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public long HandOff_ToEventLoop_Paced()
    {
        for (var i = 0; i < Items; i++)
        {
            if ((i & 255) == 0)
            {
                var spin = default(SpinWait);
                while (_paced.Statistics.Depth > Capacity - 256)
                {
                    spin.SpinOnce();
                }
            }

            _paced.Producer.OnNext(i);
        }

        return _paced.AwaitDrained();
    }

    /// <summary>Producer floods a consumer thread: most items are evicted (DropOldest).</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public long HandOff_ToEventLoop_Flooding() => Push(_flooding);

    /// <summary>Reference: Rx's ObserveOn (unbounded queue, nothing dropped) to the same consumer thread.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public long Rx_ObserveOn_ToEventLoop() => Push(_rxObserveOn);

    /// <summary>Producer only, queue full: every item evicts the oldest.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public void Enqueue_Full_DropOldest() => Push(_dropOldest);

    /// <summary>Producer only, queue full: every item is rejected.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public void Enqueue_Full_DropNewest() => Push(_dropNewest);

    /// <summary>Producer only, 100 keys queued: every item replaces its key's queued item.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public void Enqueue_Conflate_100Keys() => Push(_conflate);

    private static BoundedHandOffOptions<int> Options(OverflowPolicy policy, BoundedHandOffStatistics statistics) =>
        new() { Capacity = Capacity, OverflowPolicy = policy, Statistics = statistics };

    private static long Push(Handle handle)
    {
        Push(handle.Producer);
        return handle.AwaitDrained();
    }

    private static void Push(IObserver<int> producer)
    {
        for (var i = 0; i < Items; i++)
        {
            producer.OnNext(i);
        }
    }

    private Handle Connect(Func<IObservable<int>, BoundedHandOffStatistics, IObservable<int>> handOff)
    {
        var handle = new Handle();
        _subscriptions.Add(handOff(Capture(handle), handle.Statistics).Subscribe(handle.OnDelivered));
        return handle;
    }

    private IObserver<int> Full(Func<IObservable<int>, BoundedHandOffStatistics, IObservable<int>> handOff)
    {
        var handle = new Handle();
        _subscriptions.Add(handOff(Capture(handle), handle.Statistics).Subscribe(_ => { }));
        Push(handle.Producer); // Fill the queue: the scheduler never drains it.
        return handle.Producer;
    }

    private static IObservable<int> Capture(Handle handle) => Observable.Create<int>(observer =>
    {
        handle.Producer = observer;
        return Disposable.Empty;
    });

    /// <summary>The producer end of one subscription and what its consumer has seen.</summary>
    private sealed class Handle
    {
        private long _delivered;
        private long _pushed;

        public IObserver<int> Producer { get; set; } = null!;

        public BoundedHandOffStatistics Statistics { get; } = new();

        public void OnDelivered(int item) => Volatile.Write(ref _delivered, _delivered + 1);

        // Waits until the consumer has handled every item of this invocation, delivered or dropped.
        public long AwaitDrained()
        {
            _pushed += Items;
            var spin = default(SpinWait);
            while (Volatile.Read(ref _delivered) + Statistics.Dropped < _pushed)
            {
                spin.SpinOnce();
            }

            return _delivered;
        }
    }

    /// <summary>A scheduler that never runs anything, so the queue stays full.</summary>
    private sealed class NeverRuns : IScheduler
    {
        public static readonly NeverRuns Instance = new();

        public DateTimeOffset Now => default;

        public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action) => Disposable.Empty;

        public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action) =>
            Disposable.Empty;

        public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) =>
            Disposable.Empty;
    }
}

using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using BenchmarkDotNet.Attributes;
using RxTrader.Binance.OrderBooks;
using RxTrader.Core;
using RxTrader.Core.Connectivity;
using RxTrader.Core.MarketData;

namespace RxTrader.Benchmarks.OrderBooks;

/// <summary>A synced synchronizer applying continuous 20-level diffs near the top, with a top-of-book observer.</summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime; GlobalCleanup disposes.")]
public class OrderBookSynchronizerBenchmarks
{
    private readonly Subject<DepthUpdate> _updates = new();
    private readonly Subject<ConnectionEvent> _connection = new();
    private readonly Symbol _symbol = new("BTCUSDT");
    private OrderBookSynchronizer _sync = null!;
    private IDisposable _observer = null!;
    private DepthUpdate _forward;
    private DepthUpdate _back;
    private long _nextId;
    private decimal _lastBid;

    [GlobalSetup]
    public void Setup()
    {
        var scheduler = new HistoricalScheduler();
        var snapshot = new DepthSnapshot(_symbol, 100, [.. BookDiffs.Bids()], [.. BookDiffs.Asks()]);
        _sync = new OrderBookSynchronizer(_symbol, _updates, _connection, (_, _) => Task.FromResult(snapshot), scheduler);
        _observer = _sync.TopOfBook.Subscribe(t => _lastBid = t.BidPrice);
        _sync.Start();
        _connection.OnNext(new Connected(scheduler.Now, "btcusdt@depth"));
        _updates.OnNext(new DepthUpdate(_symbol, scheduler.Now, 101, 101, [], []));
        scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1));
        if (_sync.State != OrderBookSyncState.Synced)
        {
            throw new InvalidOperationException("The synchronizer did not sync.");
        }

        int[] near = [0, 1, 2, 4, 7, 3, 9, 12, 5, 15];
        var (bidsForward, bidsBack) = BookDiffs.Pair(near, -1);
        var (asksForward, asksBack) = BookDiffs.Pair(near, +1);
        _forward = new DepthUpdate(_symbol, scheduler.Now, 0, 0, ImmutableArray.Create(bidsForward), ImmutableArray.Create(asksForward));
        _back = new DepthUpdate(_symbol, scheduler.Now, 0, 0, ImmutableArray.Create(bidsBack), ImmutableArray.Create(asksBack));
        _nextId = 102;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// {_sync.State} {_sync.Statistics}");
        _observer.Dispose();
        _sync.Dispose();
    }

    /// <summary>One diff through the gate, the continuity check, the book and the top-of-book stream.</summary>
    [Benchmark(OperationsPerInvoke = 2)]
    public decimal ApplyDiff20()
    {
        _updates.OnNext(_forward with { FirstUpdateId = _nextId, FinalUpdateId = _nextId });
        _updates.OnNext(_back with { FirstUpdateId = _nextId + 1, FinalUpdateId = _nextId + 1 });
        _nextId += 2;
        return _lastBid;
    }
}

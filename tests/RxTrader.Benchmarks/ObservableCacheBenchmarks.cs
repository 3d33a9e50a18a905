using BenchmarkDotNet.Attributes;
using RxTrader.Trading.Caches;

namespace RxTrader.Benchmarks;

/// <summary>
/// Cost of one <c>AddOrUpdate</c> on an <see cref="ObservableCache{TKey, TValue}"/> holding 64 keys (every write an
/// update, the steady state of an order cache), with no subscriber and with one subscriber doing nothing.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ObservableCacheBenchmarks : IDisposable
{
    private const int Keys = 64;
    private const int Writes = 1_000;

    private readonly ObservableCache<int, CachedOrder> _unobserved = new(static o => o.Id);
    private readonly ObservableCache<int, CachedOrder> _observed = new(static o => o.Id);
    private readonly CachedOrder[] _orders = [.. Enumerable.Range(0, Keys).Select(static i => new CachedOrder(i, i))];
    private IDisposable? _subscription;

    /// <summary>Fills both caches and subscribes to one.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _unobserved.AddOrUpdate(_orders);
        _observed.AddOrUpdate(_orders);
        _subscription = _observed.Connect().Subscribe(static _ => { });
    }

    /// <summary>Releases the subscription and the caches.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _subscription?.Dispose();
        _unobserved.Dispose();
        _observed.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>No subscriber: no change set is built.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Writes)]
    public void AddOrUpdate_NoSubscriber()
    {
        for (var i = 0; i < Writes; i++)
        {
            _unobserved.AddOrUpdate(_orders[i % Keys]);
        }
    }

    /// <summary>One subscriber: one change set built, queued and delivered per write.</summary>
    [Benchmark(OperationsPerInvoke = Writes)]
    public void AddOrUpdate_OneSubscriber()
    {
        for (var i = 0; i < Writes; i++)
        {
            _observed.AddOrUpdate(_orders[i % Keys]);
        }
    }

    /// <summary>A cached value.</summary>
    /// <param name="Id">The key.</param>
    /// <param name="Quantity">A payload.</param>
    public sealed record CachedOrder(int Id, int Quantity);
}

using System.Reactive.Concurrency;
using BenchmarkDotNet.Attributes;
using RxTrader.Streams.FlowControl;

namespace RxTrader.Benchmarks;

/// <summary>
/// Per-element cost of <c>DetectStale</c> on a busy stream: an element only records its arrival time, the timer
/// is not touched. The scheduler is never advanced.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class StaleDetectionBenchmarks
{
    private const int Elements = 1_000;
    private const int Keys = 16;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(4);

    private IObserver<int> _single = null!;
    private IObserver<int> _byKey = null!;

    /// <summary>Subscribes the pipelines and makes every key known.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var scheduler = new HistoricalScheduler();
        _single = FlowControlFeed.Feed(source => source.DetectStale(Timeout, scheduler, "s"));
        _byKey = FlowControlFeed.Feed(source => source.DetectStale(static i => i % Keys, Timeout, scheduler, static k => $"k{k}"));
        for (var i = 0; i < Keys; i++)
        {
            _byKey.OnNext(i);
        }
    }

    /// <summary>One stream.</summary>
    [Benchmark(OperationsPerInvoke = Elements)]
    public void DetectStale() => FlowControlFeed.Push(_single, Elements);

    /// <summary>Sixteen keys in one stream.</summary>
    [Benchmark(OperationsPerInvoke = Elements)]
    public void DetectStaleByKey() => FlowControlFeed.Push(_byKey, Elements);
}

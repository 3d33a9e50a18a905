using System.Reactive.Concurrency;
using BenchmarkDotNet.Attributes;
using RxTrader.Streams.FlowControl;

namespace RxTrader.Benchmarks;

/// <summary>
/// Per-element cost of <c>Conflate</c> in its suppressing state (inside a period, overwriting the pending slot),
/// the state a fast stream spends nearly all its time in. The scheduler is never advanced, so the period opened
/// by the first element never ends. The baseline is the same source without an operator.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ConflateBenchmarks
{
    private const int Elements = 1_000;
    private const int Keys = 16;
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(125);

    private IObserver<int> _plain = null!;
    private IObserver<int> _conflate = null!;
    private IObserver<int> _conflateByKey = null!;

    /// <summary>Subscribes the pipelines and opens their periods (every key's, for the keyed form).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var scheduler = new HistoricalScheduler();
        _plain = FlowControlFeed.Feed(static source => source);
        _conflate = FlowControlFeed.Feed(source => source.Conflate(Period, scheduler));
        _conflateByKey = FlowControlFeed.Feed(source => source.Conflate(static i => i % Keys, Period, scheduler));
        for (var i = 0; i < Keys; i++)
        {
            _plain.OnNext(i);
            _conflate.OnNext(i);
            _conflateByKey.OnNext(i);
        }
    }

    /// <summary>The source alone: the cost of the harness.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Elements)]
    public void NoOperator() => FlowControlFeed.Push(_plain, Elements);

    /// <summary>One stream, suppressing.</summary>
    [Benchmark(OperationsPerInvoke = Elements)]
    public void Conflate() => FlowControlFeed.Push(_conflate, Elements);

    /// <summary>Sixteen keys in one stream, all suppressing.</summary>
    [Benchmark(OperationsPerInvoke = Elements)]
    public void ConflateByKey() => FlowControlFeed.Push(_conflateByKey, Elements);
}

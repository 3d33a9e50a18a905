using System.Reactive.Subjects;
using BenchmarkDotNet.Attributes;
using RxTrader.Streams.Windows;

namespace RxTrader.Benchmarks;

/// <summary>
/// Cost per value of <see cref="SlidingWindows"/> with the seed system's 200-point window: dominated by the
/// snapshot copy (one array of up to 200 decimals per value). 100 k values, 3 keys in the keyed form.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class SlidingWindowBenchmarks
{
    private const int ValueCount = 100_000;
    private const int Window = 200;

    private decimal[] _values = [];

    /// <summary>Builds the values once from a seeded random walk.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _values = new decimal[ValueCount];
        var price = 100m;
        for (var i = 0; i < ValueCount; i++)
        {
            price += random.Next(-5, 6) * 0.01m;
            _values[i] = price;
        }
    }

    /// <summary>One window over all values.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ValueCount)]
    public int Unkeyed()
    {
        using var subject = new Subject<decimal>();
        var last = 0;
        using (subject.SlidingWindow(Window).Subscribe(w => last = w.Length))
        {
            foreach (var value in _values)
            {
                subject.OnNext(value);
            }
        }

        return last;
    }

    /// <summary>A window per key, three keys round-robin.</summary>
    [Benchmark(OperationsPerInvoke = ValueCount)]
    public int Keyed()
    {
        using var subject = new Subject<(int Key, decimal Price)>();
        var last = 0;
        using (subject.SlidingWindow(static v => v.Key, Window).Subscribe(w => last = w.Values.Length))
        {
            for (var i = 0; i < _values.Length; i++)
            {
                subject.OnNext((i % 3, _values[i]));
            }
        }

        return last;
    }
}

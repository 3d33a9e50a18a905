using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace RxTrader.Benchmarks;

/// <summary>
/// The latency distribution of signed LIMIT (FULL) placements paced at 1000 per second for 3 seconds, printed as
/// percentiles (<c>// REST LIMIT FULL round trip ...</c> in the log). One invocation: the BenchmarkDotNet time is
/// the whole run; read the printed line.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 1, invocationCount: 1)]
public class RestOrderLatencyBenchmarks : IDisposable
{
    private const int Rate = 1000;
    private const int Seconds = 3;
    private RestOrderBenchClient _bench = null!;

    /// <summary>Starts the server and warms the connection.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _bench = new RestOrderBenchClient();
        for (var i = 0; i < 200; i++)
        {
            _bench.Place().GetAwaiter().GetResult();
            if (i % 100 == 99)
            {
                _bench.CancelAll().GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>Paces the placements and prints P50/P90/P99/P99.9/max in microseconds; returns P99.</summary>
    [Benchmark]
    public async Task<double> Paced1000PerSecond()
    {
        var latencies = new double[Rate * Seconds];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < latencies.Length; i++)
        {
            var due = TimeSpan.FromMilliseconds(i * 1000.0 / Rate);
            while (clock.Elapsed < due)
            {
                Thread.SpinWait(50);
            }

            var start = clock.Elapsed;
            var id = await _bench.Place().ConfigureAwait(false);
            latencies[i] = (clock.Elapsed - start).TotalMicroseconds;
            if (id % 100 == 0)
            {
                await _bench.CancelAll().ConfigureAwait(false);
            }
        }

        Array.Sort(latencies);
        Console.WriteLine(FormattableString.Invariant(
            $"// REST LIMIT FULL round trip at {Rate}/s for {Seconds}s: P50 {P(latencies, 0.50):F0} us, P90 {P(latencies, 0.90):F0} us, P99 {P(latencies, 0.99):F0} us, P99.9 {P(latencies, 0.999):F0} us, max {latencies[^1]:F0} us"));
        return P(latencies, 0.99);
    }

    /// <summary>Stops the server.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _bench?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static double P(double[] sorted, double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(q * sorted.Length) - 1)];
}

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
    public Task<double> Paced1000PerSecond() =>
        PacedLatency.RunAsync(
            "REST LIMIT FULL round trip",
            Rate,
            Seconds,
            _ => _bench.Place(),
            id => id % 100 == 0 ? _bench.CancelAll() : Task.CompletedTask);

    /// <summary>Stops the server.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _bench?.Dispose();
        GC.SuppressFinalize(this);
    }

}

using BenchmarkDotNet.Attributes;

namespace RxTrader.Benchmarks;

/// <summary>
/// Signed REST order round trips against the in-process simulator over loopback HTTP/1.1: a new LIMIT order with
/// the FULL response (form body, signed like ccxt), then its cancel (query, signed). Client and server share the
/// machine's cores, so a round trip includes both sides' work.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RestOrderRoundTripBenchmarks : IDisposable
{
    private RestOrderBenchClient _bench = null!;

    /// <summary>Starts the server and warms the connection.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _bench = new RestOrderBenchClient();
        PlaceAndCancel().GetAwaiter().GetResult();
    }

    /// <summary>One signed LIMIT placement (FULL) and one signed cancel: two round trips.</summary>
    [Benchmark]
    public async Task<long> PlaceAndCancel()
    {
        var orderId = await _bench.Place().ConfigureAwait(false);
        await _bench.Cancel(orderId).ConfigureAwait(false);
        return orderId;
    }

    /// <summary>One signed LIMIT placement (FULL); every 100th call also cancels the open orders (the
    /// MAX_NUM_ORDERS filter allows 200).</summary>
    [Benchmark]
    public async Task<long> PlaceOnly()
    {
        var id = await _bench.Place().ConfigureAwait(false);
        if (id % 100 == 0)
        {
            await _bench.CancelAll().ConfigureAwait(false);
        }

        return id;
    }

    /// <summary>Stops the server.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _bench?.Dispose();
        GC.SuppressFinalize(this);
    }
}

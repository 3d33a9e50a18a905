using System.Reactive.Concurrency;
using BenchmarkDotNet.Attributes;
using RxTrader.Binance.Execution;
using RxTrader.Binance.Rest;
using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Simulator.Server;

namespace RxTrader.Benchmarks;

/// <summary>
/// <see cref="BinanceExecutionVenue"/> round trips against the in-process simulator over loopback (wall clock,
/// raised limits, no user data stream): a LIMIT placement with the FULL answer (signing, limiter, mapping, tracker,
/// publication) then its cancel. Compare with <see cref="RestOrderRoundTripBenchmarks"/> (the raw HTTP round trips).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BinanceVenueBenchmarks : IDisposable
{
    private static readonly Symbol Btc = new("BTCUSDT");

    // A wall clock, never disposed (see RxTrader.Testing.RealTime): each request arms a timeout timer on the venue's
    // scheduler, and a frozen virtual-time scheduler would keep every cancelled one queued.
    private static readonly EventLoopScheduler Clock = new();
    private SimulatorServer _server = null!;
    private BinanceExecutionVenue _venue = null!;
    private long _sequence;

    /// <summary>Starts the server and the venue and warms the connection.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var scheduler = Clock;
        _server = SimulatorServer.StartAsync(
            new SimulatorOptions
            {
                Market = null,
                RateLimits = new SimulatorRateLimits { RequestWeightPerMinute = int.MaxValue, RawRequestsPer5Minutes = int.MaxValue, OrdersPer10Seconds = int.MaxValue, OrdersPerDay = int.MaxValue },
            },
            scheduler).GetAwaiter().GetResult();
        _venue = new BinanceExecutionVenue(
            new BinanceVenueOptions
            {
                ApiKey = SimulatorAccount.DemoApiKey,
                SecretKey = SimulatorAccount.DemoSecretKey,
                UseUserDataStream = false,
                ClosedOrderMemory = 1_000,
                Rest = new BinanceRestOptions { BaseAddress = _server.BaseAddress, WeightBudgetPerMinute = null },
            },
            scheduler);
        _venue.StartAsync().GetAwaiter().GetResult();
        PlaceAndCancel().GetAwaiter().GetResult();
    }

    /// <summary>One LIMIT placement (FULL) and its cancel through the venue: two signed round trips.</summary>
    /// <returns>The exchange order id.</returns>
    [Benchmark]
    public async Task<long> PlaceAndCancel()
    {
        var id = ClientOrderId.For("bench", Interlocked.Increment(ref _sequence));
        var placed = await _venue.PlaceAsync(OrderRequest.Limit(id, Btc, Side.Buy, 0.001m, 10_000m)).ConfigureAwait(false);
        var order = placed is VenueOutcome<Order>.Accepted accepted
            ? accepted.Value
            : throw new InvalidOperationException("Refused: " + placed);
        _ = await _venue.CancelAsync(Btc, id).ConfigureAwait(false);
        return order.ExchangeOrderId;
    }

    /// <summary>Stops the venue and the server.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _venue?.Dispose();
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }
}

using System.Reactive.Concurrency;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using RxTrader.Binance.Execution;
using RxTrader.Binance.Rest;
using RxTrader.Binance.UserData;
using RxTrader.Core;
using RxTrader.Core.Orders;
using RxTrader.Simulator.Server;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Orders;
using RxTrader.Trading.Risk;

namespace RxTrader.Benchmarks;

/// <summary>
/// Signal → risk gate → order manager (journal written before sending) → Binance venue → simulator → ack, paced at
/// 1,000 signals/s for 3 s: each signal is a MARKET order (alternately buy and sell) that fills against a deep book,
/// so the journal writes intent, fills and the answer. Prints P50/P90/P99/P99.9/max of signal → journaled ack.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 1, invocationCount: 1)]
public class OrderPipelineLatencyBenchmarks : IDisposable
{
    private const int Rate = 1000;
    private const int Seconds = 3;
    private static readonly Symbol Btc = new("BTCUSDT");

    // A wall clock, never disposed: each request arms a timeout timer on the venue's scheduler (see RxTrader.Testing.RealTime).
    private static readonly EventLoopScheduler Clock = new();
    private string _directory = null!;
    private SimulatorServer _server = null!;
    private BinanceExecutionVenue _venue = null!;
    private OrderJournal _journal = null!;
    private OrderManager _manager = null!;
    private RiskGate _gate = null!;
    private OrderEntry _entry = null!;
    private long _sequence;

    /// <summary>The journal's durability: FULL syncs every commit to disk, NORMAL only at WAL checkpoints.</summary>
    [Params(JournalDurability.Full, JournalDurability.Normal)]
    public JournalDurability Durability { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [Benchmark]
    public Task<double> Paced1000SignalsPerSecond() =>
        PacedLatency.RunAsync($"signal → risk → journal → venue → ack ({Durability})", Rate, Seconds, _ => SignalAsync());

    [GlobalCleanup]
    public void Dispose()
    {
        _gate?.Dispose();
        _manager?.Dispose();
        _venue?.Dispose();
        _journal?.Dispose();
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private async Task SetupAsync()
    {
        _directory = Directory.CreateTempSubdirectory("rxtrader-bench-").FullName;
        _server = await SimulatorServer.StartAsync(
            new SimulatorOptions
            {
                Market = null,
                RateLimits = new SimulatorRateLimits { RequestWeightPerMinute = int.MaxValue, RawRequestsPer5Minutes = int.MaxValue, OrdersPer10Seconds = int.MaxValue, OrdersPerDay = int.MaxValue },
            },
            Clock).ConfigureAwait(false);
        _server.Engine.PlaceLiquidity(Btc, Side.Buy, 99.50m, 1_000_000m);
        _server.Engine.PlaceLiquidity(Btc, Side.Sell, 100.50m, 1_000_000m);
        _venue = new BinanceExecutionVenue(
            new BinanceVenueOptions
            {
                ApiKey = SimulatorAccount.DemoApiKey,
                SecretKey = SimulatorAccount.DemoSecretKey,
                Rest = new BinanceRestOptions { BaseAddress = _server.BaseAddress, WeightBudgetPerMinute = null },
                UserData = new UserDataStreamOptions { StreamAddress = _server.StreamAddress },
            },
            Clock);
        await _venue.StartAsync().ConfigureAwait(false);
        var symbols = ((RestResult<ExchangeInfo>.Ok)await _venue.Rest.GetExchangeInfoAsync().ConfigureAwait(false)).Value.Symbols;
        _journal = OrderJournal.Open(
            Path.Combine(_directory, "journal.db"),
            new OrderJournalOptions { Mode = JournalOpenMode.CreateNew, Durability = Durability });
        _manager = new OrderManager(_venue, _journal, Clock);
        await _manager.StartAsync().ConfigureAwait(false);
        _manager.UpdateMark(Btc, 100m);

        // Limits a live account would have, all of them consulted on every signal.
        _gate = new RiskGate(
            symbols,
            new OrderManagerExposure(_manager),
            new RiskLimits
            {
                MaxPosition = 10m,
                MaxOrderNotional = 1_000m,
                MaxOpenNotional = 10_000m,
                MaxOpenOrders = 50,
                MaxOrdersPerSecond = 5_000,
            },
            Clock);
        _entry = new OrderEntry(_gate, _manager);
        for (var i = 0; i < 200; i++)
        {
            await SignalAsync().ConfigureAwait(false);
        }
    }

    private async Task<OrderEntryResult> SignalAsync()
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var side = sequence % 2 == 0 ? Side.Sell : Side.Buy;
        var result = await _entry.SubmitAsync(OrderRequest.Market(ClientOrderId.For("bench", sequence), Btc, side, 0.1m)).ConfigureAwait(false);
        if (result.Order is not { Tracking: OrderTracking.Open or OrderTracking.Terminal })
        {
            throw new InvalidOperationException($"Signal {sequence} not filled: {result}");
        }

        return result;
    }
}

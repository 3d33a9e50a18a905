using System.Diagnostics;
using System.Reactive.Concurrency;
using Microsoft.Data.Sqlite;
using RxTrader.Binance.Execution;
using RxTrader.Binance.Feed;
using RxTrader.Binance.Rest;
using RxTrader.Binance.UserData;
using RxTrader.Core;
using RxTrader.Engine;
using RxTrader.Engine.Sources;
using RxTrader.Host.Run;
using RxTrader.Simulator.Server;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Risk;

namespace RxTrader.Host.Bench;

/// <summary>
/// One mode of the bench, end to end over loopback: the blaster's WebSocket → the real <c>BinanceMarketFeed</c>
/// (through <see cref="BinanceFeedSource"/>) → decode → the engine's pipelines (3 symbols) → the bench strategy →
/// risk gate → journal (a temporary file) → <c>BinanceExecutionVenue</c> → the embedded simulator's REST API → ack.
/// </summary>
internal static class BenchRunner
{
    private static readonly Lock LoopsGate = new();
    private static RuntimeSchedulers? _loops;

    /// <summary>The name prefix of a run's temporary folder (its journal), deleted when the run ends.</summary>
    public const string TempPrefix = "rxtrader-benchrun-";

    private static readonly (Symbol Symbol, decimal Price)[] Prices =
        [(new("BTCUSDT"), 60_000m), (new("ETHUSDT"), 3_000m), (new("BNBUSDT"), 600m)];

    /// <summary>Runs <paramref name="mode"/> (throughput or latency) and returns what it measured.</summary>
    /// <param name="mode">Throughput or latency.</param>
    /// <param name="settings">The settings.</param>
    /// <param name="time">The bench's clock (high-resolution timestamps and delays).</param>
    /// <param name="timers">The long-lived scheduler of the simulator, the feed's timers and the engine's clock.</param>
    /// <param name="cancellationToken">Stops the run early.</param>
    public static async Task<BenchModeResult> RunAsync(BenchMode mode, BenchSettings settings, TimeProvider time, IScheduler timers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(timers);
        if (mode == BenchMode.All)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "One mode at a time.");
        }

        var folder = Directory.CreateTempSubdirectory(TempPrefix);
        try
        {
            return await RunInAsync(mode, settings, time, timers, folder.FullName, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // SQLite pools connections: release the file before deleting it.
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<BenchModeResult> RunInAsync(BenchMode mode, BenchSettings settings, TimeProvider time, IScheduler timers, string folder, CancellationToken ct)
    {
        var symbols = BenchSettings.Symbols;
        var signalEvery = mode == BenchMode.Throughput ? BenchSettings.ThroughputSignalEvery : settings.SignalEvery;
        var probe = new BenchProbe(time, symbols);
        var simulatorOptions = new SimulatorOptions
        {
            // High enough that the bench's bounded order rate is never refused for rate.
            RateLimits = new SimulatorRateLimits
            {
                RequestWeightPerMinute = 1_000_000,
                RawRequestsPer5Minutes = 10_000_000,
                OrdersPer10Seconds = 1_000_000,
                OrdersPerDay = 100_000_000,
            },
        };
        var simulator = await SimulatorServer.StartAsync(simulatorOptions, timers, ct).ConfigureAwait(false);
        await using var simulatorLifetime = simulator.ConfigureAwait(false);
        using var blaster = new TradeFrameBlaster(Prices, probe.SendTimes, time);
        var loops = LoopsFor(timers);
        using var venue = new BinanceExecutionVenue(
            new BinanceVenueOptions
            {
                ApiKey = SimulatorAccount.DemoApiKey,
                SecretKey = SimulatorAccount.DemoSecretKey,
                Rest = new BinanceRestOptions { BaseAddress = simulator.BaseAddress },
                UserData = new UserDataStreamOptions { StreamAddress = simulator.StreamAddress },
            },
            timers);
        var info = await venue.Rest.GetExchangeInfoAsync(cancellationToken: ct).ConfigureAwait(false);
        if (info is not RestResult<ExchangeInfo>.Ok { Value: var exchange })
        {
            throw new InvalidOperationException($"The simulator's exchangeInfo failed: {info}");
        }

        await venue.StartAsync(ct).ConfigureAwait(false);
        using var journal = OrderJournal.Open(
            Path.Combine(folder, "bench.journal.db"),
            new OrderJournalOptions { Mode = JournalOpenMode.OpenOrCreate, Durability = settings.JournalSync });
        var source = new BinanceFeedSource(
            new BinanceFeedOptions { BaseUri = blaster.BaseUri, Name = "market", Scheduler = timers, ConsumerScheduler = loops.Market },
            symbols);

        // Each change of side makes one order of one symbol: symbols / rate between two changes of one symbol.
        var flipInterval = time.TimestampFrequency * symbols.Count / settings.OrdersPerSecond;
        var engine = new TradingEngine(
            source,
            new TimedVenue(venue, probe),
            journal,
            exchange.Symbols,
            () => new TickCadenceStrategy(probe, signalEvery, flipInterval),
            new TradingEngineOptions { Symbols = symbols, MonitorInterval = TimeSpan.FromMilliseconds(250) },
            loops.Engine,
            new RiskLimits { MaxOrdersPerSecond = settings.OrdersPerSecond * 4, MaxOpenOrders = 1_000, MaxOpenOrdersPerSymbol = 1_000 });
        await using var engineLifetime = engine.ConfigureAwait(false);
        var refusals = new RefusalTally();
        using var refusalCounting = engine.Gate.Rejections.Subscribe(rejection =>
        {
            // A refused order never reaches the venue: its origin must not be charged to a later order.
            refusals.Count(rejection);
            probe.TakeOrderOrigin(rejection.Request.Symbol, rejection.Request.Side);
        });
        await engine.StartAsync(ct).ConfigureAwait(false);
        await blaster.Connected.WaitAsync(TimeSpan.FromSeconds(30), time, ct).ConfigureAwait(false);

        using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sending = mode == BenchMode.Throughput ? blaster.BlastAsync(stopSending.Token) : blaster.PaceAsync(settings.Rate, stopSending.Token);
        await Task.Delay(settings.Warmup, time, ct).ConfigureAwait(false);
        var start = Counters.Read(time, blaster, source, engine, probe);
        probe.OpenWindow(start.Timestamp);
        await Task.Delay(settings.Duration, time, ct).ConfigureAwait(false);
        var end = Counters.Read(time, blaster, source, engine, probe);
        probe.CloseWindow(end.Timestamp);
        await stopSending.CancelAsync().ConfigureAwait(false);
        await sending.ConfigureAwait(false);
        await DrainAsync(time, source, engine, ct).ConfigureAwait(false);

        // Waits for the submissions in flight, so every order of the window has its answer.
        await engine.StopAsync(cancelOpenOrders: true).ConfigureAwait(false);
        var seconds = (end.Timestamp - start.Timestamp) / (double)time.TimestampFrequency;
        var processed = end.Processed - start.Processed;
        using var process = Process.GetCurrentProcess();
        return new BenchModeResult(
            mode == BenchMode.Throughput ? "throughput" : "latency",
            seconds,
            settings.Warmup.TotalSeconds,
            mode == BenchMode.Latency ? settings.Rate : null,
            signalEvery,
            settings.JournalSync == JournalDurability.Full ? "FULL" : "NORMAL",
            end.Sent - start.Sent,
            end.Received - start.Received,
            processed,
            processed / seconds,
            end.FeedDropped - start.FeedDropped,
            end.EngineDropped - start.EngineDropped,
            source.Feed.Statistics.HandOff.Dropped + engine.HandOffs.Dropped,
            end.Signals - start.Signals,
            probe.Placed,
            probe.Acked,
            probe.Refused,
            refusals.Read(),
            probe.TickToSignal.Summary(),
            probe.TickToOrderAck.Summary(),
            (long)engine.Metrics.TickToSignal.Percentile(0.99).TotalMicroseconds,
            (long)engine.Metrics.TickToOrderAck.Percentile(0.99).TotalMicroseconds,
            processed == 0 ? 0 : (end.Allocated - start.Allocated) / (double)processed,
            process.PeakWorkingSet64);
    }

    /// <summary>
    /// Waits (at most 10 s) until the socket is quiet and every hand-off is empty, so the trades still queued when the
    /// window closed reach the strategies and their orders are answered before the engine stops (a stop would drop
    /// them, and the report's whole-run order counts would depend on where the backlog happened to be).
    /// </summary>
    private static async Task DrainAsync(TimeProvider time, BinanceFeedSource source, TradingEngine engine, CancellationToken ct)
    {
        var statistics = source.Feed.Statistics;
        var last = -1L;
        for (var i = 0; i < 200; i++)
        {
            var decoded = statistics.Decoder.Decoded;
            if (decoded == last && statistics.HandOff.Depth == 0 && engine.HandOffs.Depth == 0)
            {
                return;
            }

            last = decoded;
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, ct).ConfigureAwait(false);
        }
    }

    private sealed class RefusalTally
    {
        private readonly Lock _gate = new();
        private readonly SortedDictionary<string, long> _byReason = new(StringComparer.Ordinal);

        public void Count(RiskRejection rejection)
        {
            lock (_gate)
            {
                var reason = rejection.Reason.ToString();
                _byReason[reason] = _byReason.GetValueOrDefault(reason) + 1;
            }
        }

        public SortedDictionary<string, long> Read()
        {
            lock (_gate)
            {
                return new SortedDictionary<string, long>(_byReason, StringComparer.Ordinal);
            }
        }
    }

    private readonly record struct Counters(long Timestamp, long Sent, long Received, long Processed, long FeedDropped, long EngineDropped, long Signals, long Allocated)
    {
        public static Counters Read(TimeProvider time, TradeFrameBlaster blaster, BinanceFeedSource source, TradingEngine engine, BenchProbe probe)
        {
            var statistics = source.Feed.Statistics;
            return new Counters(
                time.GetTimestamp(),
                blaster.Sent,
                statistics.Decoder.Decoded,
                probe.Processed,
                statistics.HandOff.Dropped,
                engine.HandOffs.Dropped,
                engine.Metrics.Signals,
                GC.GetTotalAllocatedBytes(precise: true));
        }
    }

    /// <summary>
    /// The event loops of <c>rxtrader run</c>, one set per process and never disposed: Rx moves timers that are due
    /// (even cancelled ones, like an open bar's close) onto their scheduler, and a disposed loop throws on a pool thread.
    /// </summary>
    private static RuntimeSchedulers LoopsFor(IScheduler timers)
    {
        lock (LoopsGate)
        {
            return _loops ??= RuntimeSchedulers.Create(timers, BenchSettings.Symbols.Count, Environment.ProcessorCount);
        }
    }
}

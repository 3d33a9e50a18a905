using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using RxTrader.Core;
using RxTrader.Core.Instruments;
using RxTrader.Core.Orders;
using RxTrader.Engine.Metrics;
using RxTrader.Engine.Monitoring;
using RxTrader.Engine.Orders;
using RxTrader.Engine.Pipelines;
using RxTrader.Engine.Sources;
using RxTrader.Strategies;
using RxTrader.Streams.FlowControl;
using RxTrader.Trading.Journal;
using RxTrader.Trading.Orders;
using RxTrader.Trading.Risk;

namespace RxTrader.Engine;

/// <summary>
/// The trading engine: a market-data source → one pipeline per symbol (bars, strategy) on sharded schedulers →
/// signals → order router → risk gate → journaled order manager → execution venue, with the status and performance
/// monitors. The same graph runs live, on the simulator, in replay and in virtual time: only the source, the venue
/// and the schedulers differ.
/// </summary>
/// <remarks>
/// <para><b>Ownership.</b> The engine owns the source (disposed on stop), the order manager and the risk gate it
/// creates, and its meter. The venue and the journal stay the caller's (dispose them after the engine).</para>
/// <para><b>Threads.</b> Trades are handed from the source's thread to each symbol's shard through a bounded
/// hand-off (<see cref="TradingEngineOptions.HandOffCapacity"/>, oldest dropped and counted), signals to the order
/// scheduler through another; nothing downstream can slow the source down.</para>
/// </remarks>
public sealed partial class TradingEngine : IAsyncDisposable, IEngineGauges
{
    private readonly IMarketDataSource _source;
    private readonly IExecutionVenue _venue;
    private readonly OrderJournal _journal;
    private readonly Func<IStrategy> _strategyFactory;
    private readonly TradingEngineOptions _options;
    private readonly EngineSchedulers _schedulers;
    private readonly Func<long?> _rateLimitWeight;
    private readonly Dictionary<Symbol, SymbolPipeline> _pipelines = [];
    private readonly int[] _shardOf;
    private readonly Dictionary<Symbol, int> _symbolIndex = [];
    private readonly Dictionary<Symbol, SymbolInfo> _symbolInfos;
    private readonly Subject<RoutedSignal> _signalInput = new();
    private readonly Subject<Signal> _signals = new();
    private readonly CompositeDisposable _running = [];
    private readonly CompositeDisposable _pipelineLifetimes = [];
    private readonly BoundedHandOffStatistics _handOffs = new();
    private readonly Lock _snapshotGate = new();
    private readonly Lock _signalGate = new();
    private SignalRouter? _router;
    private DateTimeOffset _startedAt;
    private long _unknownSymbolTrades;
    private int _state; // 0 new, 1 starting/running, 2 stopped

    /// <summary>Creates the engine; nothing runs before <see cref="StartAsync"/>.</summary>
    /// <param name="source">The market data (owned by the engine from now on).</param>
    /// <param name="venue">Where orders go.</param>
    /// <param name="journal">The open order journal (the order manager's memory across restarts).</param>
    /// <param name="symbols">The exchange's description of the traded symbols (filters for the risk gate).</param>
    /// <param name="strategyFactory">Creates one strategy instance per symbol.</param>
    /// <param name="options">What to trade and how.</param>
    /// <param name="schedulers">Where everything runs.</param>
    /// <param name="limits">The risk limits (default: none beyond the exchange's filters).</param>
    /// <param name="managerOptions">The order manager's settings.</param>
    /// <param name="rateLimitWeight">Reads the venue's used request weight for the metrics (null: not reported).</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid, or a traded symbol is missing from <paramref name="symbols"/>.</exception>
    public TradingEngine(
        IMarketDataSource source,
        IExecutionVenue venue,
        OrderJournal journal,
        IReadOnlyCollection<SymbolInfo> symbols,
        Func<IStrategy> strategyFactory,
        TradingEngineOptions options,
        EngineSchedulers schedulers,
        RiskLimits? limits = null,
        OrderManagerOptions? managerOptions = null,
        Func<long?>? rateLimitWeight = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(strategyFactory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(schedulers);
        options.Validate();
        schedulers.Validate();
        var known = symbols.Select(static s => s.Symbol).ToHashSet();
        var missing = options.Symbols.Where(s => !known.Contains(s)).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException($"The exchange does not list {string.Join(", ", missing)}.", nameof(symbols));
        }

        _symbolInfos = symbols.GroupBy(static s => s.Symbol).ToDictionary(static g => g.Key, static g => g.Last());
        _source = source;
        _venue = venue;
        _journal = journal;
        _strategyFactory = strategyFactory;
        _options = options;
        _schedulers = schedulers;
        _rateLimitWeight = rateLimitWeight ?? (static () => null);
        _shardOf = new int[options.Symbols.Count];
        for (var i = 0; i < options.Symbols.Count; i++)
        {
            _symbolIndex[options.Symbols[i]] = i;
            _shardOf[i] = ShardOf(options.Symbols[i], schedulers.Pipelines.Count);
        }

        Metrics = new EngineMetrics(this);
        Manager = new OrderManager(venue, journal, schedulers.Timers, managerOptions);
        Gate = new RiskGate(symbols, new OrderManagerExposure(Manager), limits ?? new RiskLimits(), schedulers.Timers);
        Entry = new OrderEntry(Gate, Manager);
    }

    /// <summary>The order manager (orders, positions and balances caches; latency).</summary>
    public OrderManager Manager { get; }

    /// <summary>The risk gate (mode, kill switch, rejections).</summary>
    public RiskGate Gate { get; }

    /// <summary>Signal → risk gate → order manager, for orders placed by hand.</summary>
    public OrderEntry Entry { get; }

    /// <summary>The engine's counters and instruments.</summary>
    public EngineMetrics Metrics { get; }

    /// <summary>The running tasks (the seed's <c>concurrent_tasks_active</c>).</summary>
    public ConcurrentTasks Tasks { get; } = new();

    /// <summary>Every signal of every symbol, as the pipelines emit them (serialized).</summary>
    public IObservable<Signal> Signals => _signals.AsObservable();

    /// <summary>The traded symbols.</summary>
    public IReadOnlyList<Symbol> Symbols => _options.Symbols;

    /// <summary>Trades of symbols the engine does not trade (ignored).</summary>
    public long UnknownSymbolTrades => Interlocked.Read(ref _unknownSymbolTrades);

    /// <summary>Trades dropped by the engine's own hand-offs.</summary>
    public BoundedHandOffStatistics HandOffs => _handOffs;

    /// <summary>
    /// Starts: rebuilds the order manager from the journal and reconciles it with the venue, then builds the
    /// pipelines, starts the monitors and finally the source.
    /// </summary>
    /// <param name="cancellationToken">Cancels the reconciliation.</param>
    /// <returns>What reconciliation found.</returns>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public async Task<ReconciliationReport> StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The engine was already started.");
        }

        var report = await Manager.StartAsync(cancellationToken).ConfigureAwait(false);
        _startedAt = _schedulers.Timers.Now;
        _router = new SignalRouter(Entry, Manager, _journal, _symbolInfos, _schedulers.Timers, Metrics, _options, _journal.OrderCount + 1);
        StartOrderRouting();
        StartPipelines();
        StartMonitors();
        _running.Add(Tasks.Begin("market-stream"));
        _source.Start();
        return report;
    }

    private static int ShardOf(Symbol symbol, int shards)
    {
        // A stable hash (not string.GetHashCode, which is randomized per process), so a symbol keeps its shard.
        var hash = 17u;
        foreach (var c in symbol.Value)
        {
            hash = (hash * 31u) + c;
        }

        return (int)(hash % (uint)shards);
    }
}

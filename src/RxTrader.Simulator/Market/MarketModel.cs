using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using RxTrader.Simulator.Matching;

namespace RxTrader.Simulator.Market;

/// <summary>A seeded synthetic market that keeps the engine's books alive: per symbol a fair value walking on
/// the tick grid with volatility regimes, clustered trade arrivals, and a ladder of synthetic levels that is
/// swept, topped up, moved, resized, added and removed through the engine's liquidity calls.</summary>
/// <remarks>
/// <para>Every change goes through <see cref="MatchingEngine.PlaceLiquidity"/>,
/// <see cref="MatchingEngine.ReplaceLiquidity"/> and <see cref="MatchingEngine.CancelLiquidity"/>, so trades,
/// depth diffs and their update ids are the engine's own, and users' orders at the touch trade with the
/// synthetic flow. Trades are crossing synthetic orders whose remainder is canceled at once.</para>
/// <para>Time-driven work (one arrival timer and one refresh timer per symbol) runs on the scheduler given to the
/// constructor; the same seed on the same scheduler (virtual time) gives the same events. Each symbol has its own
/// gate, so <see cref="GenerateTrades"/> may run beside the timers.</para>
/// <para><see cref="Dispose"/> stops all scheduled work: nothing the model schedules runs after it, and
/// <see cref="Start"/> and <see cref="GenerateTrades"/> then throw <see cref="ObjectDisposedException"/>.
/// The synthetic orders stay on the books (the engine owns them).</para>
/// </remarks>
public sealed class MarketModel : IDisposable
{
    private readonly MatchingEngine _engine;
    private readonly IScheduler _scheduler;
    private readonly MarketModelOptions _options;
    private readonly SymbolSimulation[] _symbols;
    private readonly CompositeDisposable _timers = [];
    private readonly Lock _gate = new();
    private int _next;
    private bool _started;
    private volatile bool _disposed;

    /// <summary>Creates the model; nothing happens until <see cref="Start"/> or <see cref="GenerateTrades"/>.</summary>
    /// <param name="engine">The engine whose books the model feeds.</param>
    /// <param name="scheduler">The scheduler of all timed work (virtual time in tests).</param>
    /// <param name="options">The options; default <see cref="MarketModelOptions"/> (the default universe).</param>
    /// <exception cref="ArgumentNullException">A null engine or scheduler.</exception>
    /// <exception cref="ArgumentException">Invalid options (out-of-range values are
    /// <see cref="ArgumentOutOfRangeException"/>).</exception>
    public MarketModel(MatchingEngine engine, IScheduler scheduler, MarketModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(scheduler);
        options ??= new MarketModelOptions();
        options.Validate();
        _engine = engine;
        _scheduler = scheduler;
        _options = options;
        _symbols = new SymbolSimulation[options.Symbols.Count];
        for (var i = 0; i < _symbols.Length; i++)
        {
            // A fixed mix of the seed and the index: reproducible across processes (unlike HashCode).
            _symbols[i] = new SymbolSimulation(engine, options.Symbols[i], unchecked(options.Seed + ((i + 1) * 7919)));
        }
    }

    /// <summary>The options.</summary>
    public MarketModelOptions Options => _options;

    /// <summary>Adds the symbols the engine does not know, places the initial books and starts the timers.</summary>
    /// <remarks>Calling it again does nothing.</remarks>
    /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_gate)
        {
            if (_started)
            {
                return;
            }

            _started = true;
        }

        foreach (var sim in _symbols)
        {
            PrepareSymbol(sim);
            var now = _scheduler.Now;
            lock (sim.Gate)
            {
                sim.EnsureSeeded();
                sim.LastStep = now;
                sim.LastRegimeCheck = now;
            }

            var arrival = new SerialDisposable();
            var refresh = new SerialDisposable();
            _timers.Add(arrival);
            _timers.Add(refresh);
            TimeSpan first;
            lock (sim.Gate)
            {
                first = sim.NextArrival();
            }

            arrival.Disposable = _scheduler.Schedule((Model: this, Sim: sim, Timer: arrival), first, static (_, s) => s.Model.OnArrival(s.Sim, s.Timer));
            refresh.Disposable = _scheduler.Schedule((Model: this, Sim: sim, Timer: refresh), _options.RefreshInterval, static (_, s) => s.Model.OnRefresh(s.Sim, s.Timer));
        }
    }

    /// <summary>Generates <paramref name="count"/> trading arrivals at once, round-robin over the symbols, without
    /// the scheduler (load mode): each advances the walk by <see cref="MarketModelOptions.BurstTimePerTrade"/> and sends a
    /// taker.</summary>
    /// <param name="count">How many arrivals that trade to generate.</param>
    /// <returns>How many taker orders traded (each prints one or more public trades).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative count.</exception>
    /// <exception cref="ObjectDisposedException">After <see cref="Dispose"/>.</exception>
    /// <remarks>Symbols the engine does not know are added first. A symbol's book is placed on first use.</remarks>
    public int GenerateTrades(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var produced = 0;
        var idle = 0;
        var burst = _options.BurstTimePerTrade.TotalSeconds;
        while (produced < count && !_disposed)
        {
            var sim = _symbols[_next];
            _next = (_next + 1) % _symbols.Length;
            PrepareSymbol(sim);
            int traded;
            lock (sim.Gate)
            {
                traded = sim.Step(burst, burst);
            }

            produced += traded;

            // A book emptied by users on every step cannot trade: give up rather than spin forever.
            idle = traded == 0 ? idle + 1 : 0;
            if (idle > 1000 * _symbols.Length)
            {
                break;
            }
        }

        return produced;
    }

    /// <summary>The state and counters of every symbol, in <see cref="MarketModelOptions.Symbols"/> order.</summary>
    public IReadOnlyList<SymbolModelState> GetStatistics()
    {
        var states = new SymbolModelState[_symbols.Length];
        for (var i = 0; i < states.Length; i++)
        {
            lock (_symbols[i].Gate)
            {
                states[i] = _symbols[i].State();
            }
        }

        return states;
    }

    /// <summary>Stops every timer; nothing the model scheduled runs afterwards.</summary>
    public void Dispose()
    {
        _disposed = true;
        _timers.Dispose();
    }

    private void PrepareSymbol(SymbolSimulation sim)
    {
        if (_engine.GetSymbol(sim.Symbol) is null)
        {
            _engine.AddSymbol(_options.Symbols[Array.IndexOf(_symbols, sim)].Rules);
        }
    }

    private IDisposable OnArrival(SymbolSimulation sim, SerialDisposable timer)
    {
        TimeSpan next;
        lock (sim.Gate)
        {
            if (_disposed)
            {
                return Disposable.Empty;
            }

            var now = _scheduler.Now;
            sim.Step((now - sim.LastStep).TotalSeconds, (now - sim.LastRegimeCheck).TotalSeconds);
            sim.LastStep = now;
            sim.LastRegimeCheck = now;
            next = sim.NextArrival();
        }

        timer.Disposable = _scheduler.Schedule((Model: this, Sim: sim, Timer: timer), next, static (_, s) => s.Model.OnArrival(s.Sim, s.Timer));
        return Disposable.Empty;
    }

    private IDisposable OnRefresh(SymbolSimulation sim, SerialDisposable timer)
    {
        lock (sim.Gate)
        {
            if (_disposed)
            {
                return Disposable.Empty;
            }

            var now = _scheduler.Now;
            sim.AdvanceRegime((now - sim.LastRegimeCheck).TotalSeconds);
            sim.LastRegimeCheck = now;
            sim.Refresh();
        }

        timer.Disposable = _scheduler.Schedule((Model: this, Sim: sim, Timer: timer), _options.RefreshInterval, static (_, s) => s.Model.OnRefresh(s.Sim, s.Timer));
        return Disposable.Empty;
    }
}

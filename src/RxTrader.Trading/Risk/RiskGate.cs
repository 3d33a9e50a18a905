using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Subjects;
using RxTrader.Core;
using RxTrader.Core.Instruments;

namespace RxTrader.Trading.Risk;

/// <summary>
/// The risk gate between strategy signals and venues: checks every new order against the exchange's filters and the
/// engine's limits, rounds it onto the exchange's grid, and holds the kill switch.
/// </summary>
/// <remarks>
/// <para>Thread-safe: every member takes one lock. <see cref="Rejections"/> and <see cref="ModeChanges"/> are
/// delivered outside that lock, in the order they happened, by the first caller that finds the delivery queue idle;
/// a subscriber may call back into the gate. A subscriber that throws gets its exception rethrown to the calling
/// member, after the gate's state was updated.</para>
/// <para>Cancels are not checked: they bypass the gate in every mode (a cancel never adds exposure).</para>
/// <para>The gate counts an approved order against the rate limits at once, but sees it as open only when
/// <see cref="IRiskExposure"/> does: record an approved order as open before the next check, or the open-order and
/// position limits can be overshot by orders in flight.</para>
/// <para>See <c>Risk/README.md</c> for the order of the checks, the rounding rules and the kill-switch states.</para>
/// </remarks>
public sealed partial class RiskGate : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IScheduler _scheduler;
    private readonly IRiskExposure _exposure;
    private readonly Dictionary<Symbol, SymbolState> _symbols = [];
    private readonly OrderRateLimiter _rate;
    private readonly Subject<RiskRejection> _rejections = new();
    private readonly Subject<TradingModeChange> _modeChanges = new();
    private readonly Queue<object> _pending = new();
    private readonly CompositeDisposable _tracking = [];
    private TradingMode _mode;
    private bool _delivering;
    private bool _disposed;

    /// <summary>Creates a gate in <see cref="TradingMode.Active"/>.</summary>
    /// <param name="symbols">The tradable symbols with their filters (later symbols replace earlier ones of the same name).</param>
    /// <param name="exposure">Positions, open orders and marks.</param>
    /// <param name="limits">The limits.</param>
    /// <param name="scheduler">The only source of time: rate windows, day boundaries, event times.</param>
    /// <exception cref="ArgumentNullException">An argument or one of <paramref name="symbols"/> is null.</exception>
    public RiskGate(IEnumerable<SymbolInfo> symbols, IRiskExposure exposure, RiskLimits limits, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(exposure);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(scheduler);
        foreach (var info in symbols)
        {
            ArgumentNullException.ThrowIfNull(info, nameof(symbols));
            StateOf(info.Symbol).Describe(info);
        }

        _exposure = exposure;
        Limits = limits;
        _scheduler = scheduler;
        var now = scheduler.Now;
        _rate = new OrderRateLimiter(limits.MaxOrdersPerSecond, limits.ExchangeOrderLimits, now);
        _day = DayOf(now);
    }

    /// <summary>The limits enforced.</summary>
    public RiskLimits Limits { get; }

    /// <summary>Every rejection, as it happens (hot; no replay). Completes when the gate is disposed.</summary>
    public IObservable<RiskRejection> Rejections => _rejections;

    /// <summary>Every change of <see cref="Mode"/>, manual or tripped (hot; no replay). Completes when the gate is disposed.</summary>
    public IObservable<TradingModeChange> ModeChanges => _modeChanges;

    /// <summary>The kill-switch state.</summary>
    public TradingMode Mode
    {
        get
        {
            lock (_gate)
            {
                return _mode;
            }
        }
    }

    /// <summary>Adds a symbol or replaces its description (e.g. a status change from a fresh <c>exchangeInfo</c>).</summary>
    /// <param name="info">The symbol.</param>
    /// <exception cref="ArgumentNullException"><paramref name="info"/> is null.</exception>
    public void UpdateSymbol(SymbolInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        lock (_gate)
        {
            StateOf(info.Symbol).Describe(info);
        }
    }

    /// <summary>Completes <see cref="Rejections"/> and <see cref="ModeChanges"/> and ends every
    /// <see cref="TrackDataHealth"/> subscription. Checks after disposal still work but publish nothing.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _pending.Clear();
        }

        _tracking.Dispose();
        _rejections.OnCompleted();
        _modeChanges.OnCompleted();
    }

    // Under the lock (or in the constructor): the entry of a symbol, created on first use.
    private SymbolState StateOf(Symbol symbol)
    {
        if (!_symbols.TryGetValue(symbol, out var state))
        {
            state = new SymbolState();
            _symbols.Add(symbol, state);
        }

        return state;
    }

    // Under the lock: queue an event for delivery after the lock is released.
    private void EnqueueLocked(object notification)
    {
        if (!_disposed)
        {
            _pending.Enqueue(notification);
        }
    }

    // Outside the lock: the first caller to find the queue idle delivers everything queued, in order.
    private void Deliver()
    {
        lock (_gate)
        {
            if (_delivering || _pending.Count == 0)
            {
                return;
            }

            _delivering = true;
        }

        var done = false;
        try
        {
            while (true)
            {
                object next;
                lock (_gate)
                {
                    if (!_pending.TryDequeue(out next!))
                    {
                        _delivering = false;
                        done = true;
                        return;
                    }
                }

                if (next is RiskRejection rejection)
                {
                    _rejections.OnNext(rejection);
                }
                else
                {
                    _modeChanges.OnNext((TradingModeChange)next);
                }
            }
        }
        finally
        {
            if (!done)
            {
                // A subscriber threw: let the next caller carry on with what is still queued.
                lock (_gate)
                {
                    _delivering = false;
                }
            }
        }
    }
}

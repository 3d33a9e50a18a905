using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Engine.Dashboard;
using RxTrader.Engine.Metrics;
using RxTrader.Streams.Candles;
using RxTrader.Strategies;
using RxTrader.Trading.Positions;

namespace RxTrader.Engine.Pipelines;

/// <summary>
/// One symbol's pipeline on its shard: trades → bars (with the open bar for the dashboard) → strategy → signals.
/// Every notification runs on the shard's scheduler, one at a time; the dashboard reads the latest state under a lock.
/// </summary>
internal sealed class SymbolPipeline : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Subject<Trade> _trades = new();
    private readonly CompositeDisposable _subscriptions = [];
    private readonly IScheduler _scheduler;
    private readonly Action<RoutedSignal> _onSignal;
    private readonly Action<Candle> _onClosedBar;
    private readonly EngineMetrics _metrics;
    private long _ingressTicks;
    private decimal? _lastPrice;
    private Candle? _currentBar;
    private IReadOnlyList<IndicatorReading> _indicators = [];
    private Signal? _lastSignal;
    private DateTimeOffset? _gapEnd;
    private volatile bool _disposed;

    public SymbolPipeline(
        Symbol symbol,
        IStrategy strategy,
        TradingEngineOptions options,
        IScheduler scheduler,
        EngineMetrics metrics,
        Action<RoutedSignal> onSignal,
        Action<Candle> onClosedBar)
    {
        Symbol = symbol;
        _scheduler = scheduler;
        _metrics = metrics;
        _onSignal = onSignal;
        _onClosedBar = onClosedBar;
        var candleOptions = new CandleOptions { EmitPartial = true, CloseDelay = options.BarCloseDelay };
        var candles = _trades.ToCandles(options.BarInterval, scheduler, candleOptions).Publish();
        var closed = candles.Where(static c => c.IsClosed).Do(OnClosedBar);
        var outputs = strategy.Run(new StrategyInput(symbol, closed, _trades.Select(static t => (ITradeTick)t)));
        _subscriptions.Add(candles.Where(static c => !c.IsClosed).Subscribe(OnOpenBar));
        _subscriptions.Add(outputs.Subscribe(OnOutput, OnStrategyError));
        _subscriptions.Add(candles.Connect());
    }

    public Symbol Symbol { get; }

    /// <summary>The last trade price, read by the performance monitor for marks.</summary>
    public decimal? LastPrice
    {
        get
        {
            lock (_gate)
            {
                return _lastPrice;
            }
        }
    }

    /// <summary>Why the strategy stopped, or <see langword="null"/> while it runs.</summary>
    public Exception? StrategyError { get; private set; }

    /// <summary>Processes one trade (on the shard's scheduler).</summary>
    public void OnTrade(in TimedTrade trade)
    {
        // A hand-off may still be delivering a queued trade on the shard while the engine stops.
        if (_disposed)
        {
            return;
        }

        var now = _scheduler.Now;
        _metrics.MessageLag.Record(now - trade.Trade.EventTime);
        lock (_gate)
        {
            _lastPrice = trade.Trade.Price;
        }

        _ingressTicks = trade.IngressTicks;
        _trades.OnNext(trade.Trade);
        _ingressTicks = 0;
    }

    /// <summary>The dashboard row (position and PnL from <paramref name="position"/>).</summary>
    public SymbolSnapshot Snapshot(Position? position)
    {
        lock (_gate)
        {
            return new SymbolSnapshot(
                Symbol,
                _lastPrice,
                _currentBar,
                _indicators,
                _lastSignal,
                position?.Quantity ?? 0m,
                position?.RealizedPnl ?? 0m,
                position is { } p && _lastPrice is { } last ? p.WithMark(last).UnrealizedPnl : position?.UnrealizedPnl ?? 0m);
        }
    }

    /// <summary>Remembers that data up to <paramref name="end"/> was lost (any thread).</summary>
    public void MarkGap(DateTimeOffset end)
    {
        lock (_gate)
        {
            _gapEnd = _gapEnd is { } current && current > end ? current : end;
        }
    }

    /// <summary>True once, for the first closed bar opening at or after the last gap's end.</summary>
    public bool HealGapBefore(DateTimeOffset barOpen)
    {
        lock (_gate)
        {
            if (_gapEnd is { } end && barOpen >= end)
            {
                _gapEnd = null;
                return true;
            }

            return false;
        }
    }

    /// <summary>
    /// Ends the pipeline. The input subject is not disposed: a trade already past the check in <see cref="OnTrade"/> on
    /// the shard's thread may still be pushed into it, and must find no subscribers rather than a disposed subject.
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        _subscriptions.Dispose();
    }

    private void OnOpenBar(Candle bar)
    {
        lock (_gate)
        {
            _currentBar = bar;
        }
    }

    private void OnClosedBar(Candle bar) => _onClosedBar(bar);

    private void OnOutput(StrategyOutput output)
    {
        lock (_gate)
        {
            _indicators = output.Indicators;
            if (output.Signal is not null)
            {
                _lastSignal = output.Signal;
            }
        }

        if (output.Signal is { } signal)
        {
            var ingress = _ingressTicks;
            if (ingress != 0)
            {
                _metrics.TickToSignal.Record(TimeSpan.FromTicks(_scheduler.Now.UtcTicks - ingress));
            }

            _metrics.CountSignal(signal);
            _onSignal(new RoutedSignal(signal, ingress));
        }
    }

    // The strategy's subscription ends with its error; the symbol stops signalling, the rest of the engine runs on.
    private void OnStrategyError(Exception error)
    {
        StrategyError = error;
        _metrics.CountStrategyError(Symbol);
    }
}

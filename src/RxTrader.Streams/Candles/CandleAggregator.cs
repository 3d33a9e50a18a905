using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Streams.Candles;

/// <summary>One subscription of <see cref="CandleAggregation.ToCandles{TTrade}"/>: per-symbol bars and one timer.</summary>
/// <remarks>
/// All symbols share the interval, so their bars share boundaries and one timer (due at the earliest open bar's
/// end + close delay) serves them all. Everything runs under one gate; notifications are sent under it, which
/// keeps timer and trade emissions ordered and the Rx grammar intact.
/// </remarks>
internal sealed partial class CandleAggregator<TTrade> : IObserver<TTrade>, IDisposable
    where TTrade : ITradeTick
{
    private readonly IObserver<Candle> _observer;
    private readonly TimeSpan _interval;
    private readonly long _intervalTicks;
    private readonly long _delayTicks;
    private readonly IScheduler _scheduler;
    private readonly bool _emitPartial;
    private readonly bool _fillFlat;
    private readonly int _maxFilled;
    private readonly CandleCounters? _counters;
    private readonly Lock _gate = new();
    private readonly Dictionary<Symbol, CandleBar> _bars = [];
    private readonly List<CandleBar> _order = [];
    private readonly SingleAssignmentDisposable _upstream = new();
    private CandleBar? _last;
    private IDisposable? _timer;
    private long _timerDue = long.MaxValue;
    private long _generation;
    private bool _done;

    public CandleAggregator(IObserver<Candle> observer, TimeSpan interval, IScheduler scheduler, CandleOptions options)
    {
        _observer = observer;
        _interval = interval;
        _intervalTicks = interval.Ticks;
        _delayTicks = options.CloseDelay.Ticks;
        _scheduler = scheduler;
        _emitPartial = options.EmitPartial;
        _fillFlat = options.EmptyIntervals == EmptyIntervalPolicy.Flat;
        _maxFilled = options.MaxFilledIntervals;
        _counters = options.Counters;
    }

    public IDisposable Run(IObservable<TTrade> source)
    {
        _upstream.Disposable = source.Subscribe(this);
        return this;
    }

    public void OnNext(TTrade value)
    {
        lock (_gate)
        {
            if (_done)
            {
                return;
            }

            var symbol = value.Symbol;
            var bar = _last;
            if (bar is null || !bar.Symbol.Equals(symbol))
            {
                bar = Find(symbol);
            }

            var ticks = value.Time.UtcTicks;
            if (ticks < bar.FinalTicks)
            {
                _counters?.AddLateTrade();
                return;
            }

            // Fast path: the trade falls into the open bar, no division needed.
            if (!bar.IsOpen || (ulong)(ticks - bar.OpenTicks) >= (ulong)_intervalTicks)
            {
                var open = CandleTime.OpenOf(ticks, _intervalTicks);
                if (bar.IsOpen)
                {
                    Roll(bar, open);
                }
                else
                {
                    bar.StartFlat(open);
                }

                var due = open + _intervalTicks + _delayTicks;
                if (due < _timerDue)
                {
                    ScheduleTimer(due);
                }
            }

            bar.Add(value.Price, value.Quantity, ticks, value.IsBuyerMaker);
            if (_emitPartial)
            {
                _observer.OnNext(bar.ToCandle(_interval, isClosed: false));
            }
        }
    }

    public void OnError(Exception error)
    {
        lock (_gate)
        {
            if (Stop())
            {
                _observer.OnError(error);
            }
        }
    }

    public void OnCompleted()
    {
        lock (_gate)
        {
            if (!Stop())
            {
                return;
            }

            foreach (var bar in _order)
            {
                if (bar.IsOpen && bar.TradeCount > 0)
                {
                    _observer.OnNext(bar.ToCandle(_interval, isClosed: false));
                }
            }

            _observer.OnCompleted();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Stop();
        }

        _upstream.Dispose();
    }

    private CandleBar Find(Symbol symbol)
    {
        if (!_bars.TryGetValue(symbol, out var bar))
        {
            bar = new CandleBar(symbol);
            _bars.Add(symbol, bar);
            _order.Add(bar);
        }

        _last = bar;
        return bar;
    }

    /// <summary>Marks the subscription finished and cancels the timer; false if it already was.</summary>
    private bool Stop()
    {
        if (_done)
        {
            return false;
        }

        _done = true;
        _generation++;
        _timer?.Dispose();
        _timer = null;
        return true;
    }
}

using System.Collections.Immutable;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Subjects;
using RxTrader.Binance.Feed;
using RxTrader.Core;
using RxTrader.Core.Connectivity;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Fallback;

/// <summary>
/// Keeps candles and top of book flowing for a set of symbols: passes the socket streams through while the socket
/// is healthy, polls REST while it has been down longer than <see cref="MarketDataFallbackOptions.SwitchAfter"/>,
/// and switches back when the socket delivers data again. Each switch is a <see cref="FallbackSwitch"/>.
/// </summary>
/// <remarks>
/// <para>Health is read from the connection events: <see cref="Disconnected"/>, <see cref="Stale"/> and
/// <see cref="FeedGaveUp"/> mark the socket down; a <see cref="Connected"/> or <see cref="Fresh"/> before the
/// threshold cancels the switch. In REST mode a <see cref="Connected"/> or <see cref="Fresh"/> followed by a socket
/// candle or book ticker switches back (that item is emitted); socket data without such an event is ignored.</para>
/// <para>Polling: per symbol one book-ticker loop and one kline loop (the last two candles), the first poll at the
/// switch, then one per period measured from the start of the previous poll; a poll never starts before the
/// previous one of the same loop has completed. A poll is skipped (counted) when the source is blocked or its
/// minute weight plus 2 would exceed <see cref="MarketDataFallbackOptions.WeightBudgetPerMinute"/>. Failed polls
/// are counted and the loop goes on.</para>
/// <para>Candles are deduplicated per symbol: a closed candle is emitted once (from whichever side delivers it
/// first), and nothing older than the last closed candle is emitted; a REST candle is closed only when its close
/// time is before the scheduler's clock; an open candle equal to the last one emitted is not repeated.</para>
/// <para>Outputs are hot and serialized (emitted under one gate); subscribe before <see cref="Start"/>.
/// <b>OnError</b>/<b>OnCompleted</b> of any input stops polling and ends all three outputs with that notification.
/// <see cref="Dispose"/> stops polling and timers, unsubscribes the inputs and completes the outputs.</para>
/// </remarks>
public sealed partial class MarketDataFallback : IDisposable
{
    private const int PollWeight = 2;
    private const int KlineLimit = 2;

    private readonly IObservable<Candle> _socketCandles;
    private readonly IObservable<BookTicker> _socketBookTickers;
    private readonly IObservable<ConnectionEvent> _connectionEvents;
    private readonly IFallbackMarketDataSource _source;
    private readonly ImmutableArray<Symbol> _symbols;
    private readonly IScheduler _scheduler;
    private readonly MarketDataFallbackOptions _options;
    private readonly Lock _gate = new();
    private readonly Subject<Candle> _candles = new();
    private readonly Subject<BookTicker> _bookTickers = new();
    private readonly Subject<FallbackSwitch> _switches = new();
    private readonly Dictionary<Symbol, CandleState> _candleStates = [];
    private readonly CompositeDisposable _inputs = [];
    private readonly SerialDisposable _downTimer = new();
    private readonly SerialDisposable _polling = new();
    private FallbackMode _mode;
    private bool _started;
    private bool _stopped;
    private bool _downPending;
    private long _downGeneration;
    private string _downReason = string.Empty;
    private bool _recovering;
    private long _pollGeneration;
    private CancellationTokenSource? _pollCancellation;

    /// <summary>Creates the fallback; nothing is subscribed or polled until <see cref="Start"/>.</summary>
    /// <param name="candles">The socket's candles (e.g. <see cref="BinanceMarketFeed.Candles"/>).</param>
    /// <param name="bookTickers">The socket's book tickers.</param>
    /// <param name="connectionEvents">The socket's connection events.</param>
    /// <param name="source">What to poll while in REST mode.</param>
    /// <param name="symbols">The symbols to poll; at least one, none default.</param>
    /// <param name="scheduler">The scheduler of all timers and of the switch event times.</param>
    /// <param name="options">The settings; null for the defaults.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="symbols"/> is empty or holds a default symbol, or an option is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option period, threshold or budget is not positive.</exception>
    public MarketDataFallback(
        IObservable<Candle> candles,
        IObservable<BookTicker> bookTickers,
        IObservable<ConnectionEvent> connectionEvents,
        IFallbackMarketDataSource source,
        IEnumerable<Symbol> symbols,
        IScheduler scheduler,
        MarketDataFallbackOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(candles);
        ArgumentNullException.ThrowIfNull(bookTickers);
        ArgumentNullException.ThrowIfNull(connectionEvents);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(scheduler);
        options ??= new MarketDataFallbackOptions();
        options.Validate();
        var list = symbols.Distinct().ToImmutableArray();
        if (list.IsEmpty || list.Contains(default))
        {
            throw new ArgumentException("At least one symbol is needed, and no default symbol.", nameof(symbols));
        }

        _socketCandles = candles;
        _socketBookTickers = bookTickers;
        _connectionEvents = connectionEvents;
        _source = source;
        _symbols = list;
        _scheduler = scheduler;
        _options = options;
    }

    /// <summary>Candles: the socket's while in <see cref="FallbackMode.Socket"/>, polled ones in
    /// <see cref="FallbackMode.Rest"/>, deduplicated (see remarks of the type).</summary>
    public IObservable<Candle> Candles => _candles;

    /// <summary>Book tickers: the socket's while in <see cref="FallbackMode.Socket"/>, polled ones (update id 0)
    /// in <see cref="FallbackMode.Rest"/>.</summary>
    public IObservable<BookTicker> BookTickers => _bookTickers;

    /// <summary>One event per switch between socket and REST.</summary>
    public IObservable<FallbackSwitch> Switches => _switches;

    /// <summary>Where data comes from now.</summary>
    public FallbackMode Mode
    {
        get
        {
            lock (_gate)
            {
                return _mode;
            }
        }
    }

    /// <summary>Live counters: polls, failures by kind, skipped polls, switches.</summary>
    public FallbackStatistics Statistics { get; } = new();

    /// <summary>Subscribes to the inputs.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    /// <exception cref="ObjectDisposedException">Disposed.</exception>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            if (_started)
            {
                throw new InvalidOperationException("The fallback is already started.");
            }

            _started = true;
        }

        _inputs.Add(_connectionEvents.Subscribe(OnConnectionEvent, OnInputError, OnInputCompleted));
        _inputs.Add(_socketCandles.Subscribe(OnSocketCandle, OnInputError, OnInputCompleted));
        _inputs.Add(_socketBookTickers.Subscribe(OnSocketBookTicker, OnInputError, OnInputCompleted));
    }

    /// <summary>Stops polling and timers, unsubscribes the inputs and completes the outputs.</summary>
    public void Dispose()
    {
        _inputs.Dispose();
        Stop(null);
    }

    private void OnConnectionEvent(ConnectionEvent connectionEvent)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            switch (connectionEvent)
            {
                case Disconnected or Stale or FeedGaveUp:
                    _recovering = false;
                    if (_mode == FallbackMode.Socket && !_downPending)
                    {
                        _downPending = true;
                        _downReason = connectionEvent.GetType().Name;
                        var generation = ++_downGeneration;
                        _downTimer.Disposable = _scheduler.Schedule(
                            (Self: this, Generation: generation),
                            _options.SwitchAfter,
                            static (_, state) =>
                            {
                                state.Self.OnDownTimer(state.Generation);
                                return Disposable.Empty;
                            });
                    }

                    break;
                case Connected or Fresh:
                    if (_mode == FallbackMode.Socket)
                    {
                        _downPending = false;
                        _downGeneration++;
                        _downTimer.Disposable = null;
                    }
                    else
                    {
                        _recovering = true;
                    }

                    break;
            }
        }
    }

    private void OnDownTimer(long generation)
    {
        lock (_gate)
        {
            if (_stopped || generation != _downGeneration || !_downPending || _mode != FallbackMode.Socket)
            {
                return;
            }

            _downPending = false;
            _mode = FallbackMode.Rest;
            _recovering = false;
            Statistics.SwitchedToRest();
            _switches.OnNext(new FallbackSwitch(
                _scheduler.Now, _options.Name, FallbackMode.Rest, $"{_downReason} for {_options.SwitchAfter}"));
            StartPolling();
        }
    }

    private void OnSocketCandle(Candle candle)
    {
        lock (_gate)
        {
            if (AcceptSocketData())
            {
                EmitCandle(candle);
            }
        }
    }

    private void OnSocketBookTicker(BookTicker bookTicker)
    {
        lock (_gate)
        {
            if (AcceptSocketData())
            {
                _bookTickers.OnNext(bookTicker);
            }
        }
    }

    // Under the gate: whether socket data is emitted; switches back when the socket has recovered.
    private bool AcceptSocketData()
    {
        if (_stopped)
        {
            return false;
        }

        if (_mode == FallbackMode.Socket)
        {
            return true;
        }

        if (!_recovering)
        {
            return false;
        }

        StopPolling();
        _mode = FallbackMode.Socket;
        _recovering = false;
        Statistics.SwitchedToSocket();
        _switches.OnNext(new FallbackSwitch(_scheduler.Now, _options.Name, FallbackMode.Socket, "socket data resumed"));
        return true;
    }

    // Under the gate.
    private void EmitCandle(Candle candle)
    {
        if (!_candleStates.TryGetValue(candle.Symbol, out var state))
        {
            state = new CandleState();
            _candleStates.Add(candle.Symbol, state);
        }

        if ((state.LastClosedOpenTime is { } closed && candle.OpenTime <= closed)
            || (!candle.IsClosed && state.LastEmitted == candle))
        {
            Statistics.DuplicateCandle();
            return;
        }

        if (candle.IsClosed)
        {
            state.LastClosedOpenTime = candle.OpenTime;
        }

        state.LastEmitted = candle;
        _candles.OnNext(candle);
    }

    private void OnInputError(Exception error) =>
        Stop(error);

    private void OnInputCompleted() =>
        Stop(null);

    private void Stop(Exception? error)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            _downGeneration++;
            _downTimer.Dispose();
            StopPolling();
            _polling.Dispose();
            End(_candles, error);
            End(_bookTickers, error);
            End(_switches, error);
        }

        _inputs.Dispose();
    }

    private static void End<T>(Subject<T> subject, Exception? error)
    {
        if (error is null)
        {
            subject.OnCompleted();
        }
        else
        {
            subject.OnError(error);
        }
    }

    private sealed class CandleState
    {
        public DateTimeOffset? LastClosedOpenTime { get; set; }

        public Candle? LastEmitted { get; set; }
    }
}

using System.Reactive;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using RxTrader.Binance.Wire;
using RxTrader.Core.Connectivity;
using RxTrader.Core.MarketData;
using RxTrader.Streams.FlowControl;

namespace RxTrader.Binance.Feed;

/// <summary>
/// The Binance spot market-data feed: one combined-stream WebSocket connection that survives drops, silence,
/// <c>serverShutdown</c> and the 24 h limit, and delivers typed market data and connection events.
/// </summary>
/// <remarks>
/// <para><b>Usage</b>: create, <see cref="Subscribe"/> streams, subscribe to the typed streams, <see cref="Start"/>.
/// Streams added or removed while connected are sent as paced SUBSCRIBE/UNSUBSCRIBE messages; every (re)connect
/// opens <c>/stream?streams=</c> with exactly the current set.</para>
/// <para><b>Threads</b>: frames are decoded on the socket's receive thread into one bounded hand-off per
/// subscriber (<see cref="BinanceFeedOptions.HandOffCapacity"/>, drops counted in
/// <see cref="FeedStatistics.HandOff"/>); subscribers are called on <see cref="BinanceFeedOptions.ConsumerScheduler"/>,
/// one notification at a time per subscription. Timers run on <see cref="BinanceFeedOptions.Scheduler"/>.</para>
/// <para><b>OnError</b>: never; transport trouble is reported on <see cref="ConnectionEvents"/>.
/// <b>OnCompleted</b>: every stream completes after <see cref="Dispose"/>.</para>
/// </remarks>
public sealed partial class BinanceMarketFeed : IDisposable
{
    /// <summary>
    /// The meter every feed publishes on: <c>binance_ws_latency_seconds</c> (histogram of receive − event time) and
    /// <c>ws_reconnects_total</c>, tagged <c>feed</c> = <see cref="BinanceFeedOptions.Name"/>.
    /// </summary>
    public const string MeterName = "RxTrader.Binance";

    private readonly Lock _gate = new();
    private readonly BinanceFeedOptions _options;
    private readonly BinanceFrameDecoder _decoder;
    private readonly FeedFrameSink _sink;
    private readonly Subject<ConnectionEvent> _events = new();
    private readonly Subject<Unit> _frameSignal = new();
    private readonly List<StreamName> _streams = [];
    private readonly Random _jitter;
    private FeedState _state;

    /// <summary>Creates the feed; nothing connects before <see cref="Start"/>.</summary>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or a required setting is null.</exception>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public BinanceMarketFeed(BinanceFeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _jitter = new Random(options.JitterSeed);
        _decoder = new BinanceFrameDecoder();
        Statistics = new FeedStatistics(_decoder.Counters, options.Name);
        _sink = new FeedFrameSink(Statistics);
        Trades = HandOff(_sink.Trades);
        AggregateTrades = HandOff(_sink.AggregateTrades);
        Candles = HandOff(_sink.Candles);
        MiniTickers = HandOff(_sink.MiniTickers);
        Tickers = HandOff(_sink.Tickers);
        BookTickers = HandOff(_sink.BookTickers);
        DepthSnapshots = HandOff(_sink.DepthSnapshots);
        DepthUpdates = HandOff(_sink.DepthUpdates);
        var stale = _frameSignal.DetectStale(options.StaleAfter, options.Scheduler, options.Name);
        ConnectionEvents = HandOff(_events.Merge(stale));
    }

    /// <summary><c>trade</c> events of the subscribed <c>@trade</c> streams.</summary>
    public IObservable<Trade> Trades { get; }

    /// <summary><c>aggTrade</c> events.</summary>
    public IObservable<AggregateTrade> AggregateTrades { get; }

    /// <summary>Kline updates (open and closed candles).</summary>
    public IObservable<Candle> Candles { get; }

    /// <summary>24 h mini tickers.</summary>
    public IObservable<MiniTicker> MiniTickers { get; }

    /// <summary>24 h full tickers.</summary>
    public IObservable<Ticker> Tickers { get; }

    /// <summary>Best bid/ask updates.</summary>
    public IObservable<BookTicker> BookTickers { get; }

    /// <summary>Partial-depth snapshots (<c>@depth5/10/20</c>).</summary>
    public IObservable<DepthSnapshot> DepthSnapshots { get; }

    /// <summary>Diff-depth updates.</summary>
    public IObservable<DepthUpdate> DepthUpdates { get; }

    /// <summary>
    /// <see cref="Connected"/>, <see cref="Disconnected"/> (with the reason), <see cref="Reconnecting"/>,
    /// <see cref="Gap"/> (one per stream that lost data, <c>Source</c> = the stream name, e.g. <c>btcusdt@trade</c>:
    /// from the last payload before a drop to the first payload after it), <see cref="Stale"/> /
    /// <see cref="Fresh"/> (no frame for <see cref="BinanceFeedOptions.StaleAfter"/>), <see cref="SubscriptionRejected"/> and <see cref="FeedGaveUp"/>.
    /// </summary>
    public IObservable<ConnectionEvent> ConnectionEvents { get; }

    /// <summary>Live counters and latencies.</summary>
    public FeedStatistics Statistics { get; }

    /// <summary>Where the feed is in its connection cycle.</summary>
    public FeedState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>The current stream set, in subscription order.</summary>
    public IReadOnlyList<StreamName> Streams
    {
        get
        {
            lock (_gate)
            {
                return [.. _streams];
            }
        }
    }

    /// <summary>Opens the first connection. Calling it again does nothing.</summary>
    /// <exception cref="ObjectDisposedException">The feed is disposed.</exception>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_state == FeedState.Disposed, this);
            if (_state == FeedState.Idle)
            {
                ConnectLocked();
            }
        }
    }

    /// <summary>Closes the connection, reports <see cref="Disconnected"/> with <see cref="DisconnectReason.ClientClosed"/>
    /// and completes every stream; nothing is emitted afterwards. Idempotent.</summary>
    public void Dispose()
    {
        FeedConnection? connection;
        lock (_gate)
        {
            if (_state == FeedState.Disposed)
            {
                return;
            }

            var wasConnected = _state == FeedState.Connected;
            _state = FeedState.Disposed;
            _reconnectTimer?.Dispose();
            _controlTimer?.Dispose();
            connection = _connection;
            _connection = null;
            if (wasConnected)
            {
                Emit(new Disconnected(_options.Scheduler.Now, _options.Name, DisconnectReason.ClientClosed));
            }

            _events.OnCompleted();
            _frameSignal.OnCompleted();
            _sink.Complete();
        }

        if (connection is not null)
        {
            Release(connection, closeGracefully: true);
        }
    }

    private IObservable<T> HandOff<T>(IObservable<T> source) =>
        source.ObserveOnBounded(_options.ConsumerScheduler, new BoundedHandOffOptions<T>
        {
            Capacity = _options.HandOffCapacity,
            OverflowPolicy = _options.HandOffPolicy,
            Statistics = Statistics.HandOff,
        });

    private void Emit(ConnectionEvent connectionEvent) => _events.OnNext(connectionEvent);
}

using System.Reactive.Linq;
using System.Reactive.Subjects;
using RxTrader.Binance.Wire;
using RxTrader.Core.Connectivity;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Feed;

/// <summary>
/// Any number of streams over as many <see cref="BinanceMarketFeed"/> connections as needed, each carrying at
/// most <see cref="BinanceFeedOptions.StreamsPerConnection"/> streams; their outputs are merged.
/// </summary>
/// <remarks>
/// <para>New streams fill the first connection with room, in creation order; a connection is opened when all are
/// full (and started at once if the group is started). A connection stays open when its streams are removed.</para>
/// <para>Connection <c>i</c> (from 0) is named <c>"{Name}#{i}"</c>, so its <see cref="ConnectionEvents"/> can be told
/// apart. The merged streams deliver on <see cref="BinanceFeedOptions.ConsumerScheduler"/>, never end with
/// <c>OnError</c>, and complete after <see cref="Dispose"/>.</para>
/// </remarks>
public sealed class BinanceMarketFeedGroup : IDisposable
{
    private readonly Lock _gate = new();
    private readonly BinanceFeedOptions _options;
    private readonly List<BinanceMarketFeed> _feeds = [];
    private readonly ReplaySubject<BinanceMarketFeed> _added = new();
    private bool _started;
    private bool _disposed;

    /// <summary>Creates the group; nothing connects before <see cref="Start"/>.</summary>
    /// <param name="options">The settings of every connection; <see cref="BinanceFeedOptions.Name"/> is the prefix.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or a required setting is null.</exception>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public BinanceMarketFeedGroup(BinanceFeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        Trades = _added.SelectMany(static f => f.Trades);
        AggregateTrades = _added.SelectMany(static f => f.AggregateTrades);
        Candles = _added.SelectMany(static f => f.Candles);
        MiniTickers = _added.SelectMany(static f => f.MiniTickers);
        Tickers = _added.SelectMany(static f => f.Tickers);
        BookTickers = _added.SelectMany(static f => f.BookTickers);
        DepthSnapshots = _added.SelectMany(static f => f.DepthSnapshots);
        DepthUpdates = _added.SelectMany(static f => f.DepthUpdates);
        ConnectionEvents = _added.SelectMany(static f => f.ConnectionEvents);
    }

    /// <summary>Trades of every connection.</summary>
    public IObservable<Trade> Trades { get; }

    /// <summary>Aggregate trades of every connection.</summary>
    public IObservable<AggregateTrade> AggregateTrades { get; }

    /// <summary>Candles of every connection.</summary>
    public IObservable<Candle> Candles { get; }

    /// <summary>Mini tickers of every connection.</summary>
    public IObservable<MiniTicker> MiniTickers { get; }

    /// <summary>Full tickers of every connection.</summary>
    public IObservable<Ticker> Tickers { get; }

    /// <summary>Book tickers of every connection.</summary>
    public IObservable<BookTicker> BookTickers { get; }

    /// <summary>Partial-depth snapshots of every connection.</summary>
    public IObservable<DepthSnapshot> DepthSnapshots { get; }

    /// <summary>Diff-depth updates of every connection.</summary>
    public IObservable<DepthUpdate> DepthUpdates { get; }

    /// <summary>Connection events of every connection; <see cref="ConnectionEvent.Source"/> names the connection.</summary>
    public IObservable<ConnectionEvent> ConnectionEvents { get; }

    /// <summary>The connections, in creation order (each with its own <see cref="BinanceMarketFeed.Statistics"/>).</summary>
    public IReadOnlyList<BinanceMarketFeed> Feeds
    {
        get
        {
            lock (_gate)
            {
                return [.. _feeds];
            }
        }
    }

    /// <summary>Starts every connection, and those created later as they are created. Idempotent.</summary>
    /// <exception cref="ObjectDisposedException">The group is disposed.</exception>
    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _started = true;
            _feeds.ForEach(static f => f.Start());
        }
    }

    /// <summary>Adds streams, filling connections in order and opening new ones when all are full.</summary>
    /// <param name="streams">The streams; those already subscribed are ignored.</param>
    /// <returns>The streams that were new.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="streams"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The group is disposed.</exception>
    public IReadOnlyList<StreamName> Subscribe(IEnumerable<StreamName> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var existing = _feeds.SelectMany(static f => f.Streams).ToHashSet();
            var added = streams.Distinct().Where(s => !existing.Contains(s)).ToArray();
            var next = 0;
            while (next < added.Length)
            {
                var feed = _feeds.Find(f => f.Streams.Count < _options.StreamsPerConnection) ?? AddFeedLocked();
                var room = _options.StreamsPerConnection - feed.Streams.Count;
                var batch = added.AsSpan(next, Math.Min(room, added.Length - next)).ToArray();
                feed.Subscribe(batch);
                next += batch.Length;
            }

            // A new connection starts after its streams are set, so they go into its URL.
            if (_started)
            {
                _feeds.ForEach(static f => f.Start());
            }

            return added;
        }
    }

    /// <summary>Removes streams from whichever connection carries them.</summary>
    /// <param name="streams">The streams; those not subscribed are ignored.</param>
    /// <returns>The streams that were removed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="streams"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The group is disposed.</exception>
    public IReadOnlyList<StreamName> Unsubscribe(IEnumerable<StreamName> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var wanted = streams.ToArray();
            return [.. _feeds.SelectMany(f => f.Unsubscribe(wanted))];
        }
    }

    /// <summary>Disposes every connection (see <see cref="BinanceMarketFeed.Dispose"/>); the merged streams complete.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _feeds.ForEach(static f => f.Dispose());
            _added.OnCompleted();
        }
    }

    private BinanceMarketFeed AddFeedLocked()
    {
        var feed = new BinanceMarketFeed(_options with { Name = $"{_options.Name}#{_feeds.Count}" });
        _feeds.Add(feed);
        _added.OnNext(feed);
        return feed;
    }
}

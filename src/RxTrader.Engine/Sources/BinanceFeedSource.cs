using System.Reactive.Concurrency;
using System.Reactive.Linq;
using RxTrader.Binance.Feed;
using RxTrader.Binance.OrderBooks;
using RxTrader.Binance.Rest;
using RxTrader.Binance.Wire;
using RxTrader.Core;
using RxTrader.Core.Connectivity;
using RxTrader.Core.MarketData;

namespace RxTrader.Engine.Sources;

/// <summary>
/// The engine's market data from a <see cref="BinanceMarketFeed"/> (Binance, the testnet or the simulator: only the
/// address differs): the trade stream of every symbol on one combined-stream connection, and optionally a local
/// order book per symbol (diff depth stream + REST snapshots, <see cref="OrderBookSynchronizer"/>).
/// </summary>
public sealed class BinanceFeedSource : IMarketDataSource
{
    private readonly BinanceMarketFeed _feed;
    private readonly OrderBookSynchronizer[] _books;

    /// <summary>Creates the source and its feed; nothing connects before <see cref="Start"/>.</summary>
    /// <param name="options">The feed's settings (address, schedulers, timeouts).</param>
    /// <param name="symbols">The symbols whose trades are subscribed.</param>
    /// <param name="bookTickers">Also subscribe their best bid/ask (what a paper venue fills against).</param>
    /// <param name="orderBooksFrom">
    /// When given, keep a local order book per symbol, with snapshots from this client (each costs 250 request weight
    /// on Binance: keep it for a handful of symbols). Null: no books.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="symbols"/> is empty.</exception>
    public BinanceFeedSource(BinanceFeedOptions options, IReadOnlyCollection<Symbol> symbols, bool bookTickers = false, BinanceRestClient? orderBooksFrom = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Count == 0)
        {
            throw new ArgumentException("At least one symbol is needed.", nameof(symbols));
        }

        Name = options.Name;
        DeliveryScheduler = options.ConsumerScheduler;
        _feed = new BinanceMarketFeed(options);
        _feed.Subscribe(symbols.Select(StreamName.Trade).Concat(bookTickers ? symbols.Select(StreamName.BookTicker) : []).ToArray());
        _books = orderBooksFrom is null
            ? []
            : symbols.Select(s => BinanceOrderBooks.FromFeed(_feed, orderBooksFrom, s, options.Scheduler)).ToArray();
        BookSync = _books
            .Select(static book => book.Status.Select(static s => new BookSyncChange(s.Symbol, s.State == OrderBookSyncState.Synced, s.Reason.ToString())))
            .Merge()
            .DistinctUntilChanged(static c => (c.Symbol, c.IsSynced));
    }

    /// <summary>The local order books (empty without books): top of book and depth while synchronised.</summary>
    public IReadOnlyList<OrderBookSynchronizer> OrderBooks => _books;

    /// <inheritdoc/>
    public IObservable<BookSyncChange> BookSync { get; }

    /// <summary>The underlying feed (statistics, state, more streams).</summary>
    public BinanceMarketFeed Feed => _feed;

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public IObservable<Trade> Trades => _feed.Trades;

    /// <inheritdoc/>
    public IScheduler? DeliveryScheduler { get; }

    /// <inheritdoc/>
    public IObservable<ConnectionEvent> ConnectionEvents => _feed.ConnectionEvents;

    /// <inheritdoc/>
    public MarketSourceCounters ReadCounters()
    {
        var statistics = _feed.Statistics;
        return new MarketSourceCounters(
            _feed.State.ToString(),
            statistics.Decoder.Decoded,
            statistics.Bytes,
            statistics.HandOff.Dropped,
            statistics.Decoder.Malformed,
            statistics.Reconnects,
            statistics.Gaps,
            statistics.EventLatency.Percentile(0.50),
            statistics.EventLatency.Percentile(0.99),
            _books.Sum(static b => b.Statistics.Resyncs));
    }

    /// <inheritdoc/>
    public void Start()
    {
        foreach (var book in _books)
        {
            book.Start();
        }

        _feed.Start();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var book in _books)
        {
            book.Dispose();
        }

        _feed.Dispose();
    }
}

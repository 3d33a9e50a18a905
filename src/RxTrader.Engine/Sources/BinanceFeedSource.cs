using System.Reactive.Concurrency;
using RxTrader.Binance.Feed;
using RxTrader.Binance.Wire;
using RxTrader.Core;
using RxTrader.Core.Connectivity;
using RxTrader.Core.MarketData;

namespace RxTrader.Engine.Sources;

/// <summary>
/// The engine's market data from a <see cref="BinanceMarketFeed"/> (Binance, the testnet or the simulator: only the
/// address differs): the trade stream of every symbol on one combined-stream connection.
/// </summary>
public sealed class BinanceFeedSource : IMarketDataSource
{
    private readonly BinanceMarketFeed _feed;

    /// <summary>Creates the source and its feed; nothing connects before <see cref="Start"/>.</summary>
    /// <param name="options">The feed's settings (address, schedulers, timeouts).</param>
    /// <param name="symbols">The symbols whose trades are subscribed.</param>
    /// <param name="bookTickers">Also subscribe their best bid/ask (what a paper venue fills against).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="symbols"/> is empty.</exception>
    public BinanceFeedSource(BinanceFeedOptions options, IReadOnlyCollection<Symbol> symbols, bool bookTickers = false)
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
    }

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
            statistics.EventLatency.Percentile(0.99));
    }

    /// <inheritdoc/>
    public void Start() => _feed.Start();

    /// <inheritdoc/>
    public void Dispose() => _feed.Dispose();
}

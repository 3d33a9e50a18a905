using System.Reactive.Concurrency;
using System.Reactive.Linq;
using RxTrader.Binance.Feed;
using RxTrader.Binance.Rest;
using RxTrader.Binance.Wire;
using RxTrader.Core;
using RxTrader.Core.Connectivity;
using RxTrader.Core.MarketData;
using RxTrader.Streams.FlowControl;

namespace RxTrader.Binance.OrderBooks;

/// <summary>Wires an <see cref="OrderBookSynchronizer"/> to a <see cref="BinanceMarketFeed"/> and a <see cref="BinanceRestClient"/>.</summary>
public static class BinanceOrderBooks
{
    /// <summary>The snapshot depth requested (<c>GET /api/v3/depth?limit=1000</c>, weight 250).</summary>
    public const int SnapshotLimit = 1000;

    /// <summary>The default snapshot retry delays: 1 s doubling up to 30 s, no jitter.</summary>
    public static ExponentialBackoff SnapshotBackoff { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    /// <summary>
    /// Subscribes <c>&lt;symbol&gt;@depth@100ms</c> on <paramref name="feed"/> and returns a synchronizer (not started)
    /// fed by the feed's depth updates of <paramref name="symbol"/> and its connection events, with REST snapshots.
    /// </summary>
    /// <remarks>
    /// <para>Connection events pass through except <see cref="Gap"/>s of other streams (the feed reports one per
    /// stream). If the feed is already connected, the synchronizer starts as if it had just connected.</para>
    /// <para>The snapshot source is <see cref="BinanceRestClient.GetDepthAsync"/> with <see cref="SnapshotLimit"/>;
    /// any result other than <c>Ok</c> throws <see cref="HttpRequestException"/> naming the result, which the
    /// synchronizer treats as a failed attempt and retries after <see cref="OrderBookSynchronizerOptions.SnapshotRetryDelay"/>
    /// (<see cref="SnapshotBackoff"/> unless <paramref name="options"/> says otherwise).</para>
    /// <para>Disposing the synchronizer does not unsubscribe the stream from the feed.</para>
    /// </remarks>
    /// <param name="feed">The feed carrying the diffs.</param>
    /// <param name="rest">The REST client for snapshots.</param>
    /// <param name="symbol">The symbol of the book.</param>
    /// <param name="scheduler">The synchronizer's scheduler.</param>
    /// <param name="options">Settings; <c>null</c> for the defaults with <see cref="SnapshotBackoff"/>.</param>
    /// <returns>The synchronizer; call <see cref="OrderBookSynchronizer.Start"/>.</returns>
    /// <exception cref="ArgumentNullException">A reference argument other than <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="symbol"/> is <c>default</c>.</exception>
    public static OrderBookSynchronizer FromFeed(
        BinanceMarketFeed feed, BinanceRestClient rest, Symbol symbol, IScheduler scheduler, OrderBookSynchronizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(rest);
        ArgumentNullException.ThrowIfNull(scheduler);
        if (symbol.IsDefault)
        {
            throw new ArgumentException("The order book needs a symbol.", nameof(symbol));
        }

        var stream = StreamName.DiffDepth(symbol, DepthUpdateSpeed.Every100Ms);
        var source = stream.ToString();
        var events = feed.ConnectionEvents.Where(e => e is not Gap gap || gap.Source == source);
        var connectionEvents = Observable.Defer(() => feed.State == FeedState.Connected
            ? events.StartWith(new Connected(scheduler.Now, source))
            : events);
        var synchronizer = new OrderBookSynchronizer(
            symbol,
            feed.DepthUpdates.Where(u => u.Symbol == symbol),
            connectionEvents,
            (s, ct) => FetchAsync(rest, s, ct),
            scheduler,
            options ?? new OrderBookSynchronizerOptions { SnapshotRetryDelay = SnapshotBackoff.BaseDelay });
        feed.Subscribe([stream]);
        return synchronizer;
    }

    private static async Task<DepthSnapshot> FetchAsync(BinanceRestClient rest, Symbol symbol, CancellationToken cancellationToken) =>
        await rest.GetDepthAsync(symbol, SnapshotLimit, cancellationToken).ConfigureAwait(false) switch
        {
            RestResult<DepthSnapshot>.Ok ok => ok.Value,
            var failed => throw new HttpRequestException($"Depth snapshot of {symbol} failed: {failed}"),
        };
}

using RxTrader.Core.Connectivity;
using RxTrader.Core.MarketData;

namespace RxTrader.Engine.Sources;

/// <summary>
/// Where the engine's market data comes from: a live feed, the simulator through the same feed, or a replay. Its
/// streams never fail: transport trouble arrives as <see cref="ConnectionEvents"/>.
/// </summary>
public interface IMarketDataSource : IDisposable
{
    /// <summary>A short name for logs and the dashboard (for example <c>binance-market</c>).</summary>
    string Name { get; }

    /// <summary>Trades of the subscribed symbols, in arrival order, delivered one at a time.</summary>
    IObservable<Trade> Trades { get; }

    /// <summary>
    /// The scheduler the source delivers <see cref="Trades"/> on, or <see langword="null"/> when it is not one
    /// scheduler. When the engine has one pipeline shard and it is this scheduler, trades go to the pipelines
    /// directly: the source's own bounded hand-off already separates them from the socket.
    /// </summary>
    System.Reactive.Concurrency.IScheduler? DeliveryScheduler { get; }

    /// <summary>Connection events (connected, disconnected, reconnecting, stale, fresh, gaps).</summary>
    IObservable<ConnectionEvent> ConnectionEvents { get; }

    /// <summary>
    /// Changes of the source's local order books (empty for a source without books). While a symbol's book is not
    /// synchronised the engine's risk gate takes no new orders for it.
    /// </summary>
    IObservable<BookSyncChange> BookSync { get; }

    /// <summary>The source's counters at this instant.</summary>
    /// <returns>The counters.</returns>
    MarketSourceCounters ReadCounters();

    /// <summary>Starts receiving (streams subscribed before this see everything).</summary>
    void Start();
}

namespace RxTrader.Binance.Feed;

/// <summary>Where a <see cref="BinanceMarketFeed"/> is in its connection cycle.</summary>
public enum FeedState
{
    /// <summary>Created, <see cref="BinanceMarketFeed.Start"/> not called yet.</summary>
    Idle = 0,

    /// <summary>A connection is opening.</summary>
    Connecting,

    /// <summary>A connection is open.</summary>
    Connected,

    /// <summary>Waiting for the backoff delay before the next attempt.</summary>
    WaitingToReconnect,

    /// <summary>Gave up after <see cref="BinanceFeedOptions.MaxReconnectAttempts"/> failures; see <see cref="FeedGaveUp"/>.</summary>
    GaveUp,

    /// <summary>Disposed.</summary>
    Disposed,
}

namespace RxTrader.Binance.Fallback;

/// <summary>Where a <see cref="MarketDataFallback"/> takes its market data from.</summary>
public enum FallbackMode
{
    /// <summary>The WebSocket streams (the normal case).</summary>
    Socket,

    /// <summary>REST polling, while the socket has been down longer than the threshold.</summary>
    Rest,
}

namespace RxTrader.Binance.Rest;

/// <summary>Why the outcome of a request is unknown.</summary>
public enum UnknownReason
{
    /// <summary>The exchange answered HTTP 5xx ("status unknown", not "failed").</summary>
    ServerError,

    /// <summary>No complete answer within <see cref="BinanceRestOptions.RequestTimeout"/>.</summary>
    Timeout,

    /// <summary>The connection failed or dropped (refused, reset, DNS, TLS).</summary>
    Transport,
}

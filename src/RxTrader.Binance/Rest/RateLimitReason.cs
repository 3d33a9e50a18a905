namespace RxTrader.Binance.Rest;

/// <summary>Why a request was rate-limited.</summary>
public enum RateLimitReason
{
    /// <summary>The exchange answered HTTP 429: a request-weight, raw-request or order-count limit was broken.</summary>
    TooManyRequests,

    /// <summary>The exchange answered HTTP 418: the IP is banned for continuing after 429s.</summary>
    IpBanned,

    /// <summary>Not sent: an earlier 429/418 blocks requests until its <c>Retry-After</c> has passed.</summary>
    Blocked,

    /// <summary>Not sent: the request's weight would exceed the client's budget for the current minute.</summary>
    WeightBudget,
}

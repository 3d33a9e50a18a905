namespace RxTrader.Simulator.Server;

/// <summary>What the limiter decided for one request.</summary>
internal enum RateLimitVerdict
{
    /// <summary>Within budget.</summary>
    Allowed,

    /// <summary>Over the weight budget: HTTP 429 <c>-1003</c>.</summary>
    TooMuchWeight,

    /// <summary>Over the raw request budget: HTTP 429 <c>-1003</c>.</summary>
    TooManyRequests,

    /// <summary>Banned for continuing after a 429: HTTP 418 <c>-1003</c>.</summary>
    Banned,
}

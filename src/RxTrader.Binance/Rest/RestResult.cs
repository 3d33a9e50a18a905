namespace RxTrader.Binance.Rest;

/// <summary>
/// The outcome of a REST call, as data: <see cref="Ok"/>, <see cref="Rejected"/> (the exchange refused),
/// <see cref="Malformed"/> (the exchange answered success with a body this client cannot read),
/// <see cref="RateLimited"/> (refused by the exchange's limits, or locally without being sent) or
/// <see cref="Unknown"/> (no usable answer: whether the request was executed is unknown).
/// </summary>
/// <remarks>Expected failures never throw; only argument errors and the caller's own cancellation do.</remarks>
/// <typeparam name="T">The type of the value of a successful call.</typeparam>
public abstract record RestResult<T>
{
    // Closed hierarchy: only the nested cases derive.
    private RestResult()
    {
    }

    /// <summary>The exchange answered with a readable success.</summary>
    /// <param name="Value">The mapped response.</param>
    public sealed record Ok(T Value) : RestResult<T>;

    /// <summary>The exchange refused: HTTP 4xx with a Binance error body, or a non-Binance error page (e.g. a WAF
    /// 403).</summary>
    /// <param name="HttpStatus">The HTTP status code of the answer.</param>
    /// <param name="Code">The Binance error code (<c>code</c>, e.g. -1121), or null when the body has none.</param>
    /// <param name="Message">The Binance message (<c>msg</c>), or the status and an excerpt of the body.</param>
    public sealed record Rejected(int HttpStatus, int? Code, string Message) : RestResult<T>;

    /// <summary>The exchange answered success, but the body is not valid JSON or not the documented shape.</summary>
    /// <param name="HttpStatus">The HTTP status code of the answer.</param>
    /// <param name="Message">The request and what was wrong, naming the field.</param>
    public sealed record Malformed(int HttpStatus, string Message) : RestResult<T>;

    /// <summary>The request hit a rate limit: answered 429/418 by the exchange, or refused locally without being
    /// sent (see <see cref="Reason"/>).</summary>
    /// <param name="Reason">Which limit, and whether the request reached the exchange.</param>
    /// <param name="RetryAt">The earliest time a request can be sent again.</param>
    /// <param name="Code">The Binance error code of a 429/418 answer (e.g. -1003), or null.</param>
    /// <param name="Message">The Binance message, or the local reason.</param>
    public sealed record RateLimited(RateLimitReason Reason, DateTimeOffset RetryAt, int? Code, string Message) : RestResult<T>;

    /// <summary>No usable answer: a 5xx, a timeout or a transport failure. The request may or may not have been
    /// executed; for orders, query before retrying.</summary>
    /// <param name="Reason">What happened.</param>
    /// <param name="Message">Details (HTTP status and body, or the transport error).</param>
    public sealed record Unknown(UnknownReason Reason, string Message) : RestResult<T>;
}

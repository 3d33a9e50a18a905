using RxTrader.Streams.FlowControl;

namespace RxTrader.Binance.Rest;

/// <summary>Settings of <see cref="BinanceRestClient"/>. Defaults follow the production rules of the seed system
/// and Binance's published limits.</summary>
public sealed record BinanceRestOptions
{
    /// <summary>The REST root the API paths are resolved against (Binance, the testnet or the loopback simulator).</summary>
    /// <value>Default <c>https://api.binance.com/</c>. Must be absolute; a missing trailing slash is added.</value>
    public Uri BaseAddress
    {
        get;
        init => field = value is { IsAbsoluteUri: true } && !value.AbsoluteUri.EndsWith('/')
            ? new Uri(value.AbsoluteUri + "/")
            : value;
    } = new("https://api.binance.com/");

    /// <summary>The total time one request may take, sending and reading the whole body, measured with the
    /// client's <see cref="TimeProvider"/> (not <see cref="HttpClient.Timeout"/>, which is disabled).</summary>
    /// <value>Default 30 s. Positive.</value>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The TCP/TLS connect timeout of the pooled handler (wall clock: it lives in the socket layer).</summary>
    /// <value>Default 10 s. Positive.</value>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The most connections the pooled handler opens to one server.</summary>
    /// <value>Default 30.</value>
    /// <remarks><see cref="SocketsHttpHandler"/> only limits connections per server. A client talks to one
    /// <see cref="BaseAddress"/>, so its total is this value; the seed system's 100-connection total is therefore
    /// bounded by (number of clients) × this value, and holds while a process runs at most three clients.</remarks>
    public int MaxConnectionsPerServer { get; init; } = 30;

    /// <summary>How long a pooled connection is reused before it is replaced, so DNS changes are picked up.</summary>
    /// <value>Default 5 minutes. Positive.</value>
    public TimeSpan PooledConnectionLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The request weight the client allows itself per one-minute window (Binance allows 6000 per IP);
    /// a request that would go past it is refused locally with <see cref="RateLimitReason.WeightBudget"/>.</summary>
    /// <value>Default 5000, leaving room for other processes on the same IP; null disables the guard.</value>
    public int? WeightBudgetPerMinute { get; init; } = 5000;

    /// <summary>How long to block requests after a 429 or 418 that carries no <c>Retry-After</c> header.</summary>
    /// <value>Default 60 s. Positive.</value>
    public TimeSpan DefaultRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times a GET answered with 429 is sent again after waiting.</summary>
    /// <value>Default 0 (no automatic retry). 418 bans are never retried.</value>
    public int MaxRateLimitRetries { get; init; }

    /// <summary>The wait before retry n is <c>max(Backoff.BaseDelay(n), time until the block ends)</c>.</summary>
    /// <value>Default 1 s doubling up to 60 s.</value>
    public ExponentialBackoff RateLimitBackoff { get; init; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(BaseAddress, nameof(BaseAddress));
        ArgumentNullException.ThrowIfNull(RateLimitBackoff, nameof(RateLimitBackoff));
        if (!BaseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("The base address must be absolute.", nameof(BaseAddress));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero, nameof(RequestTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxConnectionsPerServer, nameof(MaxConnectionsPerServer));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PooledConnectionLifetime, TimeSpan.Zero, nameof(PooledConnectionLifetime));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DefaultRetryAfter, TimeSpan.Zero, nameof(DefaultRetryAfter));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRateLimitRetries, nameof(MaxRateLimitRetries));
        if (WeightBudgetPerMinute is { } budget)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budget, nameof(WeightBudgetPerMinute));
        }
    }
}

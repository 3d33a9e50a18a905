namespace RxTrader.Simulator.Server;

/// <summary>The simulator's rate-limit budgets (exchangeInfo <c>rateLimits</c>); windows are aligned like
/// Binance's (each whole minute, each 10 s, each 5 minutes, each UTC day).</summary>
public sealed record SimulatorRateLimits
{
    /// <summary>REQUEST_WEIGHT per IP per minute.</summary>
    /// <value>Default 6000.</value>
    public int RequestWeightPerMinute { get; init; } = 6000;

    /// <summary>RAW_REQUESTS per IP per 5 minutes.</summary>
    /// <value>Default 61000.</value>
    public int RawRequestsPer5Minutes { get; init; } = 61000;

    /// <summary>ORDERS (unfilled order count) per account per 10 seconds.</summary>
    /// <value>Default 50.</value>
    public int OrdersPer10Seconds { get; init; } = 50;

    /// <summary>ORDERS (unfilled order count) per account per UTC day.</summary>
    /// <value>Default 160000.</value>
    public int OrdersPerDay { get; init; } = 160_000;

    /// <summary>How long an IP that keeps sending after a 429 in the same window is banned (HTTP 418).</summary>
    /// <value>Default 2 minutes (Binance's shortest ban).</value>
    public TimeSpan BanDuration { get; init; } = TimeSpan.FromMinutes(2);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RequestWeightPerMinute);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RawRequestsPer5Minutes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(OrdersPer10Seconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(OrdersPerDay);
        ArgumentOutOfRangeException.ThrowIfLessThan(BanDuration, TimeSpan.FromSeconds(1));
    }
}

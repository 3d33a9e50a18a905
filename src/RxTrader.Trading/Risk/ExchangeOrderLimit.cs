namespace RxTrader.Trading.Risk;

/// <summary>An exchange order-count limit (Binance <c>rateLimits</c> of type <c>ORDERS</c>, e.g. 50 per 10 s and
/// 160,000 per day).</summary>
/// <remarks>Counted in fixed windows aligned to the UTC epoch (a day window starts at UTC midnight), like the
/// exchange's own counters.</remarks>
public readonly record struct ExchangeOrderLimit
{
    /// <summary>Creates a limit.</summary>
    /// <param name="interval">The window length; positive.</param>
    /// <param name="limit">The orders allowed per window; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is not positive.</exception>
    public ExchangeOrderLimit(TimeSpan interval, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        Interval = interval;
        Limit = limit;
    }

    /// <summary>The window length.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The orders allowed per window.</summary>
    public int Limit { get; }
}

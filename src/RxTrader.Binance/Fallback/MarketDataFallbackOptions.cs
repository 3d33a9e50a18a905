namespace RxTrader.Binance.Fallback;

/// <summary>Settings of a <see cref="MarketDataFallback"/>.</summary>
public sealed record MarketDataFallbackOptions
{
    /// <summary>The name used as <see cref="Core.Connectivity.ConnectionEvent.Source"/> of the switch events.</summary>
    /// <value>Default <c>fallback</c>.</value>
    public string Name { get; init; } = "fallback";

    /// <summary>The kline interval code polled, e.g. <c>1m</c>; should match the socket's kline streams.</summary>
    /// <value>Default <c>1m</c>.</value>
    public string KlineInterval { get; init; } = "1m";

    /// <summary>How long the socket must stay down (Disconnected, Stale or given up, with no Connected/Fresh since)
    /// before polling starts.</summary>
    /// <value>Default 5 seconds.</value>
    public TimeSpan SwitchAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The period of book-ticker polls, per symbol.</summary>
    /// <value>Default 1 second.</value>
    public TimeSpan BookTickerPollPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The period of kline polls, per symbol.</summary>
    /// <value>Default 2 seconds.</value>
    public TimeSpan KlinesPollPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The share of the one-minute request weight polling may use: a poll (weight 2) is skipped when the
    /// source's current minute weight plus 2 would exceed it.</summary>
    /// <value>Default 600 (a tenth of the spot limit of 6000).</value>
    public int WeightBudgetPerMinute { get; init; } = 600;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException"><see cref="Name"/> or <see cref="KlineInterval"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A period, <see cref="SwitchAfter"/> or the budget is not positive.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(KlineInterval);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SwitchAfter, TimeSpan.Zero, nameof(SwitchAfter));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BookTickerPollPeriod, TimeSpan.Zero, nameof(BookTickerPollPeriod));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(KlinesPollPeriod, TimeSpan.Zero, nameof(KlinesPollPeriod));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(WeightBudgetPerMinute, nameof(WeightBudgetPerMinute));
    }
}

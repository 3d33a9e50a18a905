namespace RxTrader.Simulator.Publishing;

/// <summary>Bounds of the market history <see cref="MarketStreamHub"/> keeps per symbol.</summary>
public sealed record MarketStreamHubOptions
{
    /// <summary>Recent trades kept per symbol for <c>GET /api/v3/trades</c>.</summary>
    /// <value>Default 1000.</value>
    public int TradeHistory { get; init; } = 1000;

    /// <summary>Recent aggregate trades kept per symbol for <c>GET /api/v3/aggTrades</c>.</summary>
    /// <value>Default 1000.</value>
    public int AggregateTradeHistory { get; init; } = 1000;

    /// <summary>Closed klines kept per symbol and interval (plus the open one) for <c>GET /api/v3/klines</c>.</summary>
    /// <value>Default 1000.</value>
    public int KlineHistory { get; init; } = 1000;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TradeHistory);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(AggregateTradeHistory);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(KlineHistory);
    }
}

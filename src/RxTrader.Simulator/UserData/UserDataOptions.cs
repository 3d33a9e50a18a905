namespace RxTrader.Simulator.UserData;

/// <summary>The user data stream: listenKey lifetime and the keep-alive of user-data and WebSocket-API connections.</summary>
public sealed record UserDataOptions
{
    /// <summary>How long a listenKey lives after its creation or its last keep-alive (<c>PUT</c>).</summary>
    /// <value>Default 60 minutes (Binance).</value>
    public TimeSpan ListenKeyValidity { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>Interval between the server's keep-alive pings on <c>/ws/&lt;listenKey&gt;</c> and <c>/ws-api/v3</c>.</summary>
    /// <value>Default 20 s (Binance); <see cref="TimeSpan.Zero"/> sends none.</value>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a connection may live before the server closes it; null for no limit.</summary>
    /// <value>Default 24 h (Binance).</value>
    public TimeSpan? MaxConnectionLifetime { get; init; } = TimeSpan.FromHours(24);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ListenKeyValidity, TimeSpan.Zero, nameof(ListenKeyValidity));
        ArgumentOutOfRangeException.ThrowIfLessThan(PingInterval, TimeSpan.Zero, nameof(PingInterval));
        if (MaxConnectionLifetime is { } lifetime)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero, nameof(MaxConnectionLifetime));
        }
    }
}

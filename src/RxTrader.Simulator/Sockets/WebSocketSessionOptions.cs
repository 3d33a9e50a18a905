namespace RxTrader.Simulator.Sockets;

/// <summary>Limits and timings of one <see cref="SimulatorWebSocket"/> connection.</summary>
internal sealed record WebSocketSessionOptions
{
    /// <summary>The Binance production values (binance-wire §1.2): 24 h lifetime and 5 inbound messages per second.</summary>
    public static WebSocketSessionOptions Binance { get; } = new()
    {
        MaxLifetime = TimeSpan.FromHours(24),
        MaxInboundMessagesPerSecond = 5,
    };

    /// <summary>Interval between keep-alive pings.</summary>
    /// <value>20 s (Binance). <see cref="TimeSpan.Zero"/> disables pings and the pong timeout.</value>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long after the first unanswered ping the connection is closed when no pong arrives.</summary>
    /// <value>60 s (Binance).</value>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for the peer's close frame (or for the last writes) after a close began, before dropping the connection.</summary>
    /// <value>2 s.</value>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Maximum connection lifetime, after which the server closes with 1001; null for none.</summary>
    /// <value>null (Binance: 24 h, see <see cref="Binance"/>).</value>
    public TimeSpan? MaxLifetime { get; init; }

    /// <summary>Inbound frames (data messages, pings, pongs, close) allowed per second; more closes the connection with 1008. Null for no limit.</summary>
    /// <value>null (Binance: 5).</value>
    public int? MaxInboundMessagesPerSecond { get; init; }

    /// <summary>Largest client message (after reassembly of fragments); larger closes the connection with 1009.</summary>
    /// <value>1 MiB.</value>
    public int MaxMessageBytes { get; init; } = 1 << 20;

    /// <summary>Outbound queue capacity in bytes; a frame that does not fit closes the connection as a slow consumer.</summary>
    /// <value>4 MiB.</value>
    public int SendQueueBytes { get; init; } = 4 << 20;

    /// <summary>Size of one coalesced write: frames are packed back to back into buffers of this size, each written and flushed at once.</summary>
    /// <value>64 KiB.</value>
    public int WriteBufferBytes { get; init; } = 64 << 10;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size or timing is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PingInterval, TimeSpan.Zero, nameof(PingInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PongTimeout, TimeSpan.Zero, nameof(PongTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CloseTimeout, TimeSpan.Zero, nameof(CloseTimeout));
        if (MaxLifetime is { } lifetime)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero, nameof(MaxLifetime));
        }

        if (MaxInboundMessagesPerSecond is { } rate)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate, nameof(MaxInboundMessagesPerSecond));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxMessageBytes, nameof(MaxMessageBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(WriteBufferBytes, 256, nameof(WriteBufferBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(SendQueueBytes, WriteBufferBytes, nameof(SendQueueBytes));
    }
}

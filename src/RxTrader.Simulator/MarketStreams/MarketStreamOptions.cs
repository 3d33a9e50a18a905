namespace RxTrader.Simulator.MarketStreams;

/// <summary>Limits and timings of the public market-stream WebSocket connections (<c>/ws</c>, <c>/ws/...</c>,
/// <c>/stream?streams=</c>); the defaults are Binance's production values (binance-wire §1.2).</summary>
public sealed record MarketStreamOptions
{
    /// <summary>Interval between the server's keep-alive pings.</summary>
    /// <value>Default 20 s. <see cref="TimeSpan.Zero"/> disables pings and the pong timeout.</value>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long after the first unanswered ping the connection is closed when no pong (of any payload) arrives.</summary>
    /// <value>Default 60 s.</value>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Connection lifetime; when it elapses the server sends <c>serverShutdown</c> and closes with 1001. Null for none.</summary>
    /// <value>Default 24 h.</value>
    public TimeSpan? Lifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Inbound frames per second per connection (control messages, pings, pongs all count); more closes the
    /// connection with 1008. Null for no limit.</summary>
    /// <value>Default 5.</value>
    public int? MaxMessagesPerSecond { get; init; } = 5;

    /// <summary>Streams one connection may hold; a <c>SUBSCRIBE</c> beyond it is refused with an error reply, a URL
    /// naming more is refused with HTTP 400.</summary>
    /// <value>Default 1024.</value>
    public int MaxStreamsPerConnection { get; init; } = 1024;

    /// <summary>Outbound queue bound per connection in bytes; a client that falls further behind is dropped.</summary>
    /// <value>Default 4 MiB.</value>
    public int SendQueueBytes { get; init; } = 4 << 20;

    /// <summary>Whether the load-test stream <c>&lt;symbol&gt;@trade@firehose</c> may be subscribed (see the folder README).</summary>
    /// <value>Default false: each firehose subscription runs its own thread, so a server offers it only when a load
    /// test asks for it.</value>
    public bool EnableFirehose { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PingInterval, TimeSpan.Zero, nameof(PingInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PongTimeout, TimeSpan.Zero, nameof(PongTimeout));
        if (Lifetime is { } lifetime)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero, nameof(Lifetime));
        }

        if (MaxMessagesPerSecond is { } rate)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate, nameof(MaxMessagesPerSecond));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxStreamsPerConnection, nameof(MaxStreamsPerConnection));
        ArgumentOutOfRangeException.ThrowIfLessThan(SendQueueBytes, 64 << 10, nameof(SendQueueBytes));
    }
}

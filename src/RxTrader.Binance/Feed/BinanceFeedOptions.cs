using System.Net.WebSockets;
using System.Reactive.Concurrency;
using RxTrader.Streams.FlowControl;

namespace RxTrader.Binance.Feed;

/// <summary>Settings of <see cref="BinanceMarketFeed"/>; checked by the feed's constructor.</summary>
public sealed record BinanceFeedOptions
{
    /// <summary>The most streams one Binance connection carries (binance-wire.md §1.2).</summary>
    public const int BinanceStreamLimit = 1024;

    /// <summary>The most streams the feed puts on one connection.</summary>
    /// <value>Default <see cref="BinanceStreamLimit"/> (1024); from 1 to that. <see cref="BinanceMarketFeedGroup"/>
    /// opens another connection past it.</value>
    public int StreamsPerConnection { get; init; } = BinanceStreamLimit;

    /// <summary>The WebSocket root; the feed appends <c>/stream?streams=…</c>.</summary>
    /// <value>Default <c>wss://stream.binance.com:9443</c>. Tests use <c>ws://127.0.0.1:PORT</c>.</value>
    public Uri BaseUri { get; init; } = new("wss://stream.binance.com:9443");

    /// <summary>The <see cref="Core.Connectivity.ConnectionEvent.Source"/> of the feed's connection events.</summary>
    /// <value>Default <c>binance-market</c>.</value>
    public string Name { get; init; } = "binance-market";

    /// <summary>Runs every timer of the feed (connect, silence, backoff, rotation, control pacing) and is its clock.</summary>
    public required IScheduler Scheduler { get; init; }

    /// <summary>Where subscribers receive data and events; the receive loop never runs subscriber code.</summary>
    public required IScheduler ConsumerScheduler { get; init; }

    /// <summary>How long a connection may take to open before it is dropped with <c>ConnectTimeout</c>.</summary>
    /// <value>Default 10 s.</value>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an open connection may deliver no frame before it is dropped with <c>SilenceTimeout</c>.</summary>
    /// <value>Default 60 s. Binance's 20 s pings are answered inside <see cref="ClientWebSocket"/> and never surface
    /// as frames, so silence means "no data"; illiquid trade streams can be quiet for tens of seconds, and Binance
    /// itself drops a client whose pong is missing for 1 minute, so 60 s catches a dead TCP path about as fast as
    /// the server would without reconnecting healthy quiet feeds.</value>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The silence after which <see cref="BinanceMarketFeed.ConnectionEvents"/> reports <c>Stale</c>.</summary>
    /// <value>Default 10 s.</value>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many reconnect attempts in a row (without a successful open) before the feed gives up.</summary>
    /// <value>Default 100. After that the feed emits <see cref="FeedGaveUp"/> and stays disconnected.</value>
    public int MaxReconnectAttempts { get; init; } = 100;

    /// <summary>The reconnect delays; attempt n waits <c>Backoff.Delay(n, random)</c>.</summary>
    /// <value>Default 1 s doubling to 60 s, ±20 % jitter so clients that dropped together spread out.</value>
    public ExponentialBackoff Backoff { get; init; } =
        new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), multiplier: 2, jitter: 0.2);

    /// <summary>The seed of the jitter draws, so a run's delays can be replayed.</summary>
    /// <value>Default 0.</value>
    public int JitterSeed { get; init; }

    /// <summary>How long a connection is used before the feed replaces it (Binance closes it at 24 h).</summary>
    /// <value>Default 23 h; <c>null</c> disables rotation.</value>
    public TimeSpan? RotationInterval { get; init; } = TimeSpan.FromHours(23);

    /// <summary>The most streams named in the connect URL (and in one SUBSCRIBE); the rest of the set is
    /// subscribed after the open, in paced SUBSCRIBE messages of this many streams.</summary>
    /// <value>Default 200 (a URL of about 4 KB; a 1024-stream URL would be about 20 KB, past common request-line
    /// limits such as Kestrel's 8 KB).</value>
    public int MaxStreamsPerRequest { get; init; } = 200;

    /// <summary>The most control messages (SUBSCRIBE/UNSUBSCRIBE) sent per second; the rest queue.</summary>
    /// <value>Default 4: Binance allows 5 incoming messages per second and the client's pongs count too.</value>
    public int ControlMessagesPerSecond { get; init; } = 4;

    /// <summary>The capacity of each subscriber's hand-off queue.</summary>
    /// <value>Default <see cref="BoundedHandOff.DefaultCapacity"/> (1000).</value>
    public int HandOffCapacity { get; init; } = BoundedHandOff.DefaultCapacity;

    /// <summary>What a full hand-off queue drops.</summary>
    /// <value>Default <see cref="OverflowPolicy.DropOldest"/>; <see cref="OverflowPolicy.ConflatePerKey"/> is not allowed.</value>
    public OverflowPolicy HandOffPolicy { get; init; } = OverflowPolicy.DropOldest;

    /// <summary>Creates the <see cref="ClientWebSocket"/> of a connection, e.g. to set a proxy.</summary>
    /// <value>Default <c>null</c>: a plain <see cref="ClientWebSocket"/>.</value>
    public Func<ClientWebSocket>? ClientFactory { get; init; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(BaseUri, nameof(BaseUri));
        ArgumentNullException.ThrowIfNull(Name, nameof(Name));
        ArgumentNullException.ThrowIfNull(Scheduler, nameof(Scheduler));
        ArgumentNullException.ThrowIfNull(ConsumerScheduler, nameof(ConsumerScheduler));
        ArgumentNullException.ThrowIfNull(Backoff, nameof(Backoff));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SilenceTimeout, TimeSpan.Zero, nameof(SilenceTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StaleAfter, TimeSpan.Zero, nameof(StaleAfter));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxReconnectAttempts, nameof(MaxReconnectAttempts));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ControlMessagesPerSecond, nameof(ControlMessagesPerSecond));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ControlMessagesPerSecond, 5, nameof(ControlMessagesPerSecond));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(HandOffCapacity, nameof(HandOffCapacity));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(StreamsPerConnection, nameof(StreamsPerConnection));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxStreamsPerRequest, nameof(MaxStreamsPerRequest));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(StreamsPerConnection, BinanceStreamLimit, nameof(StreamsPerConnection));
        if (RotationInterval is { } rotation)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(rotation, TimeSpan.Zero, nameof(RotationInterval));
        }

        if (HandOffPolicy == OverflowPolicy.ConflatePerKey || !Enum.IsDefined(HandOffPolicy))
        {
            throw new ArgumentOutOfRangeException(nameof(HandOffPolicy), HandOffPolicy, "DropOldest or DropNewest.");
        }

        if (BaseUri.Scheme is not ("ws" or "wss"))
        {
            throw new ArgumentException("The base URI must be ws:// or wss://.", nameof(BaseUri));
        }
    }
}

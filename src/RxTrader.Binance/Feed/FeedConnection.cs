using System.Reactive.Disposables;
using Websocket.Client;

namespace RxTrader.Binance.Feed;

/// <summary>One connection attempt: its client, its timers and what was received on it.</summary>
/// <remarks>Events of a connection that is no longer the feed's current one are ignored (generation check).</remarks>
internal sealed class FeedConnection(WebsocketClient client, int generation)
{
    private long _lastFrameTicks;
    private bool _isCurrent = true;

    public WebsocketClient Client { get; } = client;

    public int Generation { get; } = generation;

    /// <summary>The client's subscriptions and this connection's timers; disposed when it ends.</summary>
    public CompositeDisposable Resources { get; } = [];

    /// <summary>The pending silence check; replaced when re-armed, so re-arming does not grow <see cref="Resources"/>.</summary>
    public SerialDisposable SilenceTimer { get; } = new();

    /// <summary>Whether the socket opened.</summary>
    public bool Opened { get; set; }

    /// <summary>Whether a market payload arrived on it (the first one closes a <see cref="Core.Connectivity.Gap"/>).</summary>
    public bool SawData { get; set; }

    /// <summary>Whether this is the feed's current connection; read by the receive thread without the gate.</summary>
    public bool IsCurrent
    {
        get => Volatile.Read(ref _isCurrent);
        set => Volatile.Write(ref _isCurrent, value);
    }

    /// <summary>The scheduler time (UTC ticks) of the last frame, or of the open.</summary>
    public long LastFrameTicks
    {
        get => Volatile.Read(ref _lastFrameTicks);
        set => Volatile.Write(ref _lastFrameTicks, value);
    }
}

using System.Net.WebSockets;
using RxTrader.Streams.FlowControl;

namespace RxTrader.Binance.UserData;

/// <summary>Settings of <see cref="BinanceUserDataClient"/>. Defaults follow Binance's listenKey rules.</summary>
public sealed record UserDataStreamOptions
{
    /// <summary>The stream root: the stream connects to <c>&lt;root&gt;/ws/&lt;listenKey&gt;</c>.</summary>
    /// <value>Default <c>wss://stream.binance.com:9443/</c>. Absolute <c>ws</c>/<c>wss</c>; a missing trailing slash is added.</value>
    public Uri StreamAddress
    {
        get;
        init => field = value is { IsAbsoluteUri: true } && !value.AbsoluteUri.EndsWith('/') ? new Uri(value.AbsoluteUri + "/") : value;
    } = new("wss://stream.binance.com:9443/");

    /// <summary>The source name of the connection events.</summary>
    /// <value>Default <c>binance-user</c>.</value>
    public string Name { get; init; } = "binance-user";

    /// <summary>How often the listenKey is kept alive (<c>PUT /api/v3/userDataStream</c>); Binance expires it after 60 minutes.</summary>
    /// <value>Default 30 minutes. Positive, below 60 minutes.</value>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>How long an attempt may take to obtain a key and open the socket (on the scheduler).</summary>
    /// <value>Default 10 s. Positive.</value>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The reconnect delays; attempt n waits <c>Backoff.Delay(n, random)</c>. Reconnecting never gives up.</summary>
    /// <value>Default 1 s doubling to 30 s, ±20 % jitter.</value>
    public ExponentialBackoff Backoff { get; init; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), multiplier: 2, jitter: 0.2);

    /// <summary>The seed of the jitter draws.</summary>
    /// <value>Default 0.</value>
    public int JitterSeed { get; init; }

    /// <summary>Creates the <see cref="ClientWebSocket"/> of a connection, e.g. to set a proxy.</summary>
    /// <value>Default <c>null</c>: a plain <see cref="ClientWebSocket"/>.</value>
    public Func<ClientWebSocket>? ClientFactory { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(StreamAddress, nameof(StreamAddress));
        ArgumentNullException.ThrowIfNull(Backoff, nameof(Backoff));
        ArgumentException.ThrowIfNullOrWhiteSpace(Name, nameof(Name));
        if (!StreamAddress.IsAbsoluteUri || StreamAddress.Scheme is not ("ws" or "wss"))
        {
            throw new ArgumentException("The stream address must be an absolute ws:// or wss:// URI.", nameof(StreamAddress));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(KeepAliveInterval, TimeSpan.Zero, nameof(KeepAliveInterval));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(KeepAliveInterval, TimeSpan.FromMinutes(60), nameof(KeepAliveInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConnectTimeout, TimeSpan.Zero, nameof(ConnectTimeout));
    }
}

namespace RxTrader.Core.Connectivity;

/// <summary>Why a connection ended.</summary>
public enum DisconnectReason
{
    /// <summary>The reason is not known.</summary>
    Unknown = 0,

    /// <summary>The server closed the connection.</summary>
    ServerClosed,

    /// <summary>The server announced a shutdown (Binance <c>serverShutdown</c>).</summary>
    ServerShutdown,

    /// <summary>The transport failed (reset, refused, DNS, TLS).</summary>
    TransportError,

    /// <summary>Nothing arrived within the silence timeout, so the client dropped the connection.</summary>
    SilenceTimeout,

    /// <summary>The connection did not open within the connect timeout.</summary>
    ConnectTimeout,

    /// <summary>The client rotated the connection before the server's lifetime limit.</summary>
    Rotation,

    /// <summary>The client closed the connection on purpose.</summary>
    ClientClosed,
}

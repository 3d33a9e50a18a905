using RxTrader.Simulator.Sockets;

namespace RxTrader.Simulator.Faults;

/// <summary>Which WebSocket connections a connection fault targets (any kind when not given).</summary>
public enum ConnectionKind
{
    /// <summary>Public market streams: <c>/ws</c>, <c>/ws/...</c>, <c>/stream?streams=</c>.</summary>
    MarketStream,

    /// <summary>Legacy user-data streams: <c>/ws/&lt;listenKey&gt;</c>.</summary>
    UserData,

    /// <summary>The WebSocket API: <c>/ws-api/v3</c>.</summary>
    WebSocketApi,
}

/// <summary>Maps the public kind to the registry's.</summary>
internal static class ConnectionKindMapping
{
    public static SocketKind? ToSocketKind(this ConnectionKind? kind) => kind switch
    {
        null => null,
        ConnectionKind.MarketStream => SocketKind.MarketStream,
        ConnectionKind.UserData => SocketKind.UserData,
        ConnectionKind.WebSocketApi => SocketKind.WebSocketApi,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown connection kind."),
    };
}

using RxTrader.Simulator.Sockets;

namespace RxTrader.Simulator.Faults;

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

namespace RxTrader.Simulator.Sockets;

/// <summary>What a simulator WebSocket connection serves; fault injection can target one kind.</summary>
internal enum SocketKind
{
    /// <summary>Public market streams: <c>/ws</c>, <c>/ws/...</c>, <c>/stream?streams=</c>.</summary>
    MarketStream,

    /// <summary>A legacy user-data stream: <c>/ws/&lt;listenKey&gt;</c>.</summary>
    UserData,

    /// <summary>The WebSocket API: <c>/ws-api/v3</c>.</summary>
    WebSocketApi,
}

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

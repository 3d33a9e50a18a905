namespace RxTrader.Simulator.Sockets;

/// <summary>Why a <see cref="SimulatorWebSocket"/> connection ended (the first cause wins).</summary>
internal enum WebSocketCloseReason
{
    /// <summary>The client sent a close frame first.</summary>
    ClientClosed,

    /// <summary>The owner called <see cref="SimulatorWebSocket.Close"/>.</summary>
    ServerClosed,

    /// <summary>No pong arrived within the pong timeout of the first unanswered ping.</summary>
    PongTimeout,

    /// <summary>The outbound queue exceeded its byte capacity: the client does not read fast enough.</summary>
    SlowConsumer,

    /// <summary>The client broke RFC 6455 framing (close 1002).</summary>
    ProtocolError,

    /// <summary>A client message exceeded the maximum message size (close 1009).</summary>
    MessageTooBig,

    /// <summary>A client text message was not valid UTF-8 (close 1007).</summary>
    InvalidPayload,

    /// <summary>The maximum connection lifetime elapsed.</summary>
    LifetimeExpired,

    /// <summary>The client sent more frames per second than allowed.</summary>
    RateLimited,

    /// <summary>The owner called <see cref="SimulatorWebSocket.Abort"/>: the TCP connection was dropped without a close frame.</summary>
    Aborted,

    /// <summary>The message handler threw; the server closed with 1011.</summary>
    HandlerFailed,

    /// <summary>The transport ended (EOF or I/O error) without a close handshake.</summary>
    ConnectionLost,
}

namespace RxTrader.Simulator.Sockets;

/// <summary>RFC 6455 frame opcodes (§5.2).</summary>
internal enum WebSocketOpcode : byte
{
    /// <summary>A continuation fragment of a data message.</summary>
    Continuation = 0x0,

    /// <summary>A UTF-8 text message (first fragment).</summary>
    Text = 0x1,

    /// <summary>A binary message (first fragment).</summary>
    Binary = 0x2,

    /// <summary>Close control frame.</summary>
    Close = 0x8,

    /// <summary>Ping control frame.</summary>
    Ping = 0x9,

    /// <summary>Pong control frame.</summary>
    Pong = 0xA,
}

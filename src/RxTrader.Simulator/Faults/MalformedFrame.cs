namespace RxTrader.Simulator.Faults;

/// <summary>What <see cref="FaultInjector.SendMalformedFrame"/> sends.</summary>
public enum MalformedFrame
{
    /// <summary>A well-formed text frame whose payload is valid UTF-8 but not JSON: <c>{"e":"trade",,"E":}</c>.</summary>
    InvalidJson,

    /// <summary>A well-formed text frame carrying a trade payload cut in the middle of a value (JSON that never ends).</summary>
    TruncatedJson,

    /// <summary>A well-formed text frame whose payload is binary garbage (invalid UTF-8); a conforming client
    /// fails the connection (close 1007).</summary>
    BinaryGarbage,

    /// <summary>A broken WebSocket frame (reserved opcode <c>0x3</c>) written raw; a conforming client fails the
    /// connection (close 1002).</summary>
    ProtocolViolation,
}

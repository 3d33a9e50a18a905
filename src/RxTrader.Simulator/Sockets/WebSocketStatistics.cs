namespace RxTrader.Simulator.Sockets;

/// <summary>A consistent snapshot of one connection's counters.</summary>
/// <param name="FramesQueued">Frames accepted into the outbound queue (data, control and raw writes).</param>
/// <param name="FramesWritten">Frames whose last byte has been handed to the transport.</param>
/// <param name="BytesWritten">Wire bytes handed to the transport.</param>
/// <param name="Writes">Stream writes performed (each one coalesces many frames).</param>
/// <param name="QueuedBytes">Bytes waiting in the outbound queue now.</param>
/// <param name="QueueHighWaterBytes">The largest <paramref name="QueuedBytes"/> seen.</param>
/// <param name="TextMessagesReceived">Complete text messages delivered to the handler.</param>
/// <param name="BinaryMessagesReceived">Complete binary messages received (counted and ignored).</param>
/// <param name="PingsSent">Keep-alive pings sent.</param>
/// <param name="PongsReceived">Pongs received (solicited or not).</param>
/// <param name="PingsReceived">Client pings received (each answered with a pong).</param>
/// <param name="Closure">How the connection ended, or null while it is open.</param>
internal readonly record struct WebSocketStatistics(
    long FramesQueued,
    long FramesWritten,
    long BytesWritten,
    long Writes,
    long QueuedBytes,
    long QueueHighWaterBytes,
    long TextMessagesReceived,
    long BinaryMessagesReceived,
    long PingsSent,
    long PongsReceived,
    long PingsReceived,
    WebSocketClosure? Closure);

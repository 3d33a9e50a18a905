namespace RxTrader.Simulator.UserData;

/// <summary>Where one account's user-data events go: a legacy listenKey stream or a WebSocket-API subscription.</summary>
/// <remarks><see cref="Deliver"/> is called under the hub's gate, one event at a time, in the engine's order; it must
/// not block (sockets queue without blocking).</remarks>
internal interface IUserEventSink
{
    /// <summary>The account whose events the sink receives.</summary>
    string AccountId { get; }

    /// <summary>Sends one unwrapped event payload (the bytes are shared: copy, do not keep).</summary>
    void Deliver(ReadOnlySpan<byte> payload);
}

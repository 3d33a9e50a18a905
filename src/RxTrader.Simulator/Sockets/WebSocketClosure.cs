using System.Net.WebSockets;

namespace RxTrader.Simulator.Sockets;

/// <summary>How a connection ended: the cause, the close code sent or received (none when the transport was dropped) and a description.</summary>
/// <param name="Reason">The first cause that ended the connection.</param>
/// <param name="Status">The close code in the close frame that was sent (server-initiated) or received (client-initiated); null when no close frame was exchanged.</param>
/// <param name="Description">A short human-readable explanation (the close frame's reason text where there was one).</param>
internal sealed record WebSocketClosure(WebSocketCloseReason Reason, WebSocketCloseStatus? Status, string Description);

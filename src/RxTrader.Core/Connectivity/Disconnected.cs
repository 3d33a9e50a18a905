namespace RxTrader.Core.Connectivity;

/// <summary>A connection ended; data sent until it is back is lost unless recovered.</summary>
/// <param name="Time">When the connection was seen to end.</param>
/// <param name="Source">The connection.</param>
/// <param name="Reason">Why it ended.</param>
/// <param name="Detail">A human-readable detail (close status, exception message), if any.</param>
public sealed record Disconnected(DateTimeOffset Time, string Source, DisconnectReason Reason, string? Detail = null)
    : ConnectionEvent(Time, Source);

namespace RxTrader.Core.Connectivity;

/// <summary>A connection was established (first time or after a reconnect).</summary>
/// <param name="Time">When the connection opened.</param>
/// <param name="Source">The connection.</param>
public sealed record Connected(DateTimeOffset Time, string Source) : ConnectionEvent(Time, Source);

namespace RxTrader.Core.Connectivity;

/// <summary>A reconnect attempt is scheduled.</summary>
/// <param name="Time">When the attempt was scheduled.</param>
/// <param name="Source">The connection.</param>
/// <param name="Attempt">The attempt number, from 1, since the connection was last stable.</param>
/// <param name="Delay">How long the client waits before the attempt.</param>
public sealed record Reconnecting(DateTimeOffset Time, string Source, int Attempt, TimeSpan Delay)
    : ConnectionEvent(Time, Source);

using RxTrader.Core.Connectivity;

namespace RxTrader.Engine.Recording;

/// <summary>A connection event (connected, disconnected, reconnecting, gap, stale, fresh) as it was observed.</summary>
/// <param name="Event">The event; its <see cref="ConnectionEvent.Time"/> is the record's time.</param>
public sealed record RecordedConnectionEvent(ConnectionEvent Event) : RecordedEvent(Event.Time);

namespace RxTrader.Engine.Recording;

/// <summary>One line of a recording: a raw market frame, a connection event or an order-side record.</summary>
/// <param name="Time">When it happened (UTC); recordings keep microsecond precision, finer ticks are truncated.</param>
public abstract record RecordedEvent(DateTimeOffset Time);

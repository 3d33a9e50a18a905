namespace RxTrader.Engine.Recording;

/// <summary>A raw market-data frame exactly as received.</summary>
/// <param name="Time">Receive timestamp (UTC, microsecond precision).</param>
/// <param name="Stream">The stream or connection name the frame arrived on.</param>
/// <param name="Payload">The frame's text as received (decoded from UTF-8); its UTF-8 bytes round-trip unchanged.</param>
public sealed record RecordedFrame(DateTimeOffset Time, string Stream, string Payload) : RecordedEvent(Time);

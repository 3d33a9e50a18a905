namespace RxTrader.Engine.Recording;

/// <summary>An order-side record: an order request or a venue response, kept as an opaque JSON object.</summary>
/// <param name="Time">When it was sent or received (UTC, microsecond precision).</param>
/// <param name="Source">Who produced it (venue or component name).</param>
/// <param name="Kind">What it is, e.g. <c>request</c>, <c>response</c>, <c>fill</c>; free text chosen by the producer.</param>
/// <param name="Json">The JSON object's text; written verbatim (minified whitespace is not changed) and read back verbatim.</param>
public sealed record RecordedOrderEvent(DateTimeOffset Time, string Source, string Kind, string Json) : RecordedEvent(Time);

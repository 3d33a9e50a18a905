namespace RxTrader.Core.Connectivity;

/// <summary>A stream that was <see cref="Stale"/> delivers data again.</summary>
/// <param name="Time">When data resumed.</param>
/// <param name="Source">The stream.</param>
/// <param name="StaleFor">How long the stream was silent, from its last data to now.</param>
public sealed record Fresh(DateTimeOffset Time, string Source, TimeSpan StaleFor) : ConnectionEvent(Time, Source);

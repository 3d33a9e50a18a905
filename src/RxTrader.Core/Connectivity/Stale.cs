namespace RxTrader.Core.Connectivity;

/// <summary>A stream has delivered nothing for longer than its timeout; its latest values may be out of date.</summary>
/// <param name="Time">When the stream was declared stale.</param>
/// <param name="Source">The stream.</param>
/// <param name="LastDataTime">When the stream last delivered data, or <c>null</c> if it never did.</param>
public sealed record Stale(DateTimeOffset Time, string Source, DateTimeOffset? LastDataTime)
    : ConnectionEvent(Time, Source);

namespace RxTrader.Core.Connectivity;

/// <summary>An interval in which data of a stream was lost (for example while disconnected).</summary>
/// <param name="Time">When the gap was detected.</param>
/// <param name="Source">The stream that lost data.</param>
/// <param name="From">The last moment known to be covered by data.</param>
/// <param name="To">The first moment covered by data again.</param>
public sealed record Gap(DateTimeOffset Time, string Source, DateTimeOffset From, DateTimeOffset To)
    : ConnectionEvent(Time, Source)
{
    /// <summary>The length of the lost interval.</summary>
    public TimeSpan Duration => To - From;
}

namespace RxTrader.Host.Metrics;

/// <summary>The number of the scrape in progress, shared by every family of one exporter: observable values carry
/// it so a series that its callback no longer reports drops out of the next scrape.</summary>
internal sealed class ScrapeClock
{
    private long _generation;

    /// <summary>The current scrape's number.</summary>
    public long Generation => Volatile.Read(ref _generation);

    /// <summary>Starts the next scrape.</summary>
    public long Advance() => Interlocked.Increment(ref _generation);
}

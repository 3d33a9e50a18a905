namespace RxTrader.Host.Bench;

/// <summary>A latency distribution's percentiles, in microseconds (HdrHistogram, 3 significant digits).</summary>
/// <param name="Count">Samples.</param>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile (the seed reported this one).</param>
/// <param name="P99">99th percentile.</param>
/// <param name="P999">99.9th percentile.</param>
/// <param name="Max">Largest sample.</param>
internal sealed record LatencySummary(long Count, long P50, long P95, long P99, long P999, long Max);

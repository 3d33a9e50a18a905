using HdrHistogram;

namespace RxTrader.Host.Bench;

/// <summary>
/// An HdrHistogram of microseconds behind a lock (samples come from the pipeline shards and from venue
/// continuations; at most a few thousand per second, so a lock costs nothing that matters).
/// </summary>
internal sealed class LatencyRecorder
{
    // One hour in µs: anything slower is clamped (and still counted).
    private const long Highest = 3_600_000_000;
    private readonly Lock _gate = new();
    private readonly LongHistogram _histogram = new(Highest, 3);
    private readonly double _ticksPerMicrosecond;

    public LatencyRecorder(long timestampFrequency) => _ticksPerMicrosecond = timestampFrequency / 1_000_000d;

    /// <summary>Records the interval between two timestamps of the bench's clock.</summary>
    public void Record(long from, long to)
    {
        var microseconds = Math.Clamp((long)((to - from) / _ticksPerMicrosecond), 0, Highest);
        lock (_gate)
        {
            _histogram.RecordValue(microseconds);
        }
    }

    /// <summary>The percentiles so far.</summary>
    public LatencySummary Summary()
    {
        lock (_gate)
        {
            return _histogram.TotalCount == 0
                ? new LatencySummary(0, 0, 0, 0, 0, 0)
                : new LatencySummary(
                    _histogram.TotalCount,
                    _histogram.GetValueAtPercentile(50),
                    _histogram.GetValueAtPercentile(95),
                    _histogram.GetValueAtPercentile(99),
                    _histogram.GetValueAtPercentile(99.9),
                    _histogram.GetMaxValue());
        }
    }
}

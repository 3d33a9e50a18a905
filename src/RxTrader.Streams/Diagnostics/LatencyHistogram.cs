using System.Diagnostics.Metrics;

namespace RxTrader.Streams.Diagnostics;

/// <summary>
/// An allocation-free latency recorder: count, sum, min, max, latest and 64 power-of-two buckets of
/// microseconds. Written by one thread, readable from any thread.
/// </summary>
/// <remarks>
/// Bucket 0 holds latencies below 1 µs (including negative ones: the exchange clock may run ahead of ours,
/// counted in <see cref="Negative"/>); bucket b ≥ 1 holds [2^(b−1), 2^b) µs. <see cref="Percentile"/> answers
/// with the upper bound of the bucket, so it is exact to a factor of two.
/// </remarks>
public sealed class LatencyHistogram
{
    private const int BucketCount = 64;
    private readonly long[] _buckets = new long[BucketCount];
    private long _count;
    private long _sumTicks;
    private long _minTicks = long.MaxValue;
    private long _maxTicks = long.MinValue;
    private long _lastTicks;
    private long _negative;
    private readonly Histogram<double>? _instrument;
    private readonly KeyValuePair<string, object?> _tag;
    private readonly bool _tagged;

    /// <summary>A recorder that keeps its numbers to itself.</summary>
    public LatencyHistogram()
    {
    }

    /// <summary>A recorder that also records every latency, in seconds, untagged, on a metrics instrument (for export).</summary>
    /// <param name="instrument">The histogram instrument, e.g. <c>msg_lag_seconds</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="instrument"/> is null.</exception>
    public LatencyHistogram(Histogram<double> instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        _instrument = instrument;
    }

    /// <summary>A recorder that also records every latency, in seconds, on a metrics instrument (for export).</summary>
    /// <param name="instrument">The histogram instrument, e.g. <c>binance_ws_latency_seconds</c>.</param>
    /// <param name="tag">The tag every measurement carries (for example the feed's name).</param>
    /// <exception cref="ArgumentNullException"><paramref name="instrument"/> is null.</exception>
    public LatencyHistogram(Histogram<double> instrument, KeyValuePair<string, object?> tag)
        : this(instrument)
    {
        _tag = tag;
        _tagged = true;
    }

    /// <summary>Latencies recorded.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>Latencies below zero (exchange clock ahead of the local one).</summary>
    public long Negative => Volatile.Read(ref _negative);

    /// <summary>The latest latency, or zero before the first.</summary>
    public TimeSpan Last => TimeSpan.FromTicks(Volatile.Read(ref _lastTicks));

    /// <summary>The smallest latency, or zero before the first.</summary>
    public TimeSpan Min => Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Volatile.Read(ref _minTicks));

    /// <summary>The largest latency, or zero before the first.</summary>
    public TimeSpan Max => Count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Volatile.Read(ref _maxTicks));

    /// <summary>The mean latency, or zero before the first.</summary>
    public TimeSpan Mean
    {
        get
        {
            var count = Count;
            return count == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Volatile.Read(ref _sumTicks) / count);
        }
    }

    /// <summary>The count of one bucket: 0 is below 1 µs, b ≥ 1 is [2^(b−1), 2^b) µs.</summary>
    /// <param name="bucket">0 to 63.</param>
    /// <returns>The count.</returns>
    public long Bucket(int bucket)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bucket, BucketCount);
        return Volatile.Read(ref _buckets[bucket]);
    }

    /// <summary>The upper bound of the bucket holding the <paramref name="quantile"/> latency (zero when empty).</summary>
    /// <param name="quantile">In (0, 1], e.g. 0.99.</param>
    /// <returns>The bound: the true value is at most this and more than half of it.</returns>
    public TimeSpan Percentile(double quantile)
    {
        if (!(quantile is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(quantile), quantile, "Must be in (0, 1].");
        }

        var count = Count;
        var rank = (long)Math.Ceiling(quantile * count);
        long seen = 0;
        for (var bucket = 0; bucket < BucketCount && count > 0; bucket++)
        {
            seen += Bucket(bucket);
            if (seen >= rank)
            {
                return TimeSpan.FromTicks(TimeSpan.TicksPerMicrosecond * (1L << Math.Min(bucket, 62)));
            }
        }

        return Max;
    }

    /// <summary>Records one latency (from one writer at a time; readers may run concurrently).</summary>
    /// <param name="latency">The latency; a negative one is counted in <see cref="Negative"/> and in bucket 0.</param>
    public void Record(TimeSpan latency)
    {
        var ticks = latency.Ticks;
        if (ticks < 0)
        {
            Interlocked.Increment(ref _negative);
        }

        var micros = ticks / TimeSpan.TicksPerMicrosecond;
        var bucket = micros <= 0 ? 0 : 64 - long.LeadingZeroCount(micros);
        Interlocked.Increment(ref _buckets[(int)Math.Min(bucket, BucketCount - 1)]);
        Interlocked.Add(ref _sumTicks, ticks);
        Volatile.Write(ref _lastTicks, ticks);
        if (ticks < Volatile.Read(ref _minTicks))
        {
            Volatile.Write(ref _minTicks, ticks);
        }

        if (ticks > Volatile.Read(ref _maxTicks))
        {
            Volatile.Write(ref _maxTicks, ticks);
        }

        // Count last: a reader that sees the count sees the sums that go with it.
        Interlocked.Increment(ref _count);
        if (_instrument is { } instrument)
        {
            var seconds = (double)ticks / TimeSpan.TicksPerSecond;
            if (_tagged)
            {
                instrument.Record(seconds, _tag);
            }
            else
            {
                instrument.Record(seconds);
            }
        }
    }
}

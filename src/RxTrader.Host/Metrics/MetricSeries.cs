namespace RxTrader.Host.Metrics;

/// <summary>One series (one distinct tag set) of a family: a scalar, or histogram buckets and their sum.</summary>
/// <remarks>Recording is lock-free: scalars by compare-and-swap, buckets by interlocked increments. The count is not
/// stored but summed from the buckets at scrape time, so <c>_count</c> always equals the <c>+Inf</c> bucket.</remarks>
internal sealed class MetricSeries
{
    private readonly long[]? _buckets;
    private double _value;
    private double _sum;
    private double _observed;
    private long _observedGeneration = -1;

    public MetricSeries(string labels, int bucketCount)
    {
        Labels = labels;
        _buckets = bucketCount > 0 ? new long[bucketCount] : null;
    }

    /// <summary>The label pairs, escaped, without braces (<c>a="x",b="y"</c>); empty for no tags.</summary>
    public string Labels { get; }

    /// <summary>The accumulated or last set value.</summary>
    public double Value => Volatile.Read(ref _value);

    /// <summary>The histogram's sum of recorded values.</summary>
    public double Sum => Volatile.Read(ref _sum);

    /// <summary>Adds a delta (counters, up-down counters).</summary>
    public void Add(double delta) => AtomicDouble.Add(ref _value, delta);

    /// <summary>Sets the value (gauges).</summary>
    public void Set(double value) => Volatile.Write(ref _value, value);

    /// <summary>Adds an observation of scrape <paramref name="generation"/>; the first one of a scrape replaces the
    /// previous scrape's total (several callbacks reporting the same tags add up). Called under the scrape gate.</summary>
    public void Observe(double value, long generation)
    {
        if (_observedGeneration == generation)
        {
            _observed += value;
        }
        else
        {
            _observed = value;
            _observedGeneration = generation;
        }
    }

    /// <summary>Whether a callback reported this series during scrape <paramref name="generation"/>.</summary>
    public bool IsObservedIn(long generation) => _observedGeneration == generation;

    /// <summary>The sum of the observations of the current scrape.</summary>
    public double Observed => _observed;

    /// <summary>Counts <paramref name="value"/> in the first bucket whose upper bound is at least the value.</summary>
    public void Record(double value, double[] bounds)
    {
        // Binary search: the smallest i with value <= bounds[i], or bounds.Length (+Inf).
        int lo = 0, hi = bounds.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (value <= bounds[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        Interlocked.Increment(ref _buckets![lo]);
        AtomicDouble.Add(ref _sum, value);
    }

    /// <summary>Reads the per-bucket (non-cumulative) counts.</summary>
    public void CopyBuckets(Span<long> target)
    {
        var buckets = _buckets!;
        for (var i = 0; i < buckets.Length; i++)
        {
            target[i] = Volatile.Read(ref buckets[i]);
        }
    }
}

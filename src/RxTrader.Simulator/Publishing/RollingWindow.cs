namespace RxTrader.Simulator.Publishing;

/// <summary>Trade statistics over a rolling window kept in a fixed ring of time buckets.</summary>
/// <remarks>
/// The window is the buckets whose start lies within <c>bucketCount</c> buckets of now, so its start is
/// approximated to one bucket (one minute for the 24 h ticker, one second for the 5 min average price).
/// Memory is fixed: <c>bucketCount</c> buckets whatever the trade rate.
/// </remarks>
internal sealed class RollingWindow(long bucketMs, int bucketCount)
{
    private readonly Bucket[] _buckets = new Bucket[bucketCount];

    /// <summary>The price of the last trade that left the window (Binance's prevClosePrice).</summary>
    public decimal PreviousClose { get; private set; }

    public long WindowMs => bucketMs * bucketCount;

    public void Add(long time, long tradeId, decimal price, decimal quantity)
    {
        var index = time / bucketMs;
        ref var bucket = ref _buckets[index % _buckets.Length];
        if (bucket.Index != index || bucket.Count == 0)
        {
            if (bucket.Count > 0)
            {
                PreviousClose = bucket.Close; // Evicted: its close is before the window now.
            }

            bucket = new Bucket { Index = index, Open = price, High = price, Low = price, FirstId = tradeId };
        }

        bucket.High = Math.Max(bucket.High, price);
        bucket.Low = Math.Min(bucket.Low, price);
        bucket.Close = price;
        bucket.LastId = tradeId;
        bucket.Count++;
        bucket.Volume += quantity;
        bucket.QuoteVolume += price * quantity;
    }

    /// <summary>The statistics of the buckets inside the window ending at <paramref name="now"/>.</summary>
    public WindowStats Compute(long now)
    {
        var newest = now / bucketMs;
        var oldest = newest - _buckets.Length + 1;
        var stats = new WindowStats { FirstId = -1, LastId = -1, PreviousClose = PreviousClose };
        long firstIndex = long.MaxValue, lastIndex = long.MinValue;
        for (var i = 0; i < _buckets.Length; i++)
        {
            ref readonly var b = ref _buckets[i];
            if (b.Count == 0 || b.Index > newest)
            {
                continue;
            }

            if (b.Index < oldest)
            {
                // Out of the window but not yet overwritten: its close may be the latest one before the window.
                continue;
            }

            stats.Count += b.Count;
            stats.Volume += b.Volume;
            stats.QuoteVolume += b.QuoteVolume;
            stats.High = stats.Count == b.Count ? b.High : Math.Max(stats.High, b.High);
            stats.Low = stats.Count == b.Count ? b.Low : Math.Min(stats.Low, b.Low);
            if (b.Index < firstIndex)
            {
                (firstIndex, stats.Open, stats.FirstId) = (b.Index, b.Open, b.FirstId);
            }

            if (b.Index > lastIndex)
            {
                (lastIndex, stats.Close, stats.LastId) = (b.Index, b.Close, b.LastId);
            }
        }

        // The latest bucket that fell out of the window (evicted or stale) gives the close before the window.
        long before = long.MinValue;
        foreach (ref readonly var b in _buckets.AsSpan())
        {
            if (b.Count > 0 && b.Index < oldest && b.Index > before)
            {
                (before, stats.PreviousClose) = (b.Index, b.Close);
            }
        }

        return stats;
    }

    private struct Bucket
    {
        public long Index;
        public decimal Open;
        public decimal High;
        public decimal Low;
        public decimal Close;
        public decimal Volume;
        public decimal QuoteVolume;
        public long FirstId;
        public long LastId;
        public long Count;
    }
}

namespace RxTrader.Benchmarks.Indicators;

/// <summary>A seeded BTC-like random walk (two-decimal prices) shared by the indicator benchmarks.</summary>
internal sealed class IndicatorBenchmarkData
{
    /// <summary>The number of bars; a power of two so the benchmarks cycle with a mask.</summary>
    public const int Size = 1024;

    public IndicatorBenchmarkData()
    {
        var random = new Random(42);
        var close = 30_000m;
        for (var i = 0; i < Size; i++)
        {
            var open = close;
            close = Math.Round(open * (1m + (((decimal)random.NextDouble() - 0.5m) * 0.004m)), 2);
            Closes[i] = close;
            High[i] = (double)(Math.Max(open, close) + 5m);
            Low[i] = (double)(Math.Min(open, close) - 5m);
            Close[i] = (double)close;
            Volume[i] = 0.5 + (random.NextDouble() * 10);
            OpenTime[i] = DateTimeOffset.UnixEpoch.AddMinutes(i);
        }
    }

    public decimal[] Closes { get; } = new decimal[Size];

    public double[] Close { get; } = new double[Size];

    public double[] High { get; } = new double[Size];

    public double[] Low { get; } = new double[Size];

    public double[] Volume { get; } = new double[Size];

    public DateTimeOffset[] OpenTime { get; } = new DateTimeOffset[Size];
}

namespace RxTrader.Host.Metrics;

/// <summary>What a <see cref="PrometheusExporter"/> listens to, its histogram buckets and its bounds.</summary>
public sealed record PrometheusExporterOptions
{
    /// <summary>The meters the engine publishes on: <c>RxTrader.Engine</c>, <c>RxTrader.Trading</c>,
    /// <c>RxTrader.Binance</c>.</summary>
    public static IReadOnlyList<string> EngineMeterNames { get; } = ["RxTrader.Engine", "RxTrader.Trading", "RxTrader.Binance"];

    /// <summary>Upper bounds (seconds) suited to latencies: 50 µs to 10 s in 1-2.5-5 steps (about ×2 each).</summary>
    public static IReadOnlyList<double> LatencyBuckets { get; } =
    [
        0.00005, 0.0001, 0.00025, 0.0005,
        0.001, 0.0025, 0.005,
        0.01, 0.025, 0.05,
        0.1, 0.25, 0.5,
        1, 2.5, 5, 10,
    ];

    /// <summary>The names of the meters whose instruments are exported (exact, case-sensitive match).</summary>
    /// <value>Defaults to <see cref="EngineMeterNames"/>.</value>
    public IReadOnlyCollection<string> MeterNames { get; init; } = EngineMeterNames;

    /// <summary>The upper bounds of every histogram not named in <see cref="HistogramBuckets"/>; strictly increasing
    /// and finite (the <c>+Inf</c> bucket is always added).</summary>
    /// <value>Defaults to <see cref="LatencyBuckets"/>.</value>
    public IReadOnlyList<double> DefaultHistogramBuckets { get; init; } = LatencyBuckets;

    /// <summary>Upper bounds per histogram, keyed by instrument name.</summary>
    /// <value>Defaults to none.</value>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> HistogramBuckets { get; init; } =
        new Dictionary<string, IReadOnlyList<double>>();

    /// <summary>The most series (distinct tag sets) one metric holds; a measurement with a further tag set is
    /// dropped and counted in <c>rxtrader_metrics_dropped_measurements_total{reason="series_limit"}</c>.</summary>
    /// <value>Defaults to 1,000.</value>
    public int MaxSeriesPerMetric { get; init; } = 1_000;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A null or empty meter name, or bounds that are not finite and strictly
    /// increasing.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MaxSeriesPerMetric"/> is not positive.</exception>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(MeterNames, nameof(MeterNames));
        ArgumentNullException.ThrowIfNull(DefaultHistogramBuckets, nameof(DefaultHistogramBuckets));
        ArgumentNullException.ThrowIfNull(HistogramBuckets, nameof(HistogramBuckets));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxSeriesPerMetric, nameof(MaxSeriesPerMetric));
        if (MeterNames.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Meter names must not be null or empty.", nameof(MeterNames));
        }

        ValidateBounds(DefaultHistogramBuckets, nameof(DefaultHistogramBuckets));
        foreach (var (name, bounds) in HistogramBuckets)
        {
            ArgumentNullException.ThrowIfNull(bounds, nameof(HistogramBuckets));
            ValidateBounds(bounds, $"{nameof(HistogramBuckets)}[{name}]");
        }
    }

    /// <summary>The bounds for the histogram named <paramref name="instrumentName"/>.</summary>
    internal double[] BoundsFor(string instrumentName) =>
        [.. HistogramBuckets.TryGetValue(instrumentName, out var bounds) ? bounds : DefaultHistogramBuckets];

    private static void ValidateBounds(IReadOnlyList<double> bounds, string name)
    {
        for (var i = 0; i < bounds.Count; i++)
        {
            if (!double.IsFinite(bounds[i]) || (i > 0 && bounds[i] <= bounds[i - 1]))
            {
                throw new ArgumentException(
                    $"Histogram bounds must be finite and strictly increasing; {name} has {bounds[i]} at index {i}.", name);
            }
        }
    }
}

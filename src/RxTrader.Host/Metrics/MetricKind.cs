namespace RxTrader.Host.Metrics;

/// <summary>The instrument kinds the exporter maps; one family holds instruments of a single kind.</summary>
internal enum MetricKind
{
    /// <summary><c>Counter&lt;T&gt;</c>: deltas summed, exposed as a counter.</summary>
    Counter,

    /// <summary><c>UpDownCounter&lt;T&gt;</c>: deltas summed, exposed as a gauge.</summary>
    UpDownCounter,

    /// <summary><c>Gauge&lt;T&gt;</c>: last value set, exposed as a gauge.</summary>
    Gauge,

    /// <summary><c>ObservableCounter&lt;T&gt;</c>: totals polled at scrape time, exposed as a counter.</summary>
    ObservableCounter,

    /// <summary><c>ObservableUpDownCounter&lt;T&gt;</c>: totals polled at scrape time, exposed as a gauge.</summary>
    ObservableUpDownCounter,

    /// <summary><c>ObservableGauge&lt;T&gt;</c>: values polled at scrape time, exposed as a gauge.</summary>
    ObservableGauge,

    /// <summary><c>Histogram&lt;T&gt;</c>: cumulative buckets, sum and count.</summary>
    Histogram,
}

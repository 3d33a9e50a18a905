using System.Collections.Concurrent;
using System.Text;

namespace RxTrader.Host.Metrics;

/// <summary>
/// Every instrument published under one (sanitized) name, from any number of meters: one <c># TYPE</c> block whose
/// series are the distinct tag sets, capped at a maximum count.
/// </summary>
internal sealed class MetricFamily
{
    private readonly ConcurrentDictionary<TagSet, MetricSeries> _series = new(TagSetComparer.Instance);
    private readonly ConcurrentDictionary<TagSet, MetricSeries>.AlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>> _lookup;
    private readonly Lock _gate = new();
    private readonly ScrapeClock _clock;
    private readonly int _maxSeries;
    private readonly string[] _boundLabels;
    private readonly string _sumName;
    private readonly string _countName;
    private MetricSeries[] _ordered = [];
    private long _droppedOverLimit;
    private long _droppedInvalid;

    public MetricFamily(string name, string? help, MetricKind kind, double[] bounds, int maxSeries, ScrapeClock clock)
    {
        Name = name;
        Help = string.IsNullOrEmpty(help) ? null : help;
        Kind = kind;
        Bounds = kind == MetricKind.Histogram ? bounds : [];
        _maxSeries = maxSeries;
        _clock = clock;
        _lookup = _series.GetAlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>>();
        _boundLabels = [.. Bounds.Select(PrometheusText.FormatBound), "+Inf"];
        _sumName = name + "_sum";
        _countName = name + "_count";
    }

    /// <summary>The metric name as written.</summary>
    public string Name { get; }

    /// <summary>The description of the first instrument that had one.</summary>
    public string? Help { get; private set; }

    /// <summary>The kind every instrument of the family has.</summary>
    public MetricKind Kind { get; }

    /// <summary>The histogram's upper bounds (without +Inf); empty for the other kinds.</summary>
    public double[] Bounds { get; }

    /// <summary>Measurements dropped because their tag set would have exceeded the series cap.</summary>
    public long DroppedOverLimit => Interlocked.Read(ref _droppedOverLimit);

    /// <summary>Measurements dropped as invalid for the kind (NaN; a negative counter increment).</summary>
    public long DroppedInvalid => Interlocked.Read(ref _droppedInvalid);

    private bool IsObservable => Kind is MetricKind.ObservableCounter or MetricKind.ObservableUpDownCounter or MetricKind.ObservableGauge;

    /// <summary>Takes a description when the family has none yet.</summary>
    public void OfferHelp(string? help)
    {
        if (Help is null && !string.IsNullOrEmpty(help))
        {
            lock (_gate)
            {
                Help ??= help;
            }
        }
    }

    /// <summary>The series of <paramref name="tags"/>, created on first use; null (and counted) over the cap.</summary>
    public MetricSeries? GetSeries(ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _lookup.TryGetValue(tags, out var series) ? series : AddSeries(tags);

    private MetricSeries? AddSeries(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = TagSetComparer.Instance.Create(tags);
        lock (_gate)
        {
            if (_series.TryGetValue(key, out var existing))
            {
                return existing;
            }

            if (_ordered.Length >= _maxSeries)
            {
                Interlocked.Increment(ref _droppedOverLimit);
                return null;
            }

            var series = new MetricSeries(FormatLabels(key.Tags), Kind == MetricKind.Histogram ? Bounds.Length + 1 : 0);
            _series.TryAdd(key, series);

            // Copy on write: scrapes read the array without the gate; new series are rare.
            _ordered = [.. _ordered, series];
            return series;
        }
    }

    private string FormatLabels(KeyValuePair<string, object?>[] tags)
    {
        var builder = new StringBuilder();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            var name = PrometheusText.SanitizeLabelName(tag.Key);

            // `le` is the bucket label of a histogram, and `__` names are reserved for Prometheus itself.
            if ((Kind == MetricKind.Histogram && name == "le") || name.StartsWith("__", StringComparison.Ordinal))
            {
                name = "tag_" + name.TrimStart('_');
            }

            if (!names.Add(name))
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(name).Append("=\"");
            PrometheusText.AppendLabelValue(builder, PrometheusText.FormatTagValue(tag.Value));
            builder.Append('"');
        }

        return builder.ToString();
    }

    /// <summary>Applies one measurement to <paramref name="series"/> according to the family's kind.</summary>
    public void Record(MetricSeries series, double value)
    {
        switch (Kind)
        {
            case MetricKind.Counter when value >= 0:
            case MetricKind.UpDownCounter when !double.IsNaN(value):
                series.Add(value);
                break;
            case MetricKind.Gauge:
                series.Set(value);
                break;
            case MetricKind.Histogram when !double.IsNaN(value):
                series.Record(value, Bounds);
                break;
            case MetricKind.ObservableCounter when value >= 0:
            case MetricKind.ObservableUpDownCounter when !double.IsNaN(value):
            case MetricKind.ObservableGauge:
                series.Observe(value, _clock.Generation);
                break;
            default:
                Interlocked.Increment(ref _droppedInvalid);
                break;
        }
    }

    /// <summary>Writes the family: <c># HELP</c>, <c># TYPE</c>, then every live series.</summary>
    public void Write(StringBuilder builder, long generation)
    {
        if (Help is { } help)
        {
            builder.Append("# HELP ").Append(Name).Append(' ');
            PrometheusText.AppendHelp(builder, help);
            builder.Append('\n');
        }

        builder.Append("# TYPE ").Append(Name).Append(' ').Append(TypeName).Append('\n');

        var ordered = Volatile.Read(ref _ordered);
        if (Kind == MetricKind.Histogram)
        {
            WriteHistograms(builder, ordered);
            return;
        }

        var observable = IsObservable;
        foreach (var series in ordered)
        {
            if (observable && !series.IsObservedIn(generation))
            {
                continue;
            }

            WriteSample(builder, Name, series.Labels, observable ? series.Observed : series.Value);
        }
    }

    private string TypeName => Kind switch
    {
        MetricKind.Counter or MetricKind.ObservableCounter => "counter",
        MetricKind.Histogram => "histogram",
        _ => "gauge",
    };

    private void WriteHistograms(StringBuilder builder, MetricSeries[] ordered)
    {
        Span<long> counts = stackalloc long[Bounds.Length + 1];
        foreach (var series in ordered)
        {
            series.CopyBuckets(counts);
            long cumulative = 0;
            for (var i = 0; i < counts.Length; i++)
            {
                cumulative += counts[i];
                builder.Append(Name).Append("_bucket{");
                if (series.Labels.Length > 0)
                {
                    builder.Append(series.Labels).Append(',');
                }

                builder.Append("le=\"").Append(_boundLabels[i]).Append("\"} ").Append(cumulative).Append('\n');
            }

            WriteSample(builder, _sumName, series.Labels, series.Sum);
            builder.Append(_countName);
            AppendLabelBlock(builder, series.Labels);
            builder.Append(' ').Append(cumulative).Append('\n');
        }
    }

    private static void WriteSample(StringBuilder builder, string name, string labels, double value)
    {
        builder.Append(name);
        AppendLabelBlock(builder, labels);
        builder.Append(' ');
        PrometheusText.AppendValue(builder, value);
        builder.Append('\n');
    }

    private static void AppendLabelBlock(StringBuilder builder, string labels)
    {
        if (labels.Length > 0)
        {
            builder.Append('{').Append(labels).Append('}');
        }
    }
}

using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using System.Text;

namespace RxTrader.Host.Metrics;

/// <summary>
/// Collects the <see cref="System.Diagnostics.Metrics"/> instruments of the configured meters through a
/// <see cref="MeterListener"/> and writes them in the Prometheus text exposition format 0.0.4.
/// </summary>
/// <remarks>
/// <para>Mapping: <c>Counter</c>/<c>ObservableCounter</c> → <c>counter</c>; <c>UpDownCounter</c>,
/// <c>ObservableUpDownCounter</c>, <c>Gauge</c>, <c>ObservableGauge</c> → <c>gauge</c>; <c>Histogram</c> →
/// <c>histogram</c> with cumulative <c>_bucket{le}</c> (including <c>+Inf</c>), <c>_sum</c> and <c>_count</c>. The
/// metric name is the instrument name with characters outside <c>[a-zA-Z0-9_:]</c> replaced by <c>_</c>: no unit
/// suffix, no <c>_total</c> appended. <c># HELP</c> is the instrument's description. Tags become labels; instrument
/// and meter tags are added to every measurement's. Instruments of the same name from several meters merge into one
/// family (a later instrument of another kind under a taken name is ignored and counted).</para>
/// <para>Recording is lock-free and allocation-free for an existing series. Observable instruments are polled
/// during <see cref="Scrape()"/>; several callbacks reporting the same tags add up, and a tag set no callback reports
/// any more drops out.</para>
/// <para>Bounded: at most <see cref="PrometheusExporterOptions.MaxSeriesPerMetric"/> series per metric. Dropped
/// measurements (over the cap; NaN; a negative counter increment), ignored instruments and failing callbacks are
/// exported as <c>rxtrader_metrics_dropped_measurements_total{metric,reason}</c>,
/// <c>rxtrader_metrics_ignored_instruments_total{metric}</c> and <c>rxtrader_metrics_callback_errors_total</c>,
/// each written once it is non-zero.</para>
/// </remarks>
public sealed class PrometheusExporter : IDisposable
{
    /// <summary>The HTTP content type of the format written.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly PrometheusExporterOptions _options;
    private readonly FrozenSet<string> _meterNames;
    private readonly MeterListener _listener;
    private readonly ScrapeClock _clock = new();
    private readonly ConcurrentDictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _ignoredInstruments = new(StringComparer.Ordinal);
    private readonly Lock _scrapeGate = new();
    private readonly Lock _registrationGate = new();
    private MetricFamily[] _sorted = [];
    private long _callbackErrors;
    private int _disposed;

    /// <summary>Starts listening to the meters named in <paramref name="options"/>, including instruments that
    /// already exist.</summary>
    /// <param name="options">Meter names, histogram buckets and the series cap.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public PrometheusExporter(PrometheusExporterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _meterNames = options.MeterNames.ToFrozenSet(StringComparer.Ordinal);
        _listener = new MeterListener { InstrumentPublished = OnInstrumentPublished };
        _listener.SetMeasurementEventCallback<byte>(static (_, m, t, s) => ((InstrumentBinding)s!).Record(m, t));
        _listener.SetMeasurementEventCallback<short>(static (_, m, t, s) => ((InstrumentBinding)s!).Record(m, t));
        _listener.SetMeasurementEventCallback<int>(static (_, m, t, s) => ((InstrumentBinding)s!).Record(m, t));
        _listener.SetMeasurementEventCallback<long>(static (_, m, t, s) => ((InstrumentBinding)s!).Record(m, t));
        _listener.SetMeasurementEventCallback<float>(static (_, m, t, s) => ((InstrumentBinding)s!).Record(m, t));
        _listener.SetMeasurementEventCallback<double>(static (_, m, t, s) => ((InstrumentBinding)s!).Record(m, t));
        _listener.SetMeasurementEventCallback<decimal>(static (_, m, t, s) => ((InstrumentBinding)s!).Record((double)m, t));
        _listener.Start();
    }

    /// <summary>Polls the observable instruments and writes every metric in the text format 0.0.4.</summary>
    /// <returns>The exposition text, families sorted by name, series in the order they first appeared.</returns>
    public string Scrape()
    {
        var builder = new StringBuilder(4096);
        Scrape(builder);
        return builder.ToString();
    }

    /// <summary>Polls the observable instruments and appends every metric in the text format 0.0.4.</summary>
    /// <param name="builder">The builder to append to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public void Scrape(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // One scrape at a time: observations of a scrape are tagged with its generation.
        lock (_scrapeGate)
        {
            var generation = _clock.Advance();
            if (Volatile.Read(ref _disposed) == 0)
            {
                PollObservables();
            }

            foreach (var family in Volatile.Read(ref _sorted))
            {
                family.Write(builder, generation);
            }

            WriteOwnMetrics(builder);
        }
    }

    private void PollObservables()
    {
        try
        {
            _listener.RecordObservableInstruments();
        }
        catch (AggregateException e)
        {
            // The listener polls every instrument and then reports the callbacks that threw: the others' values stand.
            Interlocked.Add(ref _callbackErrors, e.InnerExceptions.Count);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Interlocked.Increment(ref _callbackErrors);
        }
    }

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        if (!_meterNames.Contains(instrument.Meter.Name) || KindOf(instrument) is not { } kind)
        {
            return;
        }

        var name = PrometheusText.SanitizeMetricName(instrument.Name);
        MetricFamily family;

        // Not the scrape gate: a meter publishes under its own global lock, which must never wait for a scrape.
        lock (_registrationGate)
        {
            if (!_families.TryGetValue(name, out family!))
            {
                family = new MetricFamily(
                    name,
                    instrument.Description,
                    kind,
                    kind == MetricKind.Histogram ? _options.BoundsFor(instrument.Name) : [],
                    _options.MaxSeriesPerMetric,
                    _clock);
                _families[name] = family;
                _sorted = [.. _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal)];
            }
        }

        if (family.Kind != kind)
        {
            _ignoredInstruments.AddOrUpdate(name, 1, static (_, n) => n + 1);
            return;
        }

        family.OfferHelp(instrument.Description);
        KeyValuePair<string, object?>[] constantTags = [.. instrument.Tags ?? [], .. instrument.Meter.Tags ?? []];
        listener.EnableMeasurementEvents(instrument, new InstrumentBinding(family, constantTags));
    }

    private static MetricKind? KindOf(Instrument instrument)
    {
        var type = instrument.GetType();
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(Counter<>) ? MetricKind.Counter
            : definition == typeof(UpDownCounter<>) ? MetricKind.UpDownCounter
            : definition == typeof(Gauge<>) ? MetricKind.Gauge
            : definition == typeof(Histogram<>) ? MetricKind.Histogram
            : definition == typeof(ObservableCounter<>) ? MetricKind.ObservableCounter
            : definition == typeof(ObservableUpDownCounter<>) ? MetricKind.ObservableUpDownCounter
            : definition == typeof(ObservableGauge<>) ? MetricKind.ObservableGauge
            : null;
    }

    private void WriteOwnMetrics(StringBuilder builder)
    {
        var families = Volatile.Read(ref _sorted);
        if (families.Any(f => f.DroppedOverLimit > 0 || f.DroppedInvalid > 0))
        {
            builder.Append("# HELP rxtrader_metrics_dropped_measurements_total Measurements the exporter dropped: over the series cap, or invalid for the instrument kind.\n");
            builder.Append("# TYPE rxtrader_metrics_dropped_measurements_total counter\n");
            foreach (var family in families)
            {
                WriteDropped(builder, family.Name, "series_limit", family.DroppedOverLimit);
                WriteDropped(builder, family.Name, "invalid_value", family.DroppedInvalid);
            }
        }

        if (!_ignoredInstruments.IsEmpty)
        {
            builder.Append("# HELP rxtrader_metrics_ignored_instruments_total Instruments ignored because their name is taken by an instrument of another kind.\n");
            builder.Append("# TYPE rxtrader_metrics_ignored_instruments_total counter\n");
            foreach (var (name, count) in _ignoredInstruments.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                builder.Append("rxtrader_metrics_ignored_instruments_total{metric=\"").Append(name).Append("\"} ").Append(count).Append('\n');
            }
        }

        var errors = Interlocked.Read(ref _callbackErrors);
        if (errors > 0)
        {
            builder.Append("# HELP rxtrader_metrics_callback_errors_total Observable instrument callbacks that threw during a scrape.\n");
            builder.Append("# TYPE rxtrader_metrics_callback_errors_total counter\n");
            builder.Append("rxtrader_metrics_callback_errors_total ").Append(errors).Append('\n');
        }
    }

    private static void WriteDropped(StringBuilder builder, string metric, string reason, long count)
    {
        if (count > 0)
        {
            builder.Append("rxtrader_metrics_dropped_measurements_total{metric=\"").Append(metric)
                .Append("\",reason=\"").Append(reason).Append("\"} ").Append(count).Append('\n');
        }
    }

    /// <summary>Stops listening; the values collected so far can still be scraped.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _listener.Dispose();
        }
    }
}

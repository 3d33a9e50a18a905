using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using System.Text;
using BenchmarkDotNet.Attributes;
using RxTrader.Host.Metrics;

namespace RxTrader.Benchmarks;

/// <summary>
/// The cost the exporter adds to a measurement on the hot path (through the <see cref="MeterListener"/>), and one
/// scrape of about 100 series. <c>*_NotListened</c> is the same instrument call with no listener: the floor.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet releases them in [GlobalCleanup].")]
public class PrometheusExporterBenchmarks
{
    private static readonly KeyValuePair<string, object?> _symbol = new("symbol", "BTCUSDT");
    private static readonly KeyValuePair<string, object?> _status = new("status", "FILLED");

    private Meter _meter = null!;
    private Meter _unlistened = null!;
    private PrometheusExporter _exporter = null!;
    private Counter<long> _counter = null!;
    private Histogram<double> _histogram = null!;
    private Histogram<double> _histogramNotListened = null!;
    private readonly StringBuilder _builder = new();
    private double _value;

    [GlobalSetup]
    public void Setup()
    {
        var name = "RxTrader.Benchmarks." + Guid.NewGuid().ToString("N");
        _meter = new Meter(name);
        _unlistened = new Meter(name + ".Unlistened");
        _exporter = new PrometheusExporter(new PrometheusExporterOptions { MeterNames = [name] });
        _counter = _meter.CreateCounter<long>("ws_reconnects_total");
        _histogram = _meter.CreateHistogram<double>("binance_ws_latency_seconds", "s");
        _histogramNotListened = _unlistened.CreateHistogram<double>("binance_ws_latency_seconds", "s");

        // About 100 series for the scrape: 4 histograms × 10 symbols (18 buckets each) and 60 counter series.
        string[] symbols = [.. Enumerable.Range(0, 10).Select(i => $"SYM{i}USDT")];
        foreach (var histogramName in new[] { "order_roundtrip_latency_seconds", "msg_lag_seconds", "tick_to_signal_seconds" })
        {
            var h = _meter.CreateHistogram<double>(histogramName, "s", "Latency.");
            foreach (var symbol in symbols)
            {
                h.Record(0.0012, new KeyValuePair<string, object?>("symbol", symbol));
            }
        }

        foreach (var symbol in symbols)
        {
            _histogram.Record(0.0004, new KeyValuePair<string, object?>("symbol", symbol));
        }

        var orders = _meter.CreateCounter<long>("orders_total", null, "Orders by status.");
        foreach (var symbol in symbols)
        {
            foreach (var status in new[] { "NEW", "FILLED", "CANCELED", "REJECTED", "EXPIRED", "PARTIALLY_FILLED" })
            {
                orders.Add(3, new KeyValuePair<string, object?>("symbol", symbol), new KeyValuePair<string, object?>("status", status));
            }
        }

        _counter.Add(1);
        _counter.Add(1, _symbol, _status);
        _histogram.Record(0.001);
        _histogram.Record(0.001, _symbol);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _exporter.Dispose();
        _meter.Dispose();
        _unlistened.Dispose();
    }

    [Benchmark]
    public void CounterAdd_NoTags() => _counter.Add(1);

    [Benchmark]
    public void CounterAdd_TwoTags() => _counter.Add(1, _symbol, _status);

    [Benchmark(Baseline = true)]
    public void HistogramRecord_NotListened() => _histogramNotListened.Record(NextValue());

    [Benchmark]
    public void HistogramRecord_NoTags() => _histogram.Record(NextValue());

    [Benchmark]
    public void HistogramRecord_OneTag() => _histogram.Record(NextValue(), _symbol);

    [Benchmark]
    public int Scrape_100Series_ToString() => _exporter.Scrape().Length;

    /// <summary>What the server does: one builder reused, its chunks encoded into the response.</summary>
    [Benchmark]
    public int Scrape_100Series_ReusedBuilder()
    {
        _builder.Clear();
        _exporter.Scrape(_builder);
        return _builder.Length;
    }

    // Values walk across the buckets so the search is not always the same branch.
    private double NextValue()
    {
        var v = _value + 0.000173;
        _value = v > 0.2 ? 0 : v;
        return v;
    }
}

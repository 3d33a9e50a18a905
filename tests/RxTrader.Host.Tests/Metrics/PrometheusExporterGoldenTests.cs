using System.Diagnostics.Metrics;
using RxTrader.Host.Metrics;
using RxTrader.Testing.Prometheus;

namespace RxTrader.Host.Tests.Metrics;

/// <summary>A small fixed meter with every instrument kind, its exact exposition text, and the same text read by
/// promtool, Prometheus's own parser.</summary>
public sealed class PrometheusExporterGoldenTests
{
    private const string Golden = """
        # HELP binance_ws_latency_seconds Exchange event time to local receipt.
        # TYPE binance_ws_latency_seconds histogram
        binance_ws_latency_seconds_bucket{symbol="BTCUSDT",le="0.0001"} 1
        binance_ws_latency_seconds_bucket{symbol="BTCUSDT",le="0.001"} 2
        binance_ws_latency_seconds_bucket{symbol="BTCUSDT",le="0.01"} 3
        binance_ws_latency_seconds_bucket{symbol="BTCUSDT",le="+Inf"} 4
        binance_ws_latency_seconds_sum{symbol="BTCUSDT"} 2.00555
        binance_ws_latency_seconds_count{symbol="BTCUSDT"} 4
        # HELP concurrent_tasks_active Composed engine tasks running.
        # TYPE concurrent_tasks_active gauge
        concurrent_tasks_active 3
        # HELP engine_uptime_seconds Seconds since start.
        # TYPE engine_uptime_seconds counter
        engine_uptime_seconds 42.5
        # HELP open_orders Open orders (polled).
        # TYPE open_orders gauge
        open_orders{symbol="ETHUSDT"} 2
        # HELP position Position per symbol.
        # TYPE position gauge
        position{symbol="BTCUSDT"} -0.25
        # HELP rejections_total Risk rejections by reason.
        # TYPE rejections_total counter
        rejections_total{reason="max \"position\"\\limit\nhit"} 1
        # HELP rss_bytes Resident memory.
        # TYPE rss_bytes gauge
        rss_bytes 1048576
        # HELP ws_reconnects_total WebSocket reconnects.
        # TYPE ws_reconnects_total counter
        ws_reconnects_total 2

        """;

    private static string ScrapeFixedMeter()
    {
        var name = "RxTrader.Tests.Golden." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(name);
        using var exporter = new PrometheusExporter(new PrometheusExporterOptions
        {
            MeterNames = [name],
            HistogramBuckets = new Dictionary<string, IReadOnlyList<double>> { ["binance_ws_latency_seconds"] = [0.0001, 0.001, 0.01] },
        });

        var symbol = new KeyValuePair<string, object?>("symbol", "BTCUSDT");
        var latency = meter.CreateHistogram<double>("binance_ws_latency_seconds", "s", "Exchange event time to local receipt.");
        latency.Record(0.00005, symbol);
        latency.Record(0.0005, symbol);
        latency.Record(0.005, symbol);
        latency.Record(2, symbol);

        var reconnects = meter.CreateCounter<long>("ws_reconnects_total", null, "WebSocket reconnects.");
        reconnects.Add(1);
        reconnects.Add(1);

        var tasks = meter.CreateUpDownCounter<int>("concurrent_tasks_active", null, "Composed engine tasks running.");
        tasks.Add(4);
        tasks.Add(-1);

        meter.CreateGauge<decimal>("position", null, "Position per symbol.").Record(-0.25m, symbol);
        meter.CreateCounter<int>("rejections_total", null, "Risk rejections by reason.")
            .Add(1, new KeyValuePair<string, object?>("reason", "max \"position\"\\limit\nhit"));
        meter.CreateObservableCounter("engine_uptime_seconds", () => 42.5, "s", "Seconds since start.");
        meter.CreateObservableUpDownCounter(
            "open_orders", () => new Measurement<int>(2, new KeyValuePair<string, object?>("symbol", "ETHUSDT")), null, "Open orders (polled).");
        meter.CreateObservableGauge("rss_bytes", () => 1_048_576L, "By", "Resident memory.");

        return exporter.Scrape();
    }

    [Fact]
    public void Scrape_FixedMeter_IsTheGoldenText() =>
        ScrapeFixedMeter().ShouldBe(Golden.ReplaceLineEndings("\n"));

    [Fact]
    public async Task Scrape_FixedMeter_ParsesWithPromtool()
    {
        var (exitCode, output) = await Promtool.CheckMetricsAsync(ScrapeFixedMeter());

        // 0 is clean, 3 means lint remarks only (e.g. a counter not ending in _total, which is kept on purpose);
        // 1 is a parse error.
        exitCode.ShouldBeOneOf([0, 3], output);
        output.ShouldNotContain("error", Case.Insensitive);
    }
}

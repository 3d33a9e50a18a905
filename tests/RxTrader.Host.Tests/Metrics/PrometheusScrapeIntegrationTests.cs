using RxTrader.Host.Metrics;
using RxTrader.Testing.Prometheus;

namespace RxTrader.Host.Tests.Metrics;

/// <summary>A real Prometheus server scrapes a <see cref="MetricsServer"/> and the five seed metrics are read back
/// through its query API.</summary>
public sealed class PrometheusScrapeIntegrationTests
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RealPrometheus_ScrapesTheFiveSeedMetrics()
    {
        using var t = new TestMeter();
        var wsLatency = t.Meter.CreateHistogram<double>(SeedMetrics.BinanceWsLatency, "s", "Exchange event time to local receipt.");
        var roundTrip = t.Meter.CreateHistogram<double>(SeedMetrics.OrderRoundTripLatency, "s", "Order submit to venue acknowledgement.");
        var lag = t.Meter.CreateHistogram<double>(SeedMetrics.MessageLag, "s", "Message lag.");
        var reconnects = t.Meter.CreateCounter<long>(SeedMetrics.WsReconnects, null, "WebSocket reconnects.");
        var tasks = t.Meter.CreateUpDownCounter<int>(SeedMetrics.ConcurrentTasksActive, null, "Composed engine tasks running.");
        tasks.Add(3);
        reconnects.Add(2);

        // Keep recording while Prometheus scrapes, so rate() over the buckets is non-zero.
        var symbol = new KeyValuePair<string, object?>("symbol", "BTCUSDT");
        var i = 0;
        using var recorder = new Timer(_ =>
        {
            for (var n = 0; n < 20; n++, i++)
            {
                wsLatency.Record(0.0006 + (i % 4 * 0.0001), symbol);
                roundTrip.Record(0.002, symbol);
                lag.Record(0.00015);
            }
        }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));

        await using var server = await MetricsServer.StartAsync(t.Exporter, new MetricsServerOptions { Port = 0 });
        await using var prometheus = await PrometheusServer.StartAsync($"127.0.0.1:{server.Port}");
        await prometheus.WaitForScrapesAsync(3, _timeout);

        var values = await SeedMetrics.AssertAsync(prometheus, expectedActiveTasks: 3, _timeout);

        // The quantiles land in the buckets the values were recorded in (default latency buckets).
        values[SeedMetrics.P99Query(SeedMetrics.BinanceWsLatency)].ShouldBeInRange(0.0005, 0.001);
        values[SeedMetrics.P99Query(SeedMetrics.OrderRoundTripLatency)].ShouldBeInRange(0.001, 0.0025);
        values[SeedMetrics.P99Query(SeedMetrics.MessageLag)].ShouldBeInRange(0.0001, 0.00025);
        values["sum(ws_reconnects_total)"].ShouldBe(2);
        var series = await prometheus.QueryAsync("binance_ws_latency_seconds_count");
        series.ShouldHaveSingleItem().Labels["symbol"].ShouldBe("BTCUSDT");
    }
}

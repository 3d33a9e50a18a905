using System.Diagnostics.Metrics;
using RxTrader.Host.Metrics;

namespace RxTrader.Host.Tests.Metrics;

public sealed class PrometheusExporterTests
{
    private static readonly KeyValuePair<string, object?>[] _noTags = [];

    [Fact]
    public void Constructor_NullOptions_Throws() =>
        Should.Throw<ArgumentNullException>(() => new PrometheusExporter(null!));

    [Fact]
    public void Constructor_InvalidOptions_Throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new PrometheusExporter(new PrometheusExporterOptions { MaxSeriesPerMetric = 0 }));
        Should.Throw<ArgumentException>(() => new PrometheusExporter(new PrometheusExporterOptions { MeterNames = [""] }));
        Should.Throw<ArgumentException>(() => new PrometheusExporter(new PrometheusExporterOptions { DefaultHistogramBuckets = [1, 1] }))
            .Message.ShouldContain("strictly increasing");
        Should.Throw<ArgumentException>(() => new PrometheusExporter(new PrometheusExporterOptions { DefaultHistogramBuckets = [1, double.PositiveInfinity] }));
        Should.Throw<ArgumentException>(() => new PrometheusExporter(new PrometheusExporterOptions
        {
            HistogramBuckets = new Dictionary<string, IReadOnlyList<double>> { ["x"] = [double.NaN] },
        })).Message.ShouldContain("HistogramBuckets[x]");
    }

    [Fact]
    public void Options_Defaults_AreTheEngineMetersAndLatencyBuckets()
    {
        var options = new PrometheusExporterOptions();
        options.MeterNames.ShouldBe(["RxTrader.Engine", "RxTrader.Trading", "RxTrader.Binance"]);
        options.DefaultHistogramBuckets[0].ShouldBe(0.00005);
        options.DefaultHistogramBuckets[^1].ShouldBe(10);
        options.MaxSeriesPerMetric.ShouldBe(1_000);
    }

    [Fact]
    public void Counter_Adds_WrittenAsCounterUnderItsExactName()
    {
        using var t = new TestMeter();
        var counter = t.Meter.CreateCounter<long>("ws_reconnects_total", "reconnects", "WebSocket reconnects.");
        counter.Add(2);
        counter.Add(3);

        t.Scrape().ShouldBe("""
            # HELP ws_reconnects_total WebSocket reconnects.
            # TYPE ws_reconnects_total counter
            ws_reconnects_total 5

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Counter_NameWithoutTotal_IsNotRenamed()
    {
        using var t = new TestMeter();
        t.Meter.CreateCounter<int>("messages", "{message}").Add(1);

        var text = t.Scrape();
        text.ShouldContain("# TYPE messages counter\nmessages 1\n");
        text.ShouldNotContain("messages_total");
        text.ShouldNotContain("# HELP", customMessage: "no description, no HELP line");
    }

    [Theory]
    [InlineData("orders.by-status", "orders_by_status")]
    [InlineData("1st", "_1st")]
    [InlineData("a:b_c", "a:b_c")]
    [InlineData("latência", "lat_ncia")]
    public void Name_InvalidCharacters_AreReplaced(string instrument, string expected)
    {
        using var t = new TestMeter();
        t.Meter.CreateCounter<int>(instrument).Add(1);

        t.Scrape().ShouldContain($"# TYPE {expected} counter\n{expected} 1\n");
    }

    [Fact]
    public void Counter_NegativeOrNaN_IsDroppedAndCounted()
    {
        using var t = new TestMeter();
        var counter = t.Meter.CreateCounter<double>("c");
        counter.Add(1.5);
        counter.Add(-1);
        counter.Add(double.NaN);

        var text = t.Scrape();
        text.ShouldContain("\nc 1.5\n");
        text.ShouldContain("# TYPE rxtrader_metrics_dropped_measurements_total counter\n"
            + "rxtrader_metrics_dropped_measurements_total{metric=\"c\",reason=\"invalid_value\"} 2\n");
    }

    [Fact]
    public void UpDownCounter_SumsDeltas_WrittenAsGauge()
    {
        using var t = new TestMeter();
        var active = t.Meter.CreateUpDownCounter<int>("concurrent_tasks_active");
        active.Add(3);
        active.Add(-1);

        t.Scrape().ShouldBe("# TYPE concurrent_tasks_active gauge\nconcurrent_tasks_active 2\n");
    }

    [Fact]
    public void Gauge_KeepsLastValue()
    {
        using var t = new TestMeter();
        var gauge = t.Meter.CreateGauge<double>("position");
        gauge.Record(1.25);
        gauge.Record(-0.5);

        t.Scrape().ShouldBe("# TYPE position gauge\nposition -0.5\n");
    }

    [Fact]
    public void Gauge_NaNAndInfinities_WrittenAsPrometheusSpellsThem()
    {
        using var t = new TestMeter();
        var gauge = t.Meter.CreateGauge<double>("g");
        gauge.Record(double.NaN, new KeyValuePair<string, object?>("k", "nan"));
        gauge.Record(double.PositiveInfinity, new KeyValuePair<string, object?>("k", "pos"));
        gauge.Record(double.NegativeInfinity, new KeyValuePair<string, object?>("k", "neg"));
        gauge.Record(1e-7, new KeyValuePair<string, object?>("k", "tiny"));
        gauge.Record(123456789012.5, new KeyValuePair<string, object?>("k", "big"));

        t.Scrape().ShouldBe("""
            # TYPE g gauge
            g{k="nan"} NaN
            g{k="pos"} +Inf
            g{k="neg"} -Inf
            g{k="tiny"} 1E-07
            g{k="big"} 123456789012.5

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Measurements_OfEverySupportedType_AreRecorded()
    {
        using var t = new TestMeter();
        t.Meter.CreateCounter<byte>("b").Add(1);
        t.Meter.CreateCounter<short>("s").Add(2);
        t.Meter.CreateCounter<int>("i").Add(3);
        t.Meter.CreateCounter<long>("l").Add(4_000_000_000_000);
        t.Meter.CreateCounter<float>("f").Add(0.5f);
        t.Meter.CreateCounter<double>("d").Add(0.25);
        t.Meter.CreateCounter<decimal>("m").Add(1.75m);
        t.Meter.CreateHistogram<decimal>("hm").Record(0.003m);
        t.Meter.CreateHistogram<int>("hi").Record(2);

        var text = t.Scrape();
        text.ShouldContain("\nb 1\n");
        text.ShouldContain("\ns 2\n");
        text.ShouldContain("\ni 3\n");
        text.ShouldContain("\nl 4000000000000\n");
        text.ShouldContain("\nf 0.5\n");
        text.ShouldContain("\nd 0.25\n");
        text.ShouldContain("\nm 1.75\n");
        text.ShouldContain("hm_bucket{le=\"0.005\"} 1\n");
        text.ShouldContain("hm_sum 0.003\n");
        text.ShouldContain("hi_bucket{le=\"2.5\"} 1\n");
        text.ShouldContain("hi_bucket{le=\"1\"} 0\n");
    }

    [Fact]
    public void Histogram_BucketsAreCumulativeWithInfSumAndCount()
    {
        using var t = new TestMeter(new PrometheusExporterOptions
        {
            HistogramBuckets = new Dictionary<string, IReadOnlyList<double>> { ["lat_seconds"] = [0.001, 0.01, 0.1] },
        });
        var histogram = t.Meter.CreateHistogram<double>("lat_seconds", "s", "Latency.");
        foreach (var value in new[] { 0.0005, 0.001, 0.002, 0.01, 0.05, 3 })
        {
            histogram.Record(value);
        }

        t.Scrape().ShouldBe("""
            # HELP lat_seconds Latency.
            # TYPE lat_seconds histogram
            lat_seconds_bucket{le="0.001"} 2
            lat_seconds_bucket{le="0.01"} 4
            lat_seconds_bucket{le="0.1"} 5
            lat_seconds_bucket{le="+Inf"} 6
            lat_seconds_sum 3.0635
            lat_seconds_count 6

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Histogram_DefaultBuckets_AreWrittenInPlainDecimals()
    {
        using var t = new TestMeter();
        t.Meter.CreateHistogram<double>("h").Record(0.00007);

        var text = t.Scrape();
        var les = text.Split('\n').Where(l => l.StartsWith("h_bucket", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("le=\"", StringComparison.Ordinal) + 4)..l.IndexOf("\"}", StringComparison.Ordinal)]);
        les.ShouldBe([
            "0.00005", "0.0001", "0.00025", "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05",
            "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf",
        ]);
        text.ShouldContain("h_bucket{le=\"0.00005\"} 0\nh_bucket{le=\"0.0001\"} 1\n");
        text.ShouldContain("h_count 1\n");
    }

    [Fact]
    public void Histogram_NaN_IsDroppedAndCounted_InfinityGoesToInfBucket()
    {
        using var t = new TestMeter(new PrometheusExporterOptions { DefaultHistogramBuckets = [1] });
        var histogram = t.Meter.CreateHistogram<double>("h");
        histogram.Record(double.NaN);
        histogram.Record(double.PositiveInfinity);
        histogram.Record(-2);

        var text = t.Scrape();
        text.ShouldContain("h_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum +Inf\nh_count 2\n");
        text.ShouldContain("rxtrader_metrics_dropped_measurements_total{metric=\"h\",reason=\"invalid_value\"} 1\n");
    }

    [Fact]
    public void Tags_BecomeLabels_OneSeriesPerDistinctSetInAnyOrder()
    {
        using var t = new TestMeter();
        var counter = t.Meter.CreateCounter<int>("orders_total");
        counter.Add(1, new("status", "filled"), new("symbol", "BTCUSDT"));
        counter.Add(2, new("symbol", "BTCUSDT"), new("status", "filled"));
        counter.Add(5, new("status", "rejected"), new("symbol", "BTCUSDT"));
        counter.Add(7);

        t.Scrape().ShouldBe("""
            # TYPE orders_total counter
            orders_total{status="filled",symbol="BTCUSDT"} 3
            orders_total{status="rejected",symbol="BTCUSDT"} 5
            orders_total 7

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Tags_ValuesEscaped_NamesSanitized_NonStringValuesInvariant()
    {
        using var t = new TestMeter();
        var counter = t.Meter.CreateCounter<int>("c");
        counter.Add(1, new("reason", "a\\b \"quoted\"\nnext"), new("venue.name", "x"), new("1st", 1.5), new("ok", true), new("none", null));

        t.Scrape().ShouldContain("c{reason=\"a\\\\b \\\"quoted\\\"\\nnext\",venue_name=\"x\",_1st=\"1.5\",ok=\"true\",none=\"\"} 1\n");
    }

    [Fact]
    public void Tags_ReservedNames_AreRenamed()
    {
        using var t = new TestMeter(new PrometheusExporterOptions { DefaultHistogramBuckets = [1] });
        t.Meter.CreateHistogram<double>("h").Record(0.5, new KeyValuePair<string, object?>("le", "x"), new("__name__", "y"));

        t.Scrape().ShouldContain("h_bucket{tag_le=\"x\",tag_name__=\"y\",le=\"1\"} 1\n");
    }

    [Fact]
    public void Help_IsEscaped()
    {
        using var t = new TestMeter();
        t.Meter.CreateCounter<int>("c", null, "Path C:\\x\nsecond line \"quoted\"").Add(1);

        t.Scrape().ShouldStartWith("# HELP c Path C:\\\\x\\nsecond line \"quoted\"\n# TYPE c counter\n");
    }

    [Fact]
    public void SameName_FromSeveralMeters_MergesIntoOneFamily()
    {
        using var t = new TestMeter(new PrometheusExporterOptions { DefaultHistogramBuckets = [0.01] }, meters: 2);
        var first = t.Meters[0].CreateHistogram<double>("order_roundtrip_latency_seconds", "s", "Order submit to venue acknowledgement.");
        var second = t.Meters[1].CreateHistogram<double>("order_roundtrip_latency_seconds", "s", "Order submit to venue acknowledgement.");
        first.Record(0.001);
        second.Record(0.002);
        second.Record(0.5);
        var c1 = t.Meters[0].CreateCounter<int>("signals_total");
        var c2 = t.Meters[1].CreateCounter<int>("signals_total");
        c1.Add(1, new KeyValuePair<string, object?>("strategy", "ema"));
        c2.Add(2, new KeyValuePair<string, object?>("strategy", "ema"));
        c2.Add(4, new KeyValuePair<string, object?>("strategy", "rsi"));

        t.Scrape().ShouldBe("""
            # HELP order_roundtrip_latency_seconds Order submit to venue acknowledgement.
            # TYPE order_roundtrip_latency_seconds histogram
            order_roundtrip_latency_seconds_bucket{le="0.01"} 2
            order_roundtrip_latency_seconds_bucket{le="+Inf"} 3
            order_roundtrip_latency_seconds_sum 0.503
            order_roundtrip_latency_seconds_count 3
            # TYPE signals_total counter
            signals_total{strategy="ema"} 3
            signals_total{strategy="rsi"} 4

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void SameName_OtherKind_IsIgnoredAndCounted()
    {
        using var t = new TestMeter();
        t.Meter.CreateCounter<int>("x").Add(1);
        t.Meter.CreateGauge<int>("x").Record(100);

        var text = t.Scrape();
        text.ShouldContain("# TYPE x counter\nx 1\n");
        text.ShouldNotContain("x 100");
        text.ShouldContain("# TYPE rxtrader_metrics_ignored_instruments_total counter\nrxtrader_metrics_ignored_instruments_total{metric=\"x\"} 1\n");
    }

    [Fact]
    public void InstrumentAndMeterTags_AreAddedToEveryMeasurement()
    {
        var name = "RxTrader.Tests." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(name, null, [new KeyValuePair<string, object?>("instance", "a")]);
        using var exporter = new PrometheusExporter(new PrometheusExporterOptions { MeterNames = [name] });
        var counter = meter.CreateCounter<int>("c", null, null, [new KeyValuePair<string, object?>("venue", "sim")]);
        counter.Add(1);
        counter.Add(2, new KeyValuePair<string, object?>("status", "new"));
        counter.Add(4, new KeyValuePair<string, object?>("venue", "override"));

        exporter.Scrape().ShouldBe("""
            # TYPE c counter
            c{venue="sim",instance="a"} 1
            c{status="new",venue="sim",instance="a"} 2
            c{venue="override",instance="a"} 4

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void SeriesCap_ExtraTagSets_AreDroppedAndCounted()
    {
        using var t = new TestMeter(new PrometheusExporterOptions { MaxSeriesPerMetric = 2 });
        var counter = t.Meter.CreateCounter<int>("c");
        for (var i = 0; i < 5; i++)
        {
            counter.Add(1, new KeyValuePair<string, object?>("id", i));
        }

        counter.Add(10, new KeyValuePair<string, object?>("id", 0));

        t.Scrape().ShouldBe("""
            # TYPE c counter
            c{id="0"} 11
            c{id="1"} 1
            # HELP rxtrader_metrics_dropped_measurements_total Measurements the exporter dropped: over the series cap, or invalid for the instrument kind.
            # TYPE rxtrader_metrics_dropped_measurements_total counter
            rxtrader_metrics_dropped_measurements_total{metric="c",reason="series_limit"} 3

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Observables_ArePolledAtScrapeTime()
    {
        using var t = new TestMeter();
        var calls = 0;
        long total = 10;
        t.Meter.CreateObservableCounter("polled_total", () => { calls++; return total; });
        t.Meter.CreateObservableGauge("queue_depth", () => new Measurement<int>(7, new KeyValuePair<string, object?>("queue", "orders")));
        t.Meter.CreateObservableUpDownCounter("open_orders", () => -2.5);

        calls.ShouldBe(0);
        var first = t.Scrape();
        first.ShouldBe("""
            # TYPE open_orders gauge
            open_orders -2.5
            # TYPE polled_total counter
            polled_total 10
            # TYPE queue_depth gauge
            queue_depth{queue="orders"} 7

            """.ReplaceLineEndings("\n"));
        total = 25;
        t.Scrape().ShouldContain("polled_total 25\n");
        calls.ShouldBe(2);
    }

    [Fact]
    public void Observables_SeveralMeasurementsOfOneTagSet_AddUp_AndUnreportedSetsDropOut()
    {
        using var t = new TestMeter(meters: 2);
        var report = true;
        IEnumerable<Measurement<int>> Observe() => report
            ? [new(1, new KeyValuePair<string, object?>("k", "a")), new(2, new KeyValuePair<string, object?>("k", "b"))]
            : [new(1, new KeyValuePair<string, object?>("k", "a"))];
        t.Meters[0].CreateObservableGauge("tasks", Observe);
        t.Meters[1].CreateObservableGauge("tasks", Observe);

        t.Scrape().ShouldBe("# TYPE tasks gauge\ntasks{k=\"a\"} 2\ntasks{k=\"b\"} 4\n");
        report = false;
        t.Scrape().ShouldBe("# TYPE tasks gauge\ntasks{k=\"a\"} 2\n");
    }

    [Fact]
    public void Observables_ThrowingCallback_IsCountedAndOthersStillWritten()
    {
        using var t = new TestMeter();
        t.Meter.CreateObservableGauge<int>("bad", (Func<int>)(() => throw new InvalidOperationException("boom")));
        t.Meter.CreateObservableGauge("good", () => 1);

        var text = t.Scrape();
        text.ShouldContain("\ngood 1\n");
        text.ShouldContain("# TYPE rxtrader_metrics_callback_errors_total counter\nrxtrader_metrics_callback_errors_total 1\n");
    }

    [Fact]
    public void Meters_NotListed_AreIgnored()
    {
        using var t = new TestMeter();
        using var other = new Meter("RxTrader.Tests.Other." + Guid.NewGuid().ToString("N"));
        other.CreateCounter<int>("other_total").Add(1);
        t.Meter.CreateCounter<int>("mine_total").Add(1);

        var text = t.Scrape();
        text.ShouldContain("mine_total 1");
        text.ShouldNotContain("other_total");
    }

    [Fact]
    public void Instruments_CreatedBeforeTheExporter_AreCollected()
    {
        var name = "RxTrader.Tests." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(name);
        var counter = meter.CreateCounter<int>("early_total");
        counter.Add(1);
        using var exporter = new PrometheusExporter(new PrometheusExporterOptions { MeterNames = [name] });
        counter.Add(2);

        exporter.Scrape().ShouldBe("# TYPE early_total counter\nearly_total 2\n");
    }

    [Fact]
    public void Dispose_StopsRecording_ValuesStayScrapeable()
    {
        using var t = new TestMeter();
        var counter = t.Meter.CreateCounter<int>("c");
        counter.Add(1);
        t.Exporter.Dispose();
        counter.Add(1);

        t.Scrape().ShouldBe("# TYPE c counter\nc 1\n");
    }

    [Fact]
    public void Families_AreSortedByName()
    {
        using var t = new TestMeter();
        t.Meter.CreateCounter<int>("zeta").Add(1);
        t.Meter.CreateCounter<int>("alpha").Add(1);
        t.Meter.CreateCounter<int>("Beta").Add(1);

        var types = t.Scrape().Split('\n').Where(l => l.StartsWith("# TYPE", StringComparison.Ordinal)).ToArray();
        types.ShouldBe(["# TYPE Beta counter", "# TYPE alpha counter", "# TYPE zeta counter"]);
    }

    [Fact]
    public void Record_ExistingSeries_AllocatesNothing()
    {
        using var t = new TestMeter();
        var counter = t.Meter.CreateCounter<long>("c");
        var histogram = t.Meter.CreateHistogram<double>("h");
        var tag = new KeyValuePair<string, object?>("symbol", "BTCUSDT");
        var tag2 = new KeyValuePair<string, object?>("side", "BUY");
        counter.Add(1, tag, tag2);
        histogram.Record(0.001, tag);
        histogram.Record(0.001);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            counter.Add(1, tag, tag2);
            histogram.Record(i * 1e-6, tag);
            histogram.Record(0.5);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        var text = t.Scrape();
        text.ShouldContain("c{symbol=\"BTCUSDT\",side=\"BUY\"} 10001\n");
        text.ShouldContain("h_count{symbol=\"BTCUSDT\"} 10001\n");
        text.ShouldContain("h_count 10001\n");
    }

    [Fact]
    public async Task Record_FromManyThreads_LosesNothing()
    {
        using var t = new TestMeter(new PrometheusExporterOptions { DefaultHistogramBuckets = [0.5] });
        var counter = t.Meter.CreateCounter<int>("c");
        var histogram = t.Meter.CreateHistogram<double>("h");
        const int PerThread = 20_000;
        var threads = Enumerable.Range(0, 4).Select(n => Task.Run(() =>
        {
            var tag = new KeyValuePair<string, object?>("parity", n % 2);
            for (var i = 0; i < PerThread; i++)
            {
                counter.Add(1, tag);
                histogram.Record(i % 2 == 0 ? 0.25 : 1);
            }
        }));
        await Task.WhenAll(threads);

        var text = t.Scrape();
        text.ShouldContain($"c{{parity=\"0\"}} {2 * PerThread}\n");
        text.ShouldContain($"c{{parity=\"1\"}} {2 * PerThread}\n");
        text.ShouldContain($"h_bucket{{le=\"0.5\"}} {2 * PerThread}\nh_bucket{{le=\"+Inf\"}} {4 * PerThread}\n");
        text.ShouldContain($"h_sum {(2 * PerThread * 0.25) + (2 * PerThread * 1)}\nh_count {4 * PerThread}\n");
    }
}

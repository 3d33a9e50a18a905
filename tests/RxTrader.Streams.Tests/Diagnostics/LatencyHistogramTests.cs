using RxTrader.Streams.Diagnostics;

namespace RxTrader.Streams.Tests.Diagnostics;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Empty_ReportsZeros()
    {
        var histogram = new LatencyHistogram();

        histogram.Count.ShouldBe(0);
        histogram.Min.ShouldBe(TimeSpan.Zero);
        histogram.Max.ShouldBe(TimeSpan.Zero);
        histogram.Mean.ShouldBe(TimeSpan.Zero);
        histogram.Percentile(0.99).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Record_TracksAggregatesAndPowerOfTwoBuckets()
    {
        var histogram = new LatencyHistogram();

        histogram.Record(TimeSpan.FromMicroseconds(3));     // [2, 4) µs: bucket 2
        histogram.Record(TimeSpan.FromMicroseconds(1000));  // [512, 1024) µs: bucket 10
        histogram.Record(TimeSpan.FromMicroseconds(-5));    // negative: bucket 0

        histogram.Count.ShouldBe(3);
        histogram.Negative.ShouldBe(1);
        histogram.Last.ShouldBe(TimeSpan.FromMicroseconds(-5));
        histogram.Min.ShouldBe(TimeSpan.FromMicroseconds(-5));
        histogram.Max.ShouldBe(TimeSpan.FromMicroseconds(1000));
        histogram.Mean.ShouldBe(TimeSpan.FromTicks(TimeSpan.FromMicroseconds(998).Ticks / 3));
        histogram.Bucket(0).ShouldBe(1);
        histogram.Bucket(2).ShouldBe(1);
        histogram.Bucket(10).ShouldBe(1);
        histogram.Percentile(0.5).ShouldBe(TimeSpan.FromMicroseconds(4));
        histogram.Percentile(1).ShouldBe(TimeSpan.FromMicroseconds(1024));
    }

    [Fact]
    public void OutOfRangeArguments_Throw()
    {
        var histogram = new LatencyHistogram();

        Should.Throw<ArgumentOutOfRangeException>(() => histogram.Percentile(0));
        Should.Throw<ArgumentOutOfRangeException>(() => histogram.Percentile(1.5));
        Should.Throw<ArgumentOutOfRangeException>(() => histogram.Bucket(64));
        Should.Throw<ArgumentOutOfRangeException>(() => histogram.Bucket(-1));
    }

    [Fact]
    public void WithAnInstrument_RecordsSecondsThere_TaggedOrNot()
    {
        using var meter = new System.Diagnostics.Metrics.Meter("latency-histogram-test-" + Guid.NewGuid().ToString("N"));
        var seen = new List<(string Instrument, double Seconds, int Tags, string? Feed)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) =>
            seen.Add((i.Name, v, tags.Length, tags.Length == 1 ? (string?)tags[0].Value : null)));
        listener.Start();
        var plain = new LatencyHistogram(meter.CreateHistogram<double>("plain_seconds"));
        var tagged = new LatencyHistogram(meter.CreateHistogram<double>("tagged_seconds"), new("feed", "market"));

        plain.Record(TimeSpan.FromMilliseconds(3));
        tagged.Record(TimeSpan.FromMicroseconds(250));

        seen.ShouldBe([("plain_seconds", 0.003, 0, null), ("tagged_seconds", 0.00025, 1, "market")]);
        plain.Count.ShouldBe(1);
        tagged.Count.ShouldBe(1);
        Should.Throw<ArgumentNullException>(() => new LatencyHistogram(null!));
    }
}

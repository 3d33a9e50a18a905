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
}

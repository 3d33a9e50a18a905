using RxTrader.Streams.Indicators;

namespace RxTrader.Streams.Tests.Indicators;

public sealed class VolumeWeightedAveragePriceTests
{
    private static readonly DateTimeOffset Midnight = new(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);

    // technicalindicators 3.1.0 VWAP: cumulative over the whole series, typical price (high + low + close) / 3.
    [Fact]
    public void Update_ReferenceSeries_MatchesTechnicalIndicators310()
    {
        var vwap = new VolumeWeightedAveragePrice();
        vwap.ShouldMatchReference(bar => vwap.Update(bar.High, bar.Low, bar.Close, bar.Volume), "vwap");
    }

    [Fact]
    public void Update_TimedWithoutSession_MatchesTechnicalIndicators310AcrossMidnights()
    {
        var vwap = new VolumeWeightedAveragePrice();
        vwap.ShouldMatchReference(bar => vwap.Update(bar.Candle.OpenTime, bar.High, bar.Low, bar.Close, bar.Volume), "vwap");
    }

    [Fact]
    public void Update_DailySession_RestartsAtUtcMidnight()
    {
        var vwap = new VolumeWeightedAveragePrice(TimeSpan.FromDays(1));
        vwap.Update(Midnight.AddMinutes(-2), 12, 9, 10.5, 2).ShouldBeTrue(); // typical 10.5
        vwap.Current.ShouldBe(10.5);
        vwap.Update(Midnight.AddMinutes(-1), 13, 11, 12, 1).ShouldBeTrue(); // typical 12: (21 + 12) / 3
        vwap.Current.ShouldBe(11);
        vwap.Update(Midnight, 21, 19, 20, 4).ShouldBeTrue(); // new day: typical 20 alone
        vwap.Current.ShouldBe(20);
        vwap.Update(Midnight.AddMinutes(1), 24, 22, 23, 2).ShouldBeTrue(); // (80 + 46) / 6
        vwap.Current.ShouldBe(21);
    }

    [Fact]
    public void Update_NoSession_AccumulatesAcrossMidnight()
    {
        var vwap = new VolumeWeightedAveragePrice();
        vwap.Update(Midnight.AddMinutes(-1), 12, 9, 10.5, 2);
        vwap.Update(Midnight, 21, 19, 20, 4);
        vwap.Current.ShouldBe(101 / 6.0, 1e-12); // (21 + 80) / 6
    }

    [Fact]
    public void Update_LeadingZeroVolume_NotReadyUntilVolumeTrades()
    {
        var vwap = new VolumeWeightedAveragePrice();
        vwap.WarmUpPeriod.ShouldBe(1);
        vwap.Update(12, 9, 10.5, 0).ShouldBeFalse();
        vwap.IsReady.ShouldBeFalse();
        vwap.Update(13, 11, 12, 3).ShouldBeTrue();
        vwap.Current.ShouldBe(12);
    }

    [Theory]
    [InlineData(double.NaN, 1, 1, 1, "high")]
    [InlineData(2, -1, 1, 1, "low")]
    [InlineData(2, 1, double.NegativeInfinity, 1, "close")]
    [InlineData(2, 1, 1, -1, "volume")]
    [InlineData(2, 1, 1, double.NaN, "volume")]
    public void Update_BadInput_ThrowsAndKeepsState(double high, double low, double close, double volume, string param)
    {
        var vwap = new VolumeWeightedAveragePrice(TimeSpan.FromDays(1));
        vwap.Update(Midnight.AddMinutes(-1), 12, 9, 10.5, 2);
        Should.Throw<ArgumentOutOfRangeException>(() => vwap.Update(Midnight, high, low, close, volume)).ParamName.ShouldBe(param);
        Should.Throw<ArgumentOutOfRangeException>(() => vwap.Update(high, low, close, volume)).ParamName.ShouldBe(param);
        vwap.Current.ShouldBe(10.5); // a rejected bar that opens a new session does not reset it either
        vwap.Update(Midnight.AddMinutes(-1), 13, 11, 12, 1);
        vwap.Current.ShouldBe(11);
    }

    [Fact]
    public void Reset_AfterValues_StartsOver()
    {
        var vwap = new VolumeWeightedAveragePrice();
        vwap.Update(12, 9, 10.5, 2);
        vwap.Reset();
        vwap.IsReady.ShouldBeFalse();
        vwap.Current.ShouldBe(0);
        vwap.Update(13, 11, 12, 1).ShouldBeTrue();
        vwap.Current.ShouldBe(12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_NonPositiveSession_Throws(int minutes) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new VolumeWeightedAveragePrice(TimeSpan.FromMinutes(minutes)))
            .ParamName.ShouldBe("sessionLength");
}

using RxTrader.Streams.Indicators;

namespace RxTrader.Streams.Tests.Indicators;

public sealed class AverageTrueRangeTests
{
    // technicalindicators 3.1.0 ATR({ period: 14 }): the first bar has no true range, Wilder smoothing seeded with an SMA.
    [Fact]
    public void Update_ReferenceSeries_MatchesTechnicalIndicators310()
    {
        var atr = new AverageTrueRange(14);
        atr.ShouldMatchReference(bar => atr.Update(bar.High, bar.Low, bar.Close), "atr-14");
    }

    [Fact]
    public void Update_HandComputed_FirstBarOnlyGivesPreviousClose()
    {
        var atr = new AverageTrueRange(2);
        atr.WarmUpPeriod.ShouldBe(3);
        atr.Update(10, 8, 9).ShouldBeFalse();
        atr.Update(11, 9, 10).ShouldBeFalse(); // TR max(2, 2, 0) = 2
        atr.Update(15, 14, 14.5).ShouldBeTrue(); // gap up: TR max(1, 5, 4) = 5
        atr.Current.ShouldBe(3.5);
        atr.Update(14, 13, 13.5).ShouldBeTrue(); // TR max(1, 0.5, 1.5) = 1.5; 3.5 + (1.5 - 3.5) / 2
        atr.Current.ShouldBe(2.5);
    }

    [Theory]
    [InlineData(double.NaN, 1, 1, "high")]
    [InlineData(2, double.PositiveInfinity, 1, "low")]
    [InlineData(2, 1, -1, "close")]
    [InlineData(-1, 1, 1, "high")]
    [InlineData(1, 2, 1.5, "high")] // high below low
    public void Update_BadInput_ThrowsAndKeepsState(double high, double low, double close, string param)
    {
        var (subject, twin) = (new AverageTrueRange(3), new AverageTrueRange(3));
        foreach (var atr in new[] { subject, twin })
        {
            atr.Update(10, 8, 9);
            atr.Update(11, 9, 10);
        }

        Should.Throw<ArgumentOutOfRangeException>(() => subject.Update(high, low, close)).ParamName.ShouldBe(param);
        foreach (var atr in new[] { subject, twin })
        {
            atr.Update(15, 14, 14.5);
            atr.Update(14, 13, 13.5).ShouldBeTrue();
        }

        subject.Current.ShouldBe(twin.Current);
    }

    [Fact]
    public void Reset_AfterValues_StartsOver()
    {
        var atr = new AverageTrueRange(2);
        atr.Update(10, 8, 9);
        atr.Update(11, 9, 10);
        atr.Update(15, 14, 14.5).ShouldBeTrue();
        atr.Reset();
        atr.IsReady.ShouldBeFalse();
        atr.Current.ShouldBe(0);
        atr.Update(15, 14, 14.5).ShouldBeFalse(); // a first bar again: no true range
        atr.Update(11, 9, 10).ShouldBeFalse();
        atr.Update(10, 8, 9).ShouldBeTrue(); // TRs 5.5 and 2
        atr.Current.ShouldBe(3.75);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_NonPositivePeriod_Throws(int period) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new AverageTrueRange(period)).ParamName.ShouldBe("period");
}

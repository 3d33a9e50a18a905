using RxTrader.Streams.Indicators;

namespace RxTrader.Streams.Tests.Indicators;

public sealed class ExponentialMovingAverageTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(14)]
    [InlineData(20)]
    public void Update_ReferenceSeries_MatchesTechnicalIndicators310(int period)
    {
        var ema = new ExponentialMovingAverage(period);
        ema.ShouldMatchReference(bar => ema.Update(bar.Close), $"ema-{period}");
    }

    [Fact]
    public void Update_HandComputed_SeededWithSimpleAverageThenSmoothed()
    {
        var ema = new ExponentialMovingAverage(3); // alpha = 2 / 4 = 0.5
        ema.WarmUpPeriod.ShouldBe(3);
        ema.Update(1).ShouldBeFalse();
        ema.Update(2).ShouldBeFalse();
        ema.Update(6).ShouldBeTrue();
        ema.Current.ShouldBe(3); // (1 + 2 + 6) / 3
        ema.Update(11).ShouldBeTrue();
        ema.Current.ShouldBe(7); // 3 + (11 - 3) * 0.5
    }

    [Theory]
    [MemberData(nameof(CalculatorContract.BadInputs), MemberType = typeof(CalculatorContract))]
    public void Update_BadInput_ThrowsAndKeepsState(double bad) =>
        CalculatorContract.BadInputShouldThrowAndKeepState(() => new ExponentialMovingAverage(5), bad);

    [Fact]
    public void Reset_AfterValues_StartsOver() => CalculatorContract.ResetShouldStartOver(() => new ExponentialMovingAverage(5));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_NonPositivePeriod_Throws(int period) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new ExponentialMovingAverage(period)).ParamName.ShouldBe("period");
}

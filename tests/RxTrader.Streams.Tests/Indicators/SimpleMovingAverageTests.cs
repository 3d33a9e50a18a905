using RxTrader.Streams.Indicators;

namespace RxTrader.Streams.Tests.Indicators;

public sealed class SimpleMovingAverageTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(14)]
    [InlineData(20)]
    public void Update_ReferenceSeries_MatchesTechnicalIndicators310(int period)
    {
        var sma = new SimpleMovingAverage(period);
        sma.ShouldMatchReference(bar => sma.Update(bar.Close), $"sma-{period}");
    }

    [Fact]
    public void Update_HandComputed_FirstValueIsMeanOfFirstPeriodPrices()
    {
        var sma = new SimpleMovingAverage(3);
        sma.WarmUpPeriod.ShouldBe(3);
        sma.Update(1).ShouldBeFalse();
        sma.Update(2).ShouldBeFalse();
        sma.Current.ShouldBe(0);
        sma.Update(6).ShouldBeTrue();
        sma.Current.ShouldBe(3);
        sma.Update(10).ShouldBeTrue();
        sma.Current.ShouldBe(6);
    }

    [Theory]
    [MemberData(nameof(CalculatorContract.BadInputs), MemberType = typeof(CalculatorContract))]
    public void Update_BadInput_ThrowsAndKeepsState(double bad) =>
        CalculatorContract.BadInputShouldThrowAndKeepState(() => new SimpleMovingAverage(5), bad);

    [Fact]
    public void Reset_AfterValues_StartsOver() => CalculatorContract.ResetShouldStartOver(() => new SimpleMovingAverage(5));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_NonPositivePeriod_Throws(int period) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new SimpleMovingAverage(period)).ParamName.ShouldBe("period");
}

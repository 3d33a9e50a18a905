using RxTrader.Streams.Indicators;

namespace RxTrader.Streams.Tests.Indicators;

public sealed class RelativeStrengthIndexTests
{
    // The rsi column is full precision, built from technicalindicators 3.1.0's own Wilder averages (its RSI output
    // is rounded to 2 decimals; generate.mjs checks the two agree).
    [Fact]
    public void Update_ReferenceSeries_MatchesTechnicalIndicators310()
    {
        var rsi = new RelativeStrengthIndex(14);
        rsi.ShouldMatchReference(bar => rsi.Update(bar.Close), "rsi-14");
    }

    // A second implementation (Wilder smoothing written as avg += (x - avg) / period): equal within rounding.
    [Fact]
    public void Update_ReferenceSeries_MatchesTradingSignals830()
    {
        var rsi = new RelativeStrengthIndex(14);
        var expected = ReferenceFixture.Values("rsi-14");
        for (var i = 0; i < expected.Length; i++)
        {
            rsi.Update(ReferenceFixture.Bars[i].Close).ShouldBe(expected[i][2].HasValue);
            if (rsi.IsReady)
            {
                rsi.Current.ShouldMatch(expected[i][2]!.Value, $"trading-signals 8.3.0 bar {i}");
            }
        }
    }

    [Fact]
    public void Update_ReferenceSeries_RoundsToTechnicalIndicators310RsiOutput()
    {
        var rsi = new RelativeStrengthIndex(14);
        var expected = ReferenceFixture.Values("rsi-14");
        for (var i = 0; i < expected.Length; i++)
        {
            if (rsi.Update(ReferenceFixture.Bars[i].Close))
            {
                Math.Abs(rsi.Current - expected[i][1]!.Value).ShouldBeLessThanOrEqualTo(0.005 + 1e-9, $"bar {i}");
            }
        }
    }

    [Fact]
    public void Update_HandComputed_SeedsWithMeanChangesThenWilderSmoothing()
    {
        var rsi = new RelativeStrengthIndex(2);
        rsi.WarmUpPeriod.ShouldBe(3);
        rsi.Update(10).ShouldBeFalse();
        rsi.Update(11).ShouldBeFalse();
        rsi.Update(10.5).ShouldBeTrue(); // gain 0.5, loss 0.25: RS 2
        rsi.Current.ShouldBe(100 - (100 / 3.0), 1e-12);
        rsi.Update(12).ShouldBeTrue(); // gain (0.5 + 1.5) / 2 = 1, loss 0.25 / 2 = 0.125: RS 8
        rsi.Current.ShouldBe(100 - (100 / 9.0), 1e-12);
    }

    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 100)]
    [InlineData(new[] { 4.0, 3, 2, 1 }, 0)]
    [InlineData(new[] { 5.0, 5, 5, 5 }, 100)] // no loss at all counts as 100, as in technicalindicators
    public void Update_OneSidedOrFlat_UsesReferenceEdgeCases(double[] prices, double expected)
    {
        var rsi = new RelativeStrengthIndex(3);
        foreach (var price in prices)
        {
            rsi.Update(price);
        }

        rsi.Current.ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(CalculatorContract.BadInputs), MemberType = typeof(CalculatorContract))]
    public void Update_BadInput_ThrowsAndKeepsState(double bad) =>
        CalculatorContract.BadInputShouldThrowAndKeepState(() => new RelativeStrengthIndex(5), bad);

    [Fact]
    public void Reset_AfterValues_StartsOver() => CalculatorContract.ResetShouldStartOver(() => new RelativeStrengthIndex(5));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_NonPositivePeriod_Throws(int period) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new RelativeStrengthIndex(period)).ParamName.ShouldBe("period");
}

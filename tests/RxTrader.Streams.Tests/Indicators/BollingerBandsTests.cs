using RxTrader.Streams.Indicators;

namespace RxTrader.Streams.Tests.Indicators;

public sealed class BollingerBandsTests
{
    // technicalindicators 3.1.0 BollingerBands({ period: 20, stdDev: 2 }), population standard deviation.
    [Fact]
    public void Update_ReferenceSeries_MatchesTechnicalIndicators310()
    {
        var bands = new BollingerBands();
        var expected = ReferenceFixture.Values("bollinger-20-2");
        Array.FindIndex(expected, static row => row[0].HasValue).ShouldBe(bands.WarmUpPeriod - 1);
        for (var i = 0; i < expected.Length; i++)
        {
            var ready = bands.Update(ReferenceFixture.Bars[i].Close);
            ready.ShouldBe(expected[i][0].HasValue, $"bar {i}: ready");
            if (ready)
            {
                bands.Current.Middle.ShouldMatch(expected[i][0]!.Value, $"middle bar {i}");
                bands.Current.Upper.ShouldMatch(expected[i][1]!.Value, $"upper bar {i}");
                bands.Current.Lower.ShouldMatch(expected[i][2]!.Value, $"lower bar {i}");
            }
        }
    }

    [Fact]
    public void Update_HandComputed_UsesPopulationStandardDeviation()
    {
        // Mean 5, population deviation exactly 2 (the sample one would be 2.138...).
        var bands = new BollingerBands(8, 2);
        foreach (var price in new[] { 2.0, 4, 4, 4, 5, 5, 7 })
        {
            bands.Update(price).ShouldBeFalse();
        }

        bands.Update(9).ShouldBeTrue();
        bands.Current.ShouldBe(new BollingerValue(5, 9, 1));
    }

    [Theory]
    [MemberData(nameof(CalculatorContract.BadInputs), MemberType = typeof(CalculatorContract))]
    public void Update_BadInput_ThrowsAndKeepsState(double bad) =>
        CalculatorContract.BadInputShouldThrowAndKeepState(() => new BollingerBands(5), bad);

    [Fact]
    public void Reset_AfterValues_StartsOver() => CalculatorContract.ResetShouldStartOver(() => new BollingerBands(5));

    [Theory]
    [InlineData(0, 2, "period")]
    [InlineData(-1, 2, "period")]
    [InlineData(20, 0, "multiplier")]
    [InlineData(20, -1, "multiplier")]
    [InlineData(20, double.NaN, "multiplier")]
    [InlineData(20, double.PositiveInfinity, "multiplier")]
    public void Constructor_BadArguments_Throws(int period, double multiplier, string param) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new BollingerBands(period, multiplier)).ParamName.ShouldBe(param);
}

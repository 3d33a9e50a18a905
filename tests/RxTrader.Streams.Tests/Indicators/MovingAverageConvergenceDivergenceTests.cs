using RxTrader.Streams.Indicators;

namespace RxTrader.Streams.Tests.Indicators;

public sealed class MovingAverageConvergenceDivergenceTests
{
    // technicalindicators 3.1.0 with SimpleMAOscillator: false, SimpleMASignal: false.
    [Fact]
    public void Update_ReferenceSeries_MatchesTechnicalIndicators310()
    {
        var macd = new MovingAverageConvergenceDivergence();
        var expected = ReferenceFixture.Values("macd-12-26-9");
        macd.WarmUpPeriod.ShouldBe(34);
        Array.FindIndex(expected, static row => row[0].HasValue).ShouldBe(25); // the library's line alone starts at slow
        Array.FindIndex(expected, static row => row[1].HasValue).ShouldBe(macd.WarmUpPeriod - 1);
        for (var i = 0; i < expected.Length; i++)
        {
            var ready = macd.Update(ReferenceFixture.Bars[i].Close);
            ready.ShouldBe(expected[i][1].HasValue, $"bar {i}: ready");
            if (ready)
            {
                macd.Current.Macd.ShouldMatch(expected[i][0]!.Value, $"macd bar {i}");
                macd.Current.Signal.ShouldMatch(expected[i][1]!.Value, $"signal bar {i}");
                macd.Current.Histogram.ShouldMatch(expected[i][2]!.Value, $"histogram bar {i}");
            }
        }
    }

    [Fact]
    public void Update_HandComputed_SignalSmoothsNegativeMacdToo()
    {
        var macd = new MovingAverageConvergenceDivergence(1, 2, 2);
        macd.WarmUpPeriod.ShouldBe(3);
        macd.Update(10).ShouldBeFalse();
        macd.Update(13).ShouldBeFalse(); // slow seeded at 11.5: MACD 1.5
        macd.Update(10).ShouldBeTrue(); // slow 11.5 - 1.5 * 2/3 = 10.5: MACD -0.5, signal (1.5 - 0.5) / 2
        macd.Current.Macd.ShouldBe(-0.5, 1e-12);
        macd.Current.Signal.ShouldBe(0.5, 1e-12);
        macd.Current.Histogram.ShouldBe(-1, 1e-12);
    }

    [Theory]
    [MemberData(nameof(CalculatorContract.BadInputs), MemberType = typeof(CalculatorContract))]
    public void Update_BadInput_ThrowsAndKeepsState(double bad) =>
        CalculatorContract.BadInputShouldThrowAndKeepState(() => new MovingAverageConvergenceDivergence(3, 6, 4), bad);

    [Fact]
    public void Reset_AfterValues_StartsOver() =>
        CalculatorContract.ResetShouldStartOver(() => new MovingAverageConvergenceDivergence(3, 6, 4));

    [Theory]
    [InlineData(0, 26, 9, "fastPeriod")]
    [InlineData(12, 0, 9, "slowPeriod")]
    [InlineData(12, 26, 0, "signalPeriod")]
    [InlineData(26, 26, 9, "fastPeriod")]
    [InlineData(27, 26, 9, "fastPeriod")]
    public void Constructor_BadPeriods_Throws(int fast, int slow, int signal, string param) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new MovingAverageConvergenceDivergence(fast, slow, signal))
            .ParamName.ShouldBe(param);
}

using System.Text;
using RxTrader.Binance.Wire;

namespace RxTrader.Binance.Tests.Wire;

public sealed class KlineIntervalsTests
{
    [Fact]
    public void ToCode_EveryInterval_ParsesBackFromCharsAndBytes()
    {
        foreach (var interval in Enum.GetValues<KlineInterval>())
        {
            var code = interval.ToCode();
            KlineIntervals.TryParse(code, out var fromChars).ShouldBeTrue();
            KlineIntervals.TryParse(Encoding.UTF8.GetBytes(code), out var fromBytes).ShouldBeTrue();
            (fromChars, fromBytes).ShouldBe((interval, interval));
        }
    }

    [Fact]
    public void Codes_AreTheSixteenBinanceCodes() =>
        Enum.GetValues<KlineInterval>().Select(i => i.ToCode())
            .ShouldBe(["1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M"]);

    [Theory]
    [InlineData(KlineInterval.OneSecond, 1L)]
    [InlineData(KlineInterval.ThreeMinutes, 180L)]
    [InlineData(KlineInterval.EightHours, 28_800L)]
    [InlineData(KlineInterval.ThreeDays, 259_200L)]
    [InlineData(KlineInterval.OneWeek, 604_800L)]
    public void TryGetDuration_FixedInterval_GivesLength(KlineInterval interval, long seconds)
    {
        interval.TryGetDuration(out var duration).ShouldBeTrue();
        duration.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void TryGetDuration_Month_IsFalse() => KlineInterval.OneMonth.TryGetDuration(out _).ShouldBeFalse();

    [Theory]
    [InlineData("")]
    [InlineData("1S")]
    [InlineData("2m")]
    [InlineData("1mo")]
    [InlineData("60m")]
    public void TryParse_UnknownCode_IsFalse(string code)
    {
        KlineIntervals.TryParse(code, out _).ShouldBeFalse();
        KlineIntervals.TryParse(Encoding.UTF8.GetBytes(code), out _).ShouldBeFalse();
    }

    [Fact]
    public void ToCode_UndefinedInterval_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ((KlineInterval)0).ToCode());
}

using RxTrader.Host.Configuration;

namespace RxTrader.Host.Tests.Configuration;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("1s", 1_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("5m", 300_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("1w", 604_800_000)]
    [InlineData(" 30s ", 30_000)]
    [InlineData("00:00:05", 5_000)]
    [InlineData("1.00:00:00", 86_400_000)]
    public void TryParse_KnownForms_Parses(string text, long expectedMs)
    {
        DurationText.TryParse(text, out var value).ShouldBeTrue();
        value.ShouldBe(TimeSpan.FromMilliseconds(expectedMs));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7x")]
    [InlineData("s")]
    [InlineData("1M")]
    [InlineData("-1s")]
    [InlineData("-00:00:01")]
    [InlineData("1e3s")]
    [InlineData("999999999999999999d")]
    public void TryParse_Garbage_Fails(string? text) => DurationText.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData(250, "250ms")]
    [InlineData(1_000, "1s")]
    [InlineData(90_000, "90s")]
    [InlineData(300_000, "5m")]
    [InlineData(7_200_000, "2h")]
    [InlineData(86_400_000, "1d")]
    [InlineData(0, "0s")]
    public void Format_WholeUnits_ShortestForm(long ms, string expected) =>
        DurationText.Format(TimeSpan.FromMilliseconds(ms)).ShouldBe(expected);

    [Fact]
    public void Format_SubMillisecond_TimeSpanForm() =>
        DurationText.Format(TimeSpan.FromTicks(15)).ShouldBe("00:00:00.0000015");
}

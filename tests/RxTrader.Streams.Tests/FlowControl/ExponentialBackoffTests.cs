using RxTrader.Streams.FlowControl;

namespace RxTrader.Streams.Tests.FlowControl;

public sealed class ExponentialBackoffTests
{
    private static ExponentialBackoff CreateSut(double jitter = 0) =>
        new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 2, jitter);

    [Theory]
    [InlineData(0, 30, 2, 0)]
    [InlineData(-1, 30, 2, 0)]
    [InlineData(2, 1, 2, 0)]
    [InlineData(1, 30, 0.5, 0)]
    [InlineData(1, 30, double.NaN, 0)]
    [InlineData(1, 30, double.PositiveInfinity, 0)]
    [InlineData(1, 30, 2, -0.1)]
    [InlineData(1, 30, 2, 1.1)]
    [InlineData(1, 30, 2, double.NaN)]
    public void Constructor_OutOfRange_Throws(double initial, double max, double multiplier, double jitter) =>
        Should.Throw<ArgumentOutOfRangeException>(() =>
            new ExponentialBackoff(TimeSpan.FromSeconds(initial), TimeSpan.FromSeconds(max), multiplier, jitter));

    [Fact]
    public void Delay_BadArguments_Throw()
    {
        var sut = CreateSut();
        Should.Throw<ArgumentOutOfRangeException>(() => sut.BaseDelay(0));
        Should.Throw<ArgumentOutOfRangeException>(() => sut.Delay(0, 0.5));
        Should.Throw<ArgumentOutOfRangeException>(() => sut.Delay(1, 1.0));
        Should.Throw<ArgumentOutOfRangeException>(() => sut.Delay(1, -0.1));
        Should.Throw<ArgumentNullException>(() => sut.Delay(1, (Random)null!));
    }

    [Fact]
    public void BaseDelay_GrowsByMultiplierAndCapsAtMax()
    {
        var sut = CreateSut();

        Enumerable.Range(1, 7).Select(sut.BaseDelay).Select(d => d.TotalSeconds).ShouldBe([1, 2, 4, 8, 16, 30, 30]);
    }

    [Fact]
    public void BaseDelay_HugeAttempt_IsMaxWithoutOverflow()
    {
        CreateSut().BaseDelay(int.MaxValue).ShouldBe(TimeSpan.FromSeconds(30));
        new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.MaxValue, 10).BaseDelay(1000).ShouldBe(TimeSpan.MaxValue);
    }

    [Theory]
    [InlineData(1, 0.0, 800)] // 1 s × (1 − 0.2)
    [InlineData(1, 0.5, 1000)]
    [InlineData(1, 0.75, 1100)] // 1 s × (1 − 0.2 + 0.4 × 0.75)
    [InlineData(3, 0.25, 3600)] // 4 s × 0.9
    [InlineData(5, 0.75, 17600)] // 16 s × 1.1
    [InlineData(6, 0.0, 24000)] // 30 s × 0.8
    [InlineData(6, 0.75, 30000)] // 30 s × 1.1, capped
    public void Delay_Jitter_SpreadsAroundBaseAndCaps(int attempt, double sample, int expectedMs) =>
        CreateSut(jitter: 0.2).Delay(attempt, sample).ShouldBe(TimeSpan.FromMilliseconds(expectedMs));

    [Fact]
    public void Delay_NoJitter_IgnoresSample() =>
        CreateSut().Delay(3, 0.99).ShouldBe(TimeSpan.FromSeconds(4));

    [Fact]
    public void Delay_SeededRandom_ReplaysAndStaysInBounds()
    {
        var sut = CreateSut(jitter: 0.5);

        List<TimeSpan> Delays(int seed)
        {
            var random = new Random(seed);
            return [.. Enumerable.Range(1, 20).Select(n => sut.Delay(n, random))];
        }

        var first = Delays(7);
        var again = Delays(7);
        var other = Delays(8);

        again.ShouldBe(first);
        other.ShouldNotBe(first);
        for (var n = 1; n <= 20; n++)
        {
            first[n - 1].ShouldBeInRange(sut.BaseDelay(n) * 0.5, TimeSpan.FromSeconds(30));
        }
    }
}

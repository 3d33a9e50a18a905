using RxTrader.Binance.Wire;

namespace RxTrader.Binance.Tests.Wire;

public sealed class WireTimeTests
{
    [Theory]
    [InlineData(0L, WireTimeUnit.Millisecond, 0L)]
    [InlineData(1672515782136L, WireTimeUnit.Millisecond, 1672515782136L * 10_000)]
    [InlineData(1672515782136123L, WireTimeUnit.Microsecond, 1672515782136123L * 10)]
    [InlineData(-1L, WireTimeUnit.Microsecond, -10L)]
    public void TryFromUnix_InRange_Converts(long value, WireTimeUnit unit, long ticksSinceEpoch)
    {
        WireTime.TryFromUnix(value, unit, out var time).ShouldBeTrue();
        time.ShouldBe(DateTimeOffset.UnixEpoch.AddTicks(ticksSinceEpoch));
        time.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(253_402_300_799_999L, WireTimeUnit.Millisecond, true)]
    [InlineData(253_402_300_800_000L, WireTimeUnit.Millisecond, false)]
    [InlineData(-62_135_596_800_000L, WireTimeUnit.Millisecond, true)]
    [InlineData(-62_135_596_800_001L, WireTimeUnit.Millisecond, false)]
    [InlineData(253_402_300_799_999_999L, WireTimeUnit.Microsecond, true)]
    [InlineData(253_402_300_800_000_000L, WireTimeUnit.Microsecond, false)]
    [InlineData(long.MaxValue, WireTimeUnit.Microsecond, false)]
    [InlineData(long.MinValue, WireTimeUnit.Millisecond, false)]
    public void TryFromUnix_AtRangeEdges_NeverThrows(long value, WireTimeUnit unit, bool representable) =>
        WireTime.TryFromUnix(value, unit, out _).ShouldBe(representable);
}

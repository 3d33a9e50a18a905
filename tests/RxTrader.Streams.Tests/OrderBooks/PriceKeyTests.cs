using RxTrader.Streams.OrderBooks;

namespace RxTrader.Streams.Tests.OrderBooks;

public sealed class PriceKeyTests
{
    [Theory]
    [InlineData("58001.03000000", "58001.03")]
    [InlineData("1", "1.000000000000000000")]
    [InlineData("0.000000000000000001", "0.0000000000000000010000")]
    public void TryCreate_EqualValuesWithOtherScales_SameKey(string a, string b)
    {
        PriceKey.TryCreate(decimal.Parse(a), out var ka).ShouldBeTrue();
        PriceKey.TryCreate(decimal.Parse(b), out var kb).ShouldBeTrue();
        ka.ShouldBe(kb);
    }

    [Fact]
    public void TryCreate_RandomPairs_OrdersLikeTheDecimals()
    {
        var random = new Random(3);
        for (var i = 0; i < 10_000; i++)
        {
            var a = RandomPrice(random);
            var b = RandomPrice(random);
            PriceKey.TryCreate(a, out var ka).ShouldBeTrue();
            PriceKey.TryCreate(b, out var kb).ShouldBeTrue();
            ka.CompareTo(kb).ShouldBe(a.CompareTo(b), $"{a} vs {b}");
        }
    }

    [Fact]
    public void TryCreate_Negative_NegativeKey()
    {
        PriceKey.TryCreate(-1.5m, out var key).ShouldBeTrue();
        (key < 0).ShouldBeTrue();
    }

    [Theory]
    [InlineData("0.0000000000000000001")] // 19 decimal places
    [InlineData("79228162514264337593543950335")] // decimal.MaxValue: beyond the Int128 range at 18 places
    public void TryCreate_NotExactlyRepresentable_Fails(string price) =>
        PriceKey.TryCreate(decimal.Parse(price), out _).ShouldBeFalse();

    // Prices with 0 to 8 decimal places and magnitudes from 1e-8 to 1e14.
    private static decimal RandomPrice(Random random)
    {
        var mantissa = random.NextInt64(1, 100_000_000_000_000);
        var scale = (byte)random.Next(0, 9);
        return new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, false, scale);
    }
}

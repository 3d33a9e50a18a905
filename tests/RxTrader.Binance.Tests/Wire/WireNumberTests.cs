using System.Globalization;
using System.Text;
using RxTrader.Binance.Wire;

namespace RxTrader.Binance.Tests.Wire;

public sealed class WireNumberTests
{
    private static bool ParseDecimal(string text, out decimal value) => WireNumber.TryParseDecimal(Encoding.UTF8.GetBytes(text), out value);

    private static bool ParseInt64(string text, out long value) => WireNumber.TryParseInt64(Encoding.UTF8.GetBytes(text), out value);

    [Fact]
    public void TryParseDecimal_GeneratedWireValues_MatchDecimalParseIncludingScale()
    {
        var random = new Random(42);
        for (var i = 0; i < 5000; i++)
        {
            var scale = random.Next(0, 11);
            var units = random.NextInt64(0, 10_000_000_000);
            var text = (random.Next(4) == 0 ? "-" : string.Empty) + new decimal(units).ToString(CultureInfo.InvariantCulture);
            if (scale > 0)
            {
                text += "." + random.NextInt64(0, (long)Math.Pow(10, scale)).ToString(CultureInfo.InvariantCulture).PadLeft(scale, '0');
            }

            ParseDecimal(text, out var value).ShouldBeTrue(text);
            var expected = decimal.Parse(text, CultureInfo.InvariantCulture);
            value.ShouldBe(expected, text);
            value.Scale.ShouldBe(expected.Scale, text);
        }
    }

    [Theory]
    [InlineData("61035.99000000", "61035.99000000")]
    [InlineData("0.00000000", "0.00000000")]
    [InlineData("9999999999999999999", "9999999999999999999")]
    [InlineData("12345678901234567890.123", "12345678901234567890.123")]
    [InlineData("1e3", "1000")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void TryParseDecimal_Valid_ParsesExactly(string text, string expected)
    {
        ParseDecimal(text, out var value).ShouldBeTrue();
        value.ShouldBe(decimal.Parse(expected, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1,5")]
    [InlineData("1 ")]
    [InlineData("79228162514264337593543950336")]
    public void TryParseDecimal_Invalid_IsFalse(string text) => ParseDecimal(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1672515782136", 1672515782136L)]
    [InlineData("-1", -1L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void TryParseInt64_Valid_Parses(string text, long expected)
    {
        ParseInt64(text, out var value).ShouldBeTrue();
        value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("9223372036854775808")]
    [InlineData("12345678901234567890")]
    public void TryParseInt64_Invalid_IsFalse(string text) => ParseInt64(text, out _).ShouldBeFalse();
}

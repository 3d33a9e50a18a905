using System.Buffers;
using System.Text;
using System.Text.Json;
using RxTrader.Simulator.Publishing;

namespace RxTrader.Simulator.Tests.Publishing;

public sealed class WireJsonTests
{
    [Theory]
    [InlineData("0", "0.00000000")]
    [InlineData("0.001", "0.00100000")]
    [InlineData("-94.999998", "-94.99999800")]
    [InlineData("-0.5", "-0.50000000")]
    [InlineData("25.351900004", "25.35190000")]
    [InlineData("0.000000005", "0.00000000")]
    [InlineData("0.000000015", "0.00000002")]
    [InlineData("89999999999.12345678", "89999999999.12345678")]
    [InlineData("123456789012345.5", "123456789012345.50000000")]
    public void WriteDecimalValue_EightDecimals(string value, string expected)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteDecimalValue(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        Encoding.UTF8.GetString(buffer.WrittenSpan).ShouldBe($"\"{expected}\"");
    }
}

using System.Buffers;
using System.Text;
using RxTrader.Binance.Wire;
using RxTrader.Core;

namespace RxTrader.Binance.Tests.Wire;

public sealed class ControlRequestWriterTests
{
    private static readonly Symbol Btc = new("BTCUSDT");

    private static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);

    [Fact]
    public void ToUtf8_Subscribe_MatchesSpec() =>
        Text(ControlRequestWriter.ToUtf8(ControlMethod.Subscribe, [StreamName.AggregateTrade(Btc), StreamName.DiffDepth(Btc)], 1))
            .ShouldBe("""{"method":"SUBSCRIBE","params":["btcusdt@aggTrade","btcusdt@depth"],"id":1}""");

    [Fact]
    public void ToUtf8_Unsubscribe_MatchesSpec() =>
        Text(ControlRequestWriter.ToUtf8(ControlMethod.Unsubscribe, [StreamName.DiffDepth(Btc)], 312))
            .ShouldBe("""{"method":"UNSUBSCRIBE","params":["btcusdt@depth"],"id":312}""");

    [Fact]
    public void ToUtf8_ListSubscriptions_HasNoParams() =>
        Text(ControlRequestWriter.ToUtf8(ControlMethod.ListSubscriptions, [], 3))
            .ShouldBe("""{"method":"LIST_SUBSCRIPTIONS","id":3}""");

    [Fact]
    public void Write_RawNames_WritesThemVerbatim()
    {
        var output = new ArrayBufferWriter<byte>();

        ControlRequestWriter.Write(output, ControlMethod.Subscribe, ["btcusdt@depth@1000ms"], long.MaxValue);

        Encoding.UTF8.GetString(output.WrittenSpan)
            .ShouldBe("""{"method":"SUBSCRIBE","params":["btcusdt@depth@1000ms"],"id":9223372036854775807}""");
    }

    [Fact]
    public void Write_NullOutput_Throws() =>
        Should.Throw<ArgumentNullException>(() => ControlRequestWriter.Write(null!, ControlMethod.Subscribe, [StreamName.Trade(Btc)], 1));

    [Fact]
    public void Write_NullStreamName_Throws() =>
        Should.Throw<ArgumentNullException>(() =>
            ControlRequestWriter.Write(new ArrayBufferWriter<byte>(), ControlMethod.Subscribe, new string[] { null! }, 1));

    [Theory]
    [InlineData(ControlMethod.Subscribe, 0)]
    [InlineData(ControlMethod.Unsubscribe, 0)]
    [InlineData(ControlMethod.ListSubscriptions, 1)]
    public void ToUtf8_StreamCountNotFittingMethod_Throws(ControlMethod method, int count) =>
        Should.Throw<ArgumentException>(() =>
            ControlRequestWriter.ToUtf8(method, Enumerable.Repeat(StreamName.Trade(Btc), count).ToArray(), 1));

    [Fact]
    public void ToUtf8_UndefinedMethod_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ControlRequestWriter.ToUtf8((ControlMethod)9, [], 1));
}

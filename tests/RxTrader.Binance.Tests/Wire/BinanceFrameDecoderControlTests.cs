using RxTrader.Binance.Wire;

namespace RxTrader.Binance.Tests.Wire;

public sealed class BinanceFrameDecoderControlTests
{
    private readonly RecordingSink _sink = new();
    private readonly BinanceFrameDecoder _decoder = new();

    private DecodeStatus Decode(string frame) => _decoder.Decode(Frames.Utf8(frame), _sink);

    private ControlReply DecodeReply(string frame)
    {
        Decode(frame).ShouldBe(DecodeStatus.Control);
        _decoder.Counters.ControlReplies.ShouldBe(1);
        return _sink.Single<ControlReply>();
    }

    [Fact]
    public void Decode_NullResult_IsAcknowledgedWithId()
    {
        var reply = DecodeReply("""{"result":null,"id":1}""");

        reply.Kind.ShouldBe(ControlReplyKind.Acknowledged);
        reply.Id.ShouldBe(1);
        reply.TextId.ShouldBeNull();
        reply.Streams.ShouldBeEmpty();
        reply.Error.ShouldBeNull();
    }

    [Fact]
    public void Decode_IdBeforeResult_IsAcknowledged() =>
        DecodeReply("""{"id":312,"result":null}""").ShouldBe(new ControlReply { Kind = ControlReplyKind.Acknowledged, Id = 312 });

    [Fact]
    public void Decode_ListSubscriptionsResult_ListsStreams()
    {
        var reply = DecodeReply("""{"result":["btcusdt@aggTrade","btcusdt@depth"],"id":3}""");

        reply.Kind.ShouldBe(ControlReplyKind.Subscriptions);
        reply.Id.ShouldBe(3);
        reply.Streams.ShouldBe(["btcusdt@aggTrade", "btcusdt@depth"]);
    }

    [Fact]
    public void Decode_EmptyListResult_ListsNoStreams() =>
        DecodeReply("""{"result":[],"id":4}""").Streams.ShouldBeEmpty();

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Decode_BooleanResult_IsPropertyValue(string value, bool expected)
    {
        var reply = DecodeReply($$"""{"result":{{value}},"id":2}""");

        reply.Kind.ShouldBe(ControlReplyKind.PropertyValue);
        reply.PropertyValue.ShouldBe(expected);
    }

    [Fact]
    public void Decode_ErrorEnvelope_CarriesCodeMessageAndId()
    {
        var reply = DecodeReply("""{"error":{"code":2,"msg":"Invalid request: invalid stream"},"id":7}""");

        reply.Kind.ShouldBe(ControlReplyKind.Error);
        reply.Id.ShouldBe(7);
        reply.Error.ShouldBe(new StreamError(2, "Invalid request: invalid stream"));
    }

    [Fact]
    public void Decode_BareCodeAndMessage_IsErrorWithoutId()
    {
        var reply = DecodeReply("""{"code":3,"msg":"Invalid JSON: expected value at line 1 column 1"}""");

        reply.Kind.ShouldBe(ControlReplyKind.Error);
        reply.Id.ShouldBeNull();
        reply.Error.ShouldBe(new StreamError(3, "Invalid JSON: expected value at line 1 column 1"));
    }

    [Fact]
    public void Decode_EscapedMessage_IsUnescaped() =>
        DecodeReply("""{"code":2,"msg":"unknown variant `X`, expected \"SUBSCRIBE\"\u0021"}""")
            .Error!.Value.Message.ShouldBe("unknown variant `X`, expected \"SUBSCRIBE\"!");

    [Fact]
    public void Decode_StringId_IsTextId()
    {
        var reply = DecodeReply("""{"result":null,"id":"req-1"}""");

        reply.Id.ShouldBeNull();
        reply.TextId.ShouldBe("req-1");
    }

    [Fact]
    public void Decode_NullId_HasNoId() => DecodeReply("""{"result":null,"id":null}""").Id.ShouldBeNull();

    [Theory]
    [InlineData("""{"result":5,"id":1}""")]
    [InlineData("""{"result":"x","id":1}""")]
    [InlineData("""{"result":[1,2],"id":1}""")]
    [InlineData("""{"result":null,"id":true}""")]
    [InlineData("""{"result":null,"id":1.5}""")]
    [InlineData("""{"error":"bad","id":1}""")]
    [InlineData("""{"error":{"msg":"no code"},"id":1}""")]
    [InlineData("""{"error":{"code":"2","msg":"x"},"id":1}""")]
    [InlineData("""{"error":{"code":2},"id":1}""")]
    [InlineData("""{"error":{"code":99999999999,"msg":"x"},"id":1}""")]
    [InlineData("""{"code":2,"msg":5}""")]
    public void Decode_MalformedControlReply_IsCountedAndSkipped(string frame)
    {
        Decode(frame).ShouldBe(DecodeStatus.Malformed);

        _sink.Items.ShouldBeEmpty();
        _decoder.Counters.Malformed.ShouldBe(1);
        _decoder.Counters.ControlReplies.ShouldBe(0);
    }

    [Fact]
    public void Decode_RawServerShutdown_IsControlNotice()
    {
        Decode(Frames.ServerShutdown).ShouldBe(DecodeStatus.Control);

        _sink.Single<ServerShutdown>().EventTime.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1770123456789));
        _decoder.Counters.ServerShutdowns.ShouldBe(1);
    }

    [Fact]
    public void Decode_CombinedServerShutdown_IsControlNotice()
    {
        Decode(Frames.Combined("!serverShutdown", Frames.ServerShutdown)).ShouldBe(DecodeStatus.Control);

        _sink.Single<ServerShutdown>().EventTime.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1770123456789));
    }

    [Fact]
    public void Decode_ServerShutdownWithoutTime_IsMalformed()
    {
        Decode("""{"e":"serverShutdown"}""").ShouldBe(DecodeStatus.Malformed);

        _sink.Items.ShouldBeEmpty();
    }
}

using Microsoft.Reactive.Testing;
using RxTrader.Binance.Wire;
using RxTrader.Core;

namespace RxTrader.Binance.Tests.Wire;

/// <summary>Every kind of bad input is a counted outcome, never an exception, and never reaches the sink.</summary>
public sealed class BinanceFrameDecoderBadInputTests
{
    private readonly List<MalformedFrameReport> _reports = [];
    private readonly RecordingSink _sink = new();
    private readonly BinanceFrameDecoder _decoder;

    public BinanceFrameDecoderBadInputTests() =>
        _decoder = new BinanceFrameDecoder(new BinanceDecoderOptions
        {
            OnMalformed = _reports.Add,
            Scheduler = new TestScheduler(),
            MaxReportsPerInterval = 1000,
            MaxFrameBytes = 4096,
        });

    private DecodeStatus Decode(byte[] frame, Symbol rawSymbol = default) => _decoder.Decode(frame, _sink, rawSymbol);

    private void ShouldBeMalformed(byte[] frame, MalformedReason reason, string? field = null)
    {
        Decode(frame).ShouldBe(DecodeStatus.Malformed);
        _sink.Items.ShouldBeEmpty();
        _decoder.Counters.Malformed.ShouldBe(1);
        _decoder.Counters.Decoded.ShouldBe(0);
        var report = _reports.ShouldHaveSingleItem();
        report.Reason.ShouldBe(reason);
        report.Field.ShouldBe(field);
        report.FrameLength.ShouldBe(frame.Length);
    }

    private void ShouldBeMalformed(string frame, MalformedReason reason, string? field = null) =>
        ShouldBeMalformed(Frames.Utf8(frame), reason, field);

    private static string Swap(string frame, string from, string to)
    {
        frame.ShouldContain(from);
        return frame.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EmptyFrame_IsMalformed() => ShouldBeMalformed([], MalformedReason.Empty);

    [Fact]
    public void Decode_WhitespaceOnly_IsMalformed() => ShouldBeMalformed("   ", MalformedReason.InvalidJson);

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(100)]
    public void Decode_TruncatedJson_IsMalformed(int cut) =>
        ShouldBeMalformed(Frames.Trade[..^cut], MalformedReason.InvalidJson);

    [Fact]
    public void Decode_TrailingGarbage_IsMalformed() => ShouldBeMalformed(Frames.Trade + "}", MalformedReason.InvalidJson);

    [Fact]
    public void Decode_TwoObjectsInOneFrame_IsMalformed() => ShouldBeMalformed(Frames.Trade + Frames.Trade, MalformedReason.InvalidJson);

    [Fact]
    public void Decode_FrameOverMaximum_IsMalformedWithoutParsing()
    {
        var padding = new string(' ', 4096);
        ShouldBeMalformed(Frames.Trade + padding, MalformedReason.TooLarge);
    }

    [Fact]
    public void Decode_FrameAtMaximum_IsDecoded()
    {
        var frame = Frames.Trade + new string(' ', 4096 - Frames.Trade.Length);

        Decode(Frames.Utf8(frame)).ShouldBe(DecodeStatus.Decoded);
    }

    [Fact]
    public void Decode_RandomBinary_IsMalformed()
    {
        var bytes = new byte[200];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0xFF;

        ShouldBeMalformed(bytes, MalformedReason.InvalidJson);
    }

    [Fact]
    public void Decode_InvalidUtf8InsideSymbol_IsMalformed()
    {
        var frame = Frames.Utf8(Frames.Trade);
        var at = Frames.Trade.IndexOf("BNBBTC", StringComparison.Ordinal);
        frame[at + 1] = 0xC3; // a lone lead byte

        Decode(frame).ShouldBe(DecodeStatus.Malformed);
        _sink.Items.ShouldBeEmpty();
        _decoder.Counters.Malformed.ShouldBe(1);
    }

    [Fact]
    public void Decode_NonAsciiSymbol_IsMalformed() =>
        ShouldBeMalformed(Swap(Frames.Trade, "BNBBTC", "BNBBTÇ"), MalformedReason.InvalidSymbol, "s");

    [Fact]
    public void Decode_NestedTooDeep_IsMalformed() =>
        ShouldBeMalformed("""{"e":"trade","X":[[[[[[[[[[1]]]]]]]]]]}""", MalformedReason.InvalidJson);

    [Theory]
    [InlineData("42")]
    [InlineData("\"trade\"")]
    [InlineData("null")]
    public void Decode_BareScalar_IsMalformed(string frame) => ShouldBeMalformed(frame, MalformedReason.UnexpectedShape);

    [Theory]
    [InlineData("\"p\":\"0.001\"", "\"p\":0.001", MalformedReason.WrongType, "p")]
    [InlineData("\"t\":12345", "\"t\":\"12345\"", MalformedReason.WrongType, "t")]
    [InlineData("\"E\":1672515782136", "\"E\":\"1672515782136\"", MalformedReason.WrongType, "E")]
    [InlineData("\"m\":true", "\"m\":\"true\"", MalformedReason.WrongType, "m")]
    [InlineData("\"s\":\"BNBBTC\"", "\"s\":7", MalformedReason.WrongType, "s")]
    [InlineData("\"p\":\"0.001\"", "\"p\":\"abc\"", MalformedReason.InvalidNumber, "p")]
    [InlineData("\"p\":\"0.001\"", "\"p\":\"NaN\"", MalformedReason.InvalidNumber, "p")]
    [InlineData("\"p\":\"0.001\"", "\"p\":\"Infinity\"", MalformedReason.InvalidNumber, "p")]
    [InlineData("\"p\":\"0.001\"", "\"p\":\"\"", MalformedReason.InvalidNumber, "p")]
    [InlineData("\"p\":\"0.001\"", "\"p\":\"0.001x\"", MalformedReason.InvalidNumber, "p")]
    [InlineData("\"p\":\"0.001\"", "\"p\":\" 0.001\"", MalformedReason.InvalidNumber, "p")]
    [InlineData("\"p\":\"0.001\"", "\"p\":\"\\u0030.001\"", MalformedReason.InvalidNumber, "p")]
    [InlineData("\"p\":\"0.001\"", "\"p\":\"-0.001\"", MalformedReason.NegativeValue, "p")]
    [InlineData("\"q\":\"100\"", "\"q\":\"-100\"", MalformedReason.NegativeValue, "q")]
    [InlineData("\"p\":\"0.001\"", "\"p\":\"99999999999999999999999999999999\"", MalformedReason.InvalidNumber, "p")]
    [InlineData("\"t\":12345", "\"t\":1.5", MalformedReason.InvalidNumber, "t")]
    [InlineData("\"t\":12345", "\"t\":99999999999999999999", MalformedReason.InvalidNumber, "t")]
    [InlineData("\"E\":1672515782136", "\"E\":999999999999999999", MalformedReason.InvalidTime, "E")]
    [InlineData("\"s\":\"BNBBTC\"", "\"s\":\"\"", MalformedReason.InvalidSymbol, "s")]
    [InlineData("\"s\":\"BNBBTC\"", "\"s\":\"BNB-BTC\"", MalformedReason.InvalidSymbol, "s")]
    [InlineData("\"s\":\"BNBBTC\"", "\"s\":\"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\"", MalformedReason.InvalidSymbol, "s")]
    [InlineData("\"e\":\"trade\"", "\"e\":1", MalformedReason.WrongType, "e")]
    public void Decode_TradeWithBadField_IsMalformed(string from, string to, MalformedReason reason, string field) =>
        ShouldBeMalformed(Swap(Frames.Trade, from, to), reason, field);

    [Theory]
    [InlineData("\"E\":1672515782136,", "E")]
    [InlineData("\"s\":\"BNBBTC\",", "s")]
    [InlineData("\"t\":12345,", "t")]
    [InlineData("\"p\":\"0.001\",", "p")]
    [InlineData("\"q\":\"100\",", "q")]
    [InlineData("\"T\":1672515782136,", "T")]
    [InlineData("\"m\":true,", "m")]
    public void Decode_TradeMissingRequiredField_IsMalformed(string field, string name) =>
        ShouldBeMalformed(Swap(Frames.Trade, field, string.Empty), MalformedReason.MissingField, name);

    [Theory]
    [InlineData("\"i\":\"1m\"", "\"i\":\"2m\"", MalformedReason.InvalidInterval, "i")]
    [InlineData("\"i\":\"1m\"", "\"i\":\"1mm\"", MalformedReason.InvalidInterval, "i")]
    [InlineData("\"T\":1672515839999", "\"T\":1672515770000", MalformedReason.InvalidTime, "T")]
    [InlineData("\"x\":false", "\"x\":0", MalformedReason.WrongType, "x")]
    [InlineData("\"h\":\"0.0025\"", "\"h\":\"-1\"", MalformedReason.NegativeValue, "h")]
    [InlineData("\"k\":{", "\"k\":[{", MalformedReason.WrongType, "k")]
    public void Decode_KlineWithBadField_IsMalformed(string from, string to, MalformedReason reason, string field)
    {
        var frame = Swap(Frames.Kline, from, to);
        if (to.EndsWith('{'))
        {
            frame = frame[..^1] + "]}";
        }

        ShouldBeMalformed(frame, reason, field);
    }

    [Theory]
    [InlineData("[[\"0.0024\",\"10\"]]", "[[\"0.0024\"]]", MalformedReason.InvalidLevel)]
    [InlineData("[[\"0.0024\",\"10\"]]", "[[\"0.0024\",\"10\",\"1\"]]", MalformedReason.InvalidLevel)]
    [InlineData("[[\"0.0024\",\"10\"]]", "[[0.0024,10]]", MalformedReason.InvalidLevel)]
    [InlineData("[[\"0.0024\",\"10\"]]", "[\"0.0024\",\"10\"]", MalformedReason.InvalidLevel)]
    [InlineData("[[\"0.0024\",\"10\"]]", "[{\"p\":\"0.0024\"}]", MalformedReason.InvalidLevel)]
    [InlineData("[[\"0.0024\",\"10\"]]", "[[\"abc\",\"10\"]]", MalformedReason.InvalidNumber)]
    [InlineData("[[\"0.0024\",\"10\"]]", "[[\"0.0024\",\"-10\"]]", MalformedReason.NegativeValue)]
    [InlineData("[[\"0.0024\",\"10\"]]", "[[\"1\",[\"2\",[3]]],[\"3\",\"4\"]]", MalformedReason.InvalidLevel)]
    [InlineData("[[\"0.0024\",\"10\"]]", "[{\"p\":[1,{\"q\":2}]},[\"1\",\"2\"]]", MalformedReason.InvalidLevel)]
    [InlineData("[[\"0.0024\",\"10\"]]", "[[\"1\",\"2\"],[[\"3\"]]]", MalformedReason.InvalidLevel)]
    [InlineData("[[\"0.0024\",\"10\"]]", "{}", MalformedReason.WrongType)]
    [InlineData("[[\"0.0024\",\"10\"]]", "null", MalformedReason.WrongType)]
    public void Decode_DepthUpdateWithBadBids_IsMalformed(string from, string to, MalformedReason reason) =>
        ShouldBeMalformed(Swap(Frames.DepthUpdate, "\"b\":" + from, "\"b\":" + to), reason, "b");

    [Fact]
    public void Decode_RawPartialDepthWithoutSymbol_IsMalformed() =>
        ShouldBeMalformed(Frames.PartialDepth, MalformedReason.NoSymbolContext);

    [Theory]
    [InlineData("@depth5")]
    [InlineData("bnb_btc@depth5")]
    [InlineData("bnbbtc")]
    public void Decode_CombinedPartialDepthWithBadStreamName_IsMalformed(string stream) =>
        ShouldBeMalformed(Frames.Combined(stream, Frames.PartialDepth), MalformedReason.InvalidSymbol, "stream");

    [Fact]
    public void Decode_CombinedWithNonStringStream_IsMalformed() =>
        ShouldBeMalformed($$"""{"stream":5,"data":{{Frames.Trade}}}""", MalformedReason.WrongType, "stream");

    [Fact]
    public void Decode_BookTickerMissingAskQuantity_IsMalformed() =>
        ShouldBeMalformed(Swap(Frames.BookTicker, ",\"A\":\"40.66000000\"", string.Empty), MalformedReason.MissingField, "A");

    [Theory]
    [InlineData("""{"e":"avgPrice","E":1693907033000,"s":"BTCUSDT","i":"5m","w":"25776.86000000","T":1693907032213}""")]
    [InlineData("""{"e":"1hTicker","E":1,"s":"BTCUSDT"}""")]
    [InlineData("""{"e":"somethingNew"}""")]
    [InlineData("""{"e":"somethingNew","b":[["x",{"y":[1]}]],"a":[1,2]}""")]
    [InlineData("""{"stream":"btcusdt@avgPrice","data":{"e":"avgPrice","E":1,"s":"BTCUSDT"}}""")]
    [InlineData("""{"stream":"!miniTicker@arr","data":[]}""")]
    [InlineData("""{"data":{"e":"trade","E":1672515782136,"s":"BNBBTC","t":1,"p":"1","q":"1","T":1,"m":true}}""")]
    [InlineData("""[{"e":"24hrMiniTicker"}]""")]
    [InlineData("""{}""")]
    [InlineData("""{"hello":"world"}""")]
    public void Decode_UnknownEventOrShape_IsCountedAndSkipped(string frame)
    {
        Decode(Frames.Utf8(frame)).ShouldBe(DecodeStatus.Unknown);

        _sink.Items.ShouldBeEmpty();
        _decoder.Counters.Unknown.ShouldBe(1);
        _decoder.Counters.Malformed.ShouldBe(0);
        _reports.ShouldBeEmpty();
    }

    [Fact]
    public void Decode_AfterBadFrames_GoodFramesStillDecode()
    {
        Decode(Frames.Utf8("{\"e\":")).ShouldBe(DecodeStatus.Malformed);
        Decode([]).ShouldBe(DecodeStatus.Malformed);
        Decode(Frames.Utf8("""{"e":"nope"}""")).ShouldBe(DecodeStatus.Unknown);

        Decode(Frames.Utf8(Frames.Trade)).ShouldBe(DecodeStatus.Decoded);

        _sink.Items.ShouldHaveSingleItem();
        (_decoder.Counters.Malformed, _decoder.Counters.Unknown, _decoder.Counters.Trades).ShouldBe((2L, 1L, 1L));
    }

    [Fact]
    public void Decode_FieldsOfPreviousFrame_DoNotLeakIntoNext()
    {
        Decode(Frames.Utf8(Frames.Trade)).ShouldBe(DecodeStatus.Decoded);

        // Same event type, every field but "e" missing: must not reuse the first frame's values.
        ShouldBeMalformedAfterOneGood("""{"e":"trade"}""", MalformedReason.MissingField, "E");
    }

    private void ShouldBeMalformedAfterOneGood(string frame, MalformedReason reason, string field)
    {
        Decode(Frames.Utf8(frame)).ShouldBe(DecodeStatus.Malformed);
        _sink.Items.Count.ShouldBe(1);
        var report = _reports.ShouldHaveSingleItem();
        (report.Reason, report.Field).ShouldBe((reason, field));
    }

    [Fact]
    public void Decode_MalformedReport_CarriesExcerptAndTime()
    {
        var frame = "{\"e\":\"trade\"" + new string('x', 500);

        Decode(Frames.Utf8(frame));

        var report = _reports.ShouldHaveSingleItem();
        report.Excerpt.ShouldBe(frame[..MalformedFrameReport.MaxExcerptBytes]);
        report.Time.ShouldBe(new DateTimeOffset(0, TimeSpan.Zero));
    }
}

using RxTrader.Binance.Wire;
using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Binance.Tests.Wire;

public sealed class BinanceFrameDecoderTests
{
    private static readonly DateTimeOffset E = DateTimeOffset.FromUnixTimeMilliseconds(1672515782136);
    private static readonly Symbol Bnbbtc = new("BNBBTC");

    private static (DecodeStatus Status, RecordingSink Sink, BinanceFrameDecoder Decoder) Decode(
        string frame, BinanceDecoderOptions? options = null, Symbol rawSymbol = default)
    {
        var decoder = new BinanceFrameDecoder(options);
        var sink = new RecordingSink();
        var status = decoder.Decode(Frames.Utf8(frame), sink, rawSymbol);
        return (status, sink, decoder);
    }

    [Fact]
    public void Decode_Trade_MapsEveryField()
    {
        var (status, sink, decoder) = Decode(Frames.Trade);

        status.ShouldBe(DecodeStatus.Decoded);
        sink.Single<Trade>().ShouldBe(new Trade(Bnbbtc, 12345, 0.001m, 100m, E, E, IsBuyerMaker: true));
        decoder.Counters.Trades.ShouldBe(1);
        decoder.Counters.Decoded.ShouldBe(1);
    }

    [Fact]
    public void Decode_AggTrade_MapsEveryField()
    {
        var (status, sink, decoder) = Decode(Frames.AggTrade);

        status.ShouldBe(DecodeStatus.Decoded);
        sink.Single<AggregateTrade>().ShouldBe(new AggregateTrade(Bnbbtc, 12345, 0.001m, 100m, 100, 105, E, E, true));
        decoder.Counters.AggregateTrades.ShouldBe(1);
    }

    [Fact]
    public void Decode_Kline_MapsEveryFieldWithIntervalFromCode()
    {
        var (status, sink, decoder) = Decode(Frames.Kline);

        status.ShouldBe(DecodeStatus.Decoded);
        var open = DateTimeOffset.FromUnixTimeMilliseconds(1672515780000);
        sink.Single<Candle>().ShouldBe(new Candle(Bnbbtc, TimeSpan.FromMinutes(1), open, open.AddMinutes(1).AddMilliseconds(-1),
            0.0010m, 0.0025m, 0.0015m, 0.0020m, 1000m, 1.0000m, 100, 500m, 0.500m, IsClosed: false));
        decoder.Counters.Candles.ShouldBe(1);
    }

    [Fact]
    public void Decode_ClosedKline_IsClosed() =>
        Decode(Frames.Kline.Replace("\"x\":false", "\"x\":true", StringComparison.Ordinal)).Sink.Single<Candle>().IsClosed.ShouldBeTrue();

    [Theory]
    [InlineData("1s", 1_000L)]
    [InlineData("15m", 900_000L)]
    [InlineData("4h", 14_400_000L)]
    [InlineData("1w", 604_800_000L)]
    public void Decode_Kline_IntervalFollowsCode(string code, long milliseconds)
    {
        var frame = Frames.Kline.Replace("\"i\":\"1m\"", $"\"i\":\"{code}\"", StringComparison.Ordinal);

        Decode(frame).Sink.Single<Candle>().Interval.ShouldBe(TimeSpan.FromMilliseconds(milliseconds));
    }

    [Fact]
    public void Decode_MonthKline_IntervalIsThatMonthsLength()
    {
        // February 2023: 28 days, open 2023-02-01, close 2023-02-28T23:59:59.999.
        var frame = Frames.Kline
            .Replace("\"t\":1672515780000", "\"t\":1675209600000", StringComparison.Ordinal)
            .Replace("\"T\":1672515839999", "\"T\":1677628799999", StringComparison.Ordinal)
            .Replace("\"i\":\"1m\"", "\"i\":\"1M\"", StringComparison.Ordinal);

        Decode(frame).Sink.Single<Candle>().Interval.ShouldBe(TimeSpan.FromDays(28));
    }

    [Fact]
    public void Decode_MiniTicker_MapsEveryField()
    {
        var (status, sink, _) = Decode(Frames.MiniTicker);

        status.ShouldBe(DecodeStatus.Decoded);
        sink.Single<MiniTicker>().ShouldBe(new MiniTicker(Bnbbtc, E, 0.0025m, 0.0010m, 0.0025m, 0.0010m, 10000m, 18m));
    }

    [Fact]
    public void Decode_Ticker_MapsEveryFieldAndKeepsNegativeChange()
    {
        var (status, sink, decoder) = Decode(Frames.Ticker);

        status.ShouldBe(DecodeStatus.Decoded);
        sink.Single<Ticker>().ShouldBe(new Ticker(Bnbbtc, E, -0.0015m, -37.50m, 0.0018m, 0.0009m, 0.0025m, 10m,
            0.0024m, 10m, 0.0026m, 100m, 0.0010m, 0.0025m, 0.0010m, 10000m, 18m,
            DateTimeOffset.UnixEpoch, DateTimeOffset.FromUnixTimeMilliseconds(86400000), 0, 18150, 18151));
        decoder.Counters.Tickers.ShouldBe(1);
    }

    [Fact]
    public void Decode_BookTicker_RecognisedByShape()
    {
        var (status, sink, decoder) = Decode(Frames.BookTicker);

        status.ShouldBe(DecodeStatus.Decoded);
        sink.Single<BookTicker>().ShouldBe(new BookTicker(new Symbol("BNBUSDT"), 400900217, 25.3519m, 31.21m, 25.3652m, 40.66m));
        decoder.Counters.BookTickers.ShouldBe(1);
    }

    [Fact]
    public void Decode_DepthUpdate_MapsLevelsInOrder()
    {
        var (status, sink, decoder) = Decode(Frames.DepthUpdate);

        status.ShouldBe(DecodeStatus.Decoded);
        var update = sink.Single<DepthUpdate>();
        (update.Symbol, update.EventTime, update.FirstUpdateId, update.FinalUpdateId).ShouldBe((Bnbbtc, E, 157L, 160L));
        update.Bids.ShouldBe([new BookLevel(0.0024m, 10m)]);
        update.Asks.ShouldBe([new BookLevel(0.0026m, 100m), new BookLevel(0.0027m, 0m)]);
        decoder.Counters.DepthUpdates.ShouldBe(1);
    }

    [Fact]
    public void Decode_DepthUpdateWithEmptySides_GivesEmptyArrays()
    {
        var frame = """{"e":"depthUpdate","E":1617566591407,"s":"DOTUSDT","U":1513939206,"u":1513939207,"b":[],"a":[]}""";

        var update = Decode(frame).Sink.Single<DepthUpdate>();

        update.Bids.IsEmpty.ShouldBeTrue();
        update.Asks.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Decode_CombinedPartialDepth_TakesSymbolFromStreamName()
    {
        var (status, sink, decoder) = Decode(Frames.Combined("bnbbtc@depth5@100ms", Frames.PartialDepth));

        status.ShouldBe(DecodeStatus.Decoded);
        var snapshot = sink.Single<DepthSnapshot>();
        (snapshot.Symbol, snapshot.LastUpdateId).ShouldBe((Bnbbtc, 160L));
        snapshot.Bids.ShouldBe([new BookLevel(0.0024m, 10m)]);
        snapshot.Asks.ShouldBe([new BookLevel(0.0026m, 100m), new BookLevel(0.0027m, 5m)]);
        decoder.Counters.DepthSnapshots.ShouldBe(1);
    }

    [Fact]
    public void Decode_CombinedPayloadWithWrapperNames_IgnoresThem()
    {
        var data = Frames.PartialDepth.Replace("{", """{"stream":"ethbtc@depth5","data":{"x":1},""", StringComparison.Ordinal);

        Decode(Frames.Combined("bnbbtc@depth5", data)).Sink.Single<DepthSnapshot>().Symbol.ShouldBe(Bnbbtc);
    }

    [Fact]
    public void Decode_RawPartialDepth_TakesSymbolFromCaller()
    {
        var (status, sink, _) = Decode(Frames.PartialDepth, rawSymbol: Bnbbtc);

        status.ShouldBe(DecodeStatus.Decoded);
        sink.Single<DepthSnapshot>().Symbol.ShouldBe(Bnbbtc);
    }

    [Theory]
    [InlineData("bnbbtc@trade", Frames.Trade)]
    [InlineData("bnbbtc@aggTrade", Frames.AggTrade)]
    [InlineData("bnbbtc@kline_1m", Frames.Kline)]
    [InlineData("bnbbtc@miniTicker", Frames.MiniTicker)]
    [InlineData("bnbbtc@ticker", Frames.Ticker)]
    [InlineData("bnbusdt@bookTicker", Frames.BookTicker)]
    [InlineData("bnbbtc@depth@100ms", Frames.DepthUpdate)]
    public void Decode_CombinedForm_GivesSameEventAsRaw(string stream, string raw)
    {
        var fromRaw = Decode(raw).Sink.Items.ShouldHaveSingleItem();

        var (status, sink, _) = Decode(Frames.Combined(stream, raw));

        status.ShouldBe(DecodeStatus.Decoded);
        var fromCombined = sink.Items.ShouldHaveSingleItem();
        if (fromRaw is DepthUpdate a && fromCombined is DepthUpdate b)
        {
            // Level arrays compare by reference; compare their contents.
            (b with { Bids = a.Bids, Asks = a.Asks }).ShouldBe(a);
            b.Bids.ShouldBe(a.Bids);
            b.Asks.ShouldBe(a.Asks);
        }
        else
        {
            fromCombined.ShouldBe(fromRaw);
        }
    }

    [Fact]
    public void Decode_KeysInAnyOrder_GivesSameTrade()
    {
        var shuffled = """{"M":true,"m":true,"T":1672515782136,"q":"100","p":"0.001","t":12345,"s":"BNBBTC","E":1672515782136,"e":"trade"}""";
        var combinedDataFirst = $$"""{"data":{{shuffled}},"stream":"bnbbtc@trade"}""";

        Decode(shuffled).Sink.Single<Trade>().ShouldBe(Decode(Frames.Trade).Sink.Single<Trade>());
        Decode(combinedDataFirst).Sink.Single<Trade>().ShouldBe(Decode(Frames.Trade).Sink.Single<Trade>());
    }

    [Fact]
    public void Decode_UnknownExtraFieldsAndWhitespace_AreIgnored()
    {
        var frame = """ { "e" : "trade", "X": {"deep":[1,{"a":2}]}, "E":1672515782136,"s":"BNBBTC","t":12345,"p":"0.001","q":"100","T":1672515782136,"m":true,"extra":"x"} """;

        Decode(frame).Sink.Single<Trade>().ShouldBe(Decode(Frames.Trade).Sink.Single<Trade>());
    }

    [Fact]
    public void Decode_MicrosecondUnit_ReadsMicrosecondTimes()
    {
        var frame = """{"e":"trade","E":1672515782136123,"s":"BNBBTC","t":1,"p":"1","q":"1","T":1672515782136001,"m":false}""";

        var trade = Decode(frame, new BinanceDecoderOptions { TimeUnit = WireTimeUnit.Microsecond }).Sink.Single<Trade>();

        trade.EventTime.ShouldBe(E.AddTicks(1230));
        trade.TradeTime.ShouldBe(E.AddTicks(10));
    }

    [Fact]
    public void Decode_MicrosecondMonthKline_AddsOneMicrosecondToClose()
    {
        var frame = Frames.Kline
            .Replace("\"t\":1672515780000", "\"t\":1675209600000000", StringComparison.Ordinal)
            .Replace("\"T\":1672515839999", "\"T\":1677628799999999", StringComparison.Ordinal)
            .Replace("\"i\":\"1m\"", "\"i\":\"1M\"", StringComparison.Ordinal)
            .Replace("\"E\":1672515782136", "\"E\":1672515782136000", StringComparison.Ordinal);

        var candle = Decode(frame, new BinanceDecoderOptions { TimeUnit = WireTimeUnit.Microsecond }).Sink.Single<Candle>();

        candle.Interval.ShouldBe(TimeSpan.FromDays(28));
    }

    [Fact]
    public void Decode_SameSymbolTwice_InternsOneString()
    {
        var decoder = new BinanceFrameDecoder();
        var sink = new RecordingSink();

        decoder.Decode(Frames.Utf8(Frames.Trade), sink);
        decoder.Decode(Frames.Utf8(Frames.AggTrade), sink);

        var first = ((Trade)sink.Items[0]).Symbol.Value;
        var second = ((AggregateTrade)sink.Items[1]).Symbol.Value;
        ReferenceEquals(first, second).ShouldBeTrue();
        decoder.Counters.InternedSymbols.ShouldBe(1);
    }

    [Fact]
    public void Decode_MoreSymbolsThanCacheHolds_StillDecodesAndCountsOverflow()
    {
        var decoder = new BinanceFrameDecoder(new BinanceDecoderOptions { MaxInternedSymbols = 2 });
        var sink = new RecordingSink();

        foreach (var symbol in new[] { "AAA", "BBB", "CCC", "DDD", "AAA" })
        {
            decoder.Decode(Frames.Utf8(Frames.Trade.Replace("BNBBTC", symbol, StringComparison.Ordinal)), sink)
                .ShouldBe(DecodeStatus.Decoded);
        }

        sink.Items.Cast<Trade>().Select(t => t.Symbol.Value).ShouldBe(["AAA", "BBB", "CCC", "DDD", "AAA"]);
        decoder.Counters.InternedSymbols.ShouldBe(2);
        decoder.Counters.SymbolCacheOverflows.ShouldBe(2);
    }

    [Fact]
    public void Decode_NullSink_Throws() =>
        Should.Throw<ArgumentNullException>(() => new BinanceFrameDecoder().Decode(Frames.Utf8(Frames.Trade), null!));

    [Fact]
    public void Decode_SinkThrows_ExceptionPropagates()
    {
        var decoder = new BinanceFrameDecoder();

        Should.Throw<InvalidOperationException>(() => decoder.Decode(Frames.Utf8(Frames.Trade), new ThrowingSink()));
    }

    private sealed class ThrowingSink : IMarketFrameSink
    {
        public void OnTrade(in Trade trade) => throw new InvalidOperationException("sink failed");

        public void OnAggregateTrade(in AggregateTrade trade) => throw new InvalidOperationException();

        public void OnCandle(in Candle candle) => throw new InvalidOperationException();

        public void OnMiniTicker(in MiniTicker ticker) => throw new InvalidOperationException();

        public void OnTicker(in Ticker ticker) => throw new InvalidOperationException();

        public void OnBookTicker(in BookTicker ticker) => throw new InvalidOperationException();

        public void OnDepthSnapshot(in DepthSnapshot snapshot) => throw new InvalidOperationException();

        public void OnDepthUpdate(in DepthUpdate update) => throw new InvalidOperationException();

        public void OnControlReply(ControlReply reply) => throw new InvalidOperationException();

        public void OnServerShutdown(in ServerShutdown notice) => throw new InvalidOperationException();
    }
}

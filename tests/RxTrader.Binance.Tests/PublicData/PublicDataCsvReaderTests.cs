using RxTrader.Binance.PublicData;
using RxTrader.Core;

namespace RxTrader.Binance.Tests.PublicData;

public sealed class PublicDataCsvReaderTests
{
    private const string KlineMs = "1674259200000,22666.00000000,22792.86000000,22422.00000000,22523.87000000,11837.55762000,1674260099999,267648271.68754800,192402,5766.30834000,130387609.64865550,0";
    private const string KlineUs = "1735689600000000,93576.00000000,93610.93000000,93537.50000000,93610.93000000,8.21827000,1735689659999999,768978.81458330,1360,3.20432000,299792.40191680,0";
    private const string KlineHeader = "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore";

    private static readonly PublicDataCsvOptions Options = new() { Symbol = new Symbol("BTCUSDT") };

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => new PublicDataCsvReader(null!, "x", Options));
        Should.Throw<ArgumentNullException>(() => new PublicDataCsvReader(new StringReader(string.Empty), null!, Options));
        Should.Throw<ArgumentNullException>(() => new PublicDataCsvReader(new StringReader(string.Empty), "x", null!));
        Should.Throw<ArgumentNullException>(() => PublicDataCsvReader.Open(null!, Options));
    }

    [Fact]
    public void ReadKlines_Milliseconds_AllFields()
    {
        var candle = Reader(KlineMs).ReadKlines().ToList().ShouldHaveSingleItem();

        candle.Symbol.ShouldBe(new Symbol("BTCUSDT"));
        candle.OpenTime.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1674259200000));
        candle.Interval.ShouldBe(TimeSpan.FromMinutes(15));
        candle.CloseTime.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1674260099999));
        candle.Open.ShouldBe(22666m);
        candle.High.ShouldBe(22792.86m);
        candle.Low.ShouldBe(22422m);
        candle.Close.ShouldBe(22523.87m);
        candle.Volume.ShouldBe(11837.55762m);
        candle.QuoteVolume.ShouldBe(267648271.687548m);
        candle.TradeCount.ShouldBe(192402);
        candle.TakerBuyVolume.ShouldBe(5766.30834m);
        candle.TakerBuyQuoteVolume.ShouldBe(130387609.6486555m);
        candle.IsClosed.ShouldBeTrue();
    }

    [Fact]
    public void ReadKlines_Microseconds_DetectedByMagnitude()
    {
        var candle = Reader(KlineUs).ReadKlines().ToList().ShouldHaveSingleItem();

        candle.OpenTime.ShouldBe(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        candle.Interval.ShouldBe(TimeSpan.FromMinutes(1));
        candle.CloseTime.ShouldBe(candle.OpenTime + TimeSpan.FromMinutes(1) - TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void ReadKlines_Header_Skipped()
    {
        var reader = Reader(KlineHeader, KlineMs, KlineUs);

        reader.ReadKlines().Count().ShouldBe(2);
        reader.LineNumber.ShouldBe(3);
    }

    [Fact]
    public void ReadKlines_BlankLinesAndCrLf_Ignored()
    {
        var reader = new PublicDataCsvReader(new StringReader(KlineMs + "\r\n\r\n" + KlineMs + "\r\n"), "k.csv", Options);

        reader.ReadKlines().Count().ShouldBe(2);
    }

    [Fact]
    public void ReadKlines_CloseBeforeOpen_Malformed()
    {
        var e = Should.Throw<PublicDataCsvException>(() => Reader(KlineMs.Replace("1674260099999", "1674259100000", StringComparison.Ordinal)).ReadKlines().ToList());

        e.Message.ShouldBe("k.csv:1: column 7: the close time is before the open time.");
    }

    [Fact]
    public void ReadKlines_Empty_NoRecords()
    {
        Reader().ReadKlines().ShouldBeEmpty();
        Reader(KlineHeader).ReadKlines().ShouldBeEmpty();
    }

    [Fact]
    public void ReadTrades_AllFields()
    {
        var trade = Reader("100,16600.50,0.01000000,166.00500000,1674259200123,True,True").ReadTrades().ToList().ShouldHaveSingleItem();

        trade.TradeId.ShouldBe(100);
        trade.Price.ShouldBe(16600.50m);
        trade.Quantity.ShouldBe(0.01m);
        trade.TradeTime.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1674259200123));
        trade.EventTime.ShouldBe(trade.TradeTime);
        trade.IsBuyerMaker.ShouldBeTrue();
    }

    [Fact]
    public void ReadTrades_HeaderAndMicroseconds()
    {
        var trade = Reader("id,price,qty,quote_qty,time,is_buyer_maker,is_best_match", "7,1.5,2,3,1735689600000001,false,true").ReadTrades().ToList().ShouldHaveSingleItem();

        trade.TradeTime.ShouldBe(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(10));
        trade.IsBuyerMaker.ShouldBeFalse();
    }

    [Fact]
    public void ReadAggregateTrades_AllFields()
    {
        var trade = Reader("5,16600.5,0.25,10,12,1674259200123,False,True").ReadAggregateTrades().ToList().ShouldHaveSingleItem();

        trade.AggregateTradeId.ShouldBe(5);
        trade.Price.ShouldBe(16600.5m);
        trade.Quantity.ShouldBe(0.25m);
        trade.FirstTradeId.ShouldBe(10);
        trade.LastTradeId.ShouldBe(12);
        trade.TradeCount.ShouldBe(3);
        trade.TradeTime.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1674259200123));
        trade.IsBuyerMaker.ShouldBeFalse();
    }

    [Theory]
    [InlineData("klines")]
    [InlineData("trades")]
    [InlineData("aggTrades")]
    public void Read_UnknownLayout_ThrowsNamingFileLineAndExpectation(string layout)
    {
        var reader = Reader(KlineHeader, "1,2,3");

        var e = Should.Throw<PublicDataCsvException>(() => Read(reader, layout));

        e.Message.ShouldStartWith("k.csv:2: unknown layout: 3 columns; expected ");
        e.Message.ShouldContain(layout);
        e.Line.ShouldBe(2);
    }

    [Fact]
    public void ReadKlines_TradesFile_UnknownLayout()
    {
        var e = Should.Throw<PublicDataCsvException>(() => Reader("100,16600.50,0.01,166.005,1674259200123,True,True").ReadKlines().ToList());

        e.Message.ShouldContain("k.csv:1: unknown layout: 7 columns; expected 12");
    }

    [Fact]
    public void ReadKlines_MalformedLaterLine_ThrowsNamingFileLineAndColumn()
    {
        var bad = KlineMs.Replace("22792.86000000", "22,792", StringComparison.Ordinal);
        var reader = Reader(KlineMs, KlineMs.Replace("22792.86000000", "abc", StringComparison.Ordinal));
        var records = new List<RxTrader.Core.MarketData.Candle>();

        var e = Should.Throw<PublicDataCsvException>(() => records.AddRange(reader.ReadKlines()));

        records.Count.ShouldBe(1);
        e.Message.ShouldBe("k.csv:2: column 3: 'abc' is not a non-negative decimal number.");
        (e.FileName, e.Line, e.Column).ShouldBe(("k.csv", 2L, 3));
        Should.Throw<PublicDataCsvException>(() => Reader(KlineMs, bad).ReadKlines().ToList()).Message.ShouldStartWith("k.csv:2: 13 columns; expected 12");
    }

    [Theory]
    [InlineData("-1,1,1,1,1674259200123,true,true", 1)]
    [InlineData("1,-1,1,1,1674259200123,true,true", 2)]
    [InlineData("1,1,1,1,1674259200123,yes,true", 6)]
    [InlineData("1,1,1,1,99999999999999999999,true,true", 5)]
    public void ReadTrades_MalformedValue_NamesColumn(string line, int column)
    {
        var e = Should.Throw<PublicDataCsvException>(() => Reader("1,1,1,1,1674259200000,true,true", line).ReadTrades().ToList());

        e.Column.ShouldBe(column);
        e.Message.ShouldStartWith($"k.csv:2: column {column}: ");
    }

    [Fact]
    public void Read_SkipMalformedLines_SkipsAndCounts()
    {
        var reader = new PublicDataCsvReader(new StringReader(string.Join('\n', KlineMs, "1,2,3", KlineMs.Replace("22422", "x", StringComparison.Ordinal), KlineUs)), "k.csv", Options with { SkipMalformedLines = true });

        reader.ReadKlines().Count().ShouldBe(2);
        reader.SkippedLines.ShouldBe(2);
    }

    [Fact]
    public void Read_SkipMalformedLines_UnknownLayoutStillThrows()
    {
        var reader = new PublicDataCsvReader(new StringReader("1,2,3\n" + KlineMs), "k.csv", Options with { SkipMalformedLines = true });

        Should.Throw<PublicDataCsvException>(() => reader.ReadKlines().ToList()).Message.ShouldContain("unknown layout");
    }

    [Fact]
    public void Read_Twice_Throws()
    {
        var reader = Reader(KlineMs);
        reader.ReadKlines();

        Should.Throw<InvalidOperationException>(() => reader.ReadTrades());
    }

    [Fact]
    public void Open_MissingFile_ClearError()
    {
        var path = Path.Combine(Path.GetTempPath(), "rxtrader-missing-" + Guid.NewGuid().ToString("N") + ".csv");

        Should.Throw<FileNotFoundException>(() => PublicDataCsvReader.Open(path, Options)).Message.ShouldBe($"{path}: no such file.");
    }

    [Fact]
    public void Open_File_ReadsAndNamesItInMessages()
    {
        var path = Path.Combine(Path.GetTempPath(), "rxtrader-klines-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllLines(path, [KlineMs, "1,2"]);
        try
        {
            using var reader = PublicDataCsvReader.Open(path, Options);
            Should.Throw<PublicDataCsvException>(() => reader.ReadKlines().ToList()).Message.ShouldStartWith($"{path}:2: ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static PublicDataCsvReader Reader(params string[] lines) => new(new StringReader(string.Join('\n', lines)), "k.csv", Options);

    private static int Read(PublicDataCsvReader reader, string layout) => layout switch
    {
        "klines" => reader.ReadKlines().Count(),
        "trades" => reader.ReadTrades().Count(),
        _ => reader.ReadAggregateTrades().Count(),
    };
}

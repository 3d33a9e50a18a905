using Microsoft.Reactive.Testing;
using RxTrader.Binance.Wire;
using RxTrader.Testing;

namespace RxTrader.Binance.Tests.Wire;

public sealed class BinanceFrameDecoderReportingTests
{
    private static readonly byte[] Bad = Frames.Utf8("{\"e\":");

    [Fact]
    public void Decode_ManyMalformedFrames_ReportsAtMostLimitPerInterval()
    {
        var scheduler = new TestScheduler();
        var reports = new List<MalformedFrameReport>();
        var decoder = new BinanceFrameDecoder(new BinanceDecoderOptions
        {
            OnMalformed = reports.Add,
            Scheduler = scheduler,
            MaxReportsPerInterval = 2,
            ReportInterval = TimeSpan.FromSeconds(10),
        });
        var sink = new RecordingSink();

        for (var i = 0; i < 5; i++)
        {
            decoder.Decode(Bad, sink);
        }

        scheduler.AdvanceBy(MarbleTime.Seconds(9));
        decoder.Decode(Bad, sink);
        scheduler.AdvanceBy(MarbleTime.Seconds(1));
        decoder.Decode(Bad, sink);

        reports.Select(r => r.Time).ShouldBe([MarbleTime.At(0), MarbleTime.At(0), MarbleTime.At(MarbleTime.Seconds(10))]);
        decoder.Counters.Malformed.ShouldBe(7);
        decoder.Counters.ReportsSuppressed.ShouldBe(4);
    }

    [Fact]
    public void Decode_WithoutCallback_OnlyCounts()
    {
        var decoder = new BinanceFrameDecoder();

        decoder.Decode(Bad, new RecordingSink()).ShouldBe(DecodeStatus.Malformed);

        decoder.Counters.Malformed.ShouldBe(1);
        decoder.Counters.ReportsSuppressed.ShouldBe(0);
    }

    [Fact]
    public void Ctor_CallbackWithoutScheduler_Throws() =>
        Should.Throw<ArgumentException>(() => new BinanceFrameDecoder(new BinanceDecoderOptions { OnMalformed = _ => { } }));

    [Theory]
    [InlineData(0, 1, 1, 1)]
    [InlineData(1, 0, 1, 1)]
    [InlineData(1, 1, 0, 1)]
    [InlineData(1, 1, 1, 0)]
    [InlineData(-1, 1, 1, 1)]
    public void Ctor_NonPositiveLimit_Throws(int maxFrameBytes, int maxSymbols, int maxReports, int intervalSeconds) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new BinanceFrameDecoder(new BinanceDecoderOptions
        {
            MaxFrameBytes = maxFrameBytes,
            MaxInternedSymbols = maxSymbols,
            MaxReportsPerInterval = maxReports,
            ReportInterval = TimeSpan.FromSeconds(intervalSeconds),
        }));

    [Fact]
    public void Ctor_UndefinedTimeUnit_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new BinanceFrameDecoder(new BinanceDecoderOptions { TimeUnit = (WireTimeUnit)7 }));

    [Fact]
    public async Task Counters_ReadFromAnotherThread_SeeDecodedCount()
    {
        var decoder = new BinanceFrameDecoder();
        var sink = new RecordingSink();
        for (var i = 0; i < 100; i++)
        {
            decoder.Decode(Frames.Utf8(Frames.Trade), sink);
        }

        var seen = await Task.Run(() => decoder.Counters.Trades);

        seen.ShouldBe(100);
    }
}

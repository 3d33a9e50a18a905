using RxTrader.Binance.Wire;
using RxTrader.Core;

namespace RxTrader.Binance.Tests.Wire;

public sealed class StreamNameTests
{
    private static readonly Symbol Btc = new("BTCUSDT");

    public static TheoryData<string, StreamName> Names => new()
    {
        { "btcusdt@trade", StreamName.Trade(Btc) },
        { "btcusdt@aggTrade", StreamName.AggregateTrade(Btc) },
        { "btcusdt@kline_1m", StreamName.Kline(Btc, KlineInterval.OneMinute) },
        { "btcusdt@kline_1M", StreamName.Kline(Btc, KlineInterval.OneMonth) },
        { "btcusdt@kline_12h", StreamName.Kline(Btc, KlineInterval.TwelveHours) },
        { "btcusdt@miniTicker", StreamName.MiniTicker(Btc) },
        { "btcusdt@ticker", StreamName.Ticker(Btc) },
        { "btcusdt@bookTicker", StreamName.BookTicker(Btc) },
        { "btcusdt@depth5", StreamName.PartialDepth(Btc, 5) },
        { "btcusdt@depth10@100ms", StreamName.PartialDepth(Btc, 10, DepthUpdateSpeed.Every100Ms) },
        { "btcusdt@depth20", StreamName.PartialDepth(Btc, 20) },
        { "btcusdt@depth", StreamName.DiffDepth(Btc) },
        { "btcusdt@depth@100ms", StreamName.DiffDepth(Btc, DepthUpdateSpeed.Every100Ms) },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void ToString_WritesWireName(string wire, StreamName name) => name.ToString().ShouldBe(wire);

    [Theory]
    [MemberData(nameof(Names))]
    public void TryParse_WireName_RoundTrips(string wire, StreamName name)
    {
        StreamName.TryParse(wire, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(name);
        StreamName.Parse(wire).ShouldBe(name);
    }

    [Fact]
    public void Parse_PartialDepth_ExposesLevelsAndSpeed()
    {
        var name = StreamName.Parse("ethusdt@depth10@100ms");

        (name.Symbol, name.Kind, name.Levels, name.Speed).ShouldBe((new Symbol("ETHUSDT"), StreamKind.PartialDepth, 10, DepthUpdateSpeed.Every100Ms));
    }

    [Theory]
    [InlineData("btcusdt@depth@1000ms", "btcusdt@depth")]
    [InlineData("btcusdt@depth5@1000ms", "btcusdt@depth5")]
    public void Parse_ThousandMillisecondSuffix_IsDefaultSpeed(string wire, string canonical) =>
        StreamName.Parse(wire).ToString().ShouldBe(canonical);

    [Theory]
    [InlineData("")]
    [InlineData("btcusdt")]
    [InlineData("@trade")]
    [InlineData("BTCUSDT@trade")]
    [InlineData("btcusdt@Trade")]
    [InlineData("btcusdt@aggtrade")]
    [InlineData("btcusdt@kline_2m")]
    [InlineData("btcusdt@kline_")]
    [InlineData("btcusdt@depth15")]
    [InlineData("btcusdt@depth@250ms")]
    [InlineData("btcusdt@trade@100ms")]
    [InlineData("btc-usdt@trade")]
    [InlineData("!miniTicker@arr")]
    [InlineData("!serverShutdown")]
    [InlineData("0")]
    public void TryParse_NotAStreamName_IsFalse(string text)
    {
        StreamName.TryParse(text, out var name).ShouldBeFalse();
        name.ShouldBe(default);
        Should.Throw<FormatException>(() => StreamName.Parse(text));
    }

    [Fact]
    public void Parse_Null_Throws() => Should.Throw<ArgumentNullException>(() => StreamName.Parse(null!));

    [Fact]
    public void Factories_DefaultSymbol_Throw() => Should.Throw<ArgumentException>(() => StreamName.Trade(default));

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    public void PartialDepth_UnsupportedLevels_Throws(int levels) =>
        Should.Throw<ArgumentOutOfRangeException>(() => StreamName.PartialDepth(Btc, levels));

    [Fact]
    public void Kline_UndefinedInterval_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => StreamName.Kline(Btc, (KlineInterval)99));
}

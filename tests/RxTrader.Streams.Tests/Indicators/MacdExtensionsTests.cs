using System.Reactive.Linq;
using RxTrader.Core.MarketData;
using RxTrader.Streams.Indicators;

namespace RxTrader.Streams.Tests.Indicators;

public sealed class MacdExtensionsTests : PriceOperatorTests<MacdValue>
{
    protected override IObservable<MacdValue> Apply(IObservable<double> source) => source.Macd(2, 3, 2);

    protected override IObservable<MacdValue> Apply(IObservable<Candle> source) => source.Macd(2, 3, 2);

    protected override IPriceIndicator<MacdValue> CreatePriceCalculator() => new MovingAverageConvergenceDivergence(2, 3, 2);

    [Fact]
    public void Macd_ReferenceCandles_MatchesTechnicalIndicators310()
    {
        var values = OperatorReference.Run(static c => c.Macd());
        // The reference's MACD line starts 8 bars before its signal; the operator emits complete readings only.
        var expected = ReferenceFixture.Values("macd-12-26-9").Where(static row => row[1].HasValue).ToArray();
        values.Count.ShouldBe(expected.Length);
        values.Select(static v => v.Signal).ToList().ShouldMatchReference("macd-12-26-9", 1);
        values.Select(static v => v.Histogram).ToList().ShouldMatchReference("macd-12-26-9", 2);
        for (var i = 0; i < expected.Length; i++)
        {
            values[i].Macd.ShouldMatch(expected[i][0]!.Value, $"macd value {i}");
        }
    }

    [Fact]
    public void Macd_BadArguments_ThrowAtCallTime()
    {
        Should.Throw<ArgumentNullException>(() => ((IObservable<double>)null!).Macd());
        Should.Throw<ArgumentNullException>(() => ((IObservable<Candle>)null!).Macd());
        Should.Throw<ArgumentOutOfRangeException>(() => Observable.Never<double>().Macd(0)).ParamName.ShouldBe("fastPeriod");
        Should.Throw<ArgumentOutOfRangeException>(() => Observable.Never<double>().Macd(26, 12)).ParamName.ShouldBe("fastPeriod");
        Should.Throw<ArgumentOutOfRangeException>(() => Observable.Never<Candle>().Macd(signalPeriod: 0)).ParamName.ShouldBe("signalPeriod");
    }
}

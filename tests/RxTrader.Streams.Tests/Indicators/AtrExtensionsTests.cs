using System.Reactive.Linq;
using RxTrader.Core.MarketData;
using RxTrader.Streams.Indicators;

namespace RxTrader.Streams.Tests.Indicators;

public sealed class AtrExtensionsTests : CandleOperatorTests<double>
{
    protected override IObservable<double> Apply(IObservable<Candle> source) => source.Atr(3);

    protected override IIndicator<double> CreateCalculator() => new AverageTrueRange(3);

    protected override bool Feed(IIndicator<double> calculator, Candle candle) =>
        ((AverageTrueRange)calculator).Update((double)candle.High, (double)candle.Low, (double)candle.Close);

    [Fact]
    public void Atr_ReferenceCandles_MatchesTechnicalIndicators310() =>
        OperatorReference.Run(static c => c.Atr()).ShouldMatchReference("atr-14");

    [Fact]
    public void Atr_BadArguments_ThrowAtCallTime()
    {
        Should.Throw<ArgumentNullException>(() => ((IObservable<Candle>)null!).Atr());
        Should.Throw<ArgumentOutOfRangeException>(() => Observable.Never<Candle>().Atr(0)).ParamName.ShouldBe("period");
    }
}

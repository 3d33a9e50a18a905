using System.Reactive.Linq;
using RxTrader.Core.MarketData;
using RxTrader.Streams.Indicators;

namespace RxTrader.Streams.Tests.Indicators;

public sealed class SmaExtensionsTests : PriceOperatorTests<double>
{
    protected override IObservable<double> Apply(IObservable<double> source) => source.Sma(3);

    protected override IObservable<double> Apply(IObservable<Candle> source) => source.Sma(3);

    protected override IPriceIndicator<double> CreatePriceCalculator() => new SimpleMovingAverage(3);

    [Fact]
    public void Sma_ReferenceCandles_MatchesTechnicalIndicators310() =>
        OperatorReference.Run(static c => c.Sma(20)).ShouldMatchReference("sma-20");

    [Fact]
    public void Sma_BadArguments_ThrowAtCallTime()
    {
        Should.Throw<ArgumentNullException>(() => ((IObservable<double>)null!).Sma(3));
        Should.Throw<ArgumentNullException>(() => ((IObservable<Candle>)null!).Sma(3));
        Should.Throw<ArgumentOutOfRangeException>(() => Observable.Never<double>().Sma(0)).ParamName.ShouldBe("period");
        Should.Throw<ArgumentOutOfRangeException>(() => Observable.Never<Candle>().Sma(-1)).ParamName.ShouldBe("period");
    }
}

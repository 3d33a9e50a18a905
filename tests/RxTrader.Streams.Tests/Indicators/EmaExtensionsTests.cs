using System.Reactive.Linq;
using RxTrader.Core.MarketData;
using RxTrader.Streams.Indicators;

namespace RxTrader.Streams.Tests.Indicators;

public sealed class EmaExtensionsTests : PriceOperatorTests<double>
{
    protected override IObservable<double> Apply(IObservable<double> source) => source.Ema(3);

    protected override IObservable<double> Apply(IObservable<Candle> source) => source.Ema(3);

    protected override IPriceIndicator<double> CreatePriceCalculator() => new ExponentialMovingAverage(3);

    [Fact]
    public void Ema_ReferenceCandles_MatchesTechnicalIndicators310() =>
        OperatorReference.Run(static c => c.Ema(20)).ShouldMatchReference("ema-20");

    [Fact]
    public void Ema_BadArguments_ThrowAtCallTime()
    {
        Should.Throw<ArgumentNullException>(() => ((IObservable<double>)null!).Ema(3));
        Should.Throw<ArgumentNullException>(() => ((IObservable<Candle>)null!).Ema(3));
        Should.Throw<ArgumentOutOfRangeException>(() => Observable.Never<double>().Ema(0)).ParamName.ShouldBe("period");
        Should.Throw<ArgumentOutOfRangeException>(() => Observable.Never<Candle>().Ema(-1)).ParamName.ShouldBe("period");
    }
}

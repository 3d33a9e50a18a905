using System.Reactive.Linq;
using RxTrader.Core.MarketData;
using RxTrader.Streams.Indicators;

namespace RxTrader.Streams.Tests.Indicators;

public sealed class BollingerExtensionsTests : PriceOperatorTests<BollingerValue>
{
    protected override IObservable<BollingerValue> Apply(IObservable<double> source) => source.Bollinger(3, 1.5);

    protected override IObservable<BollingerValue> Apply(IObservable<Candle> source) => source.Bollinger(3, 1.5);

    protected override IPriceIndicator<BollingerValue> CreatePriceCalculator() => new BollingerBands(3, 1.5);

    [Fact]
    public void Bollinger_ReferenceCandles_MatchesTechnicalIndicators310()
    {
        var values = OperatorReference.Run(static c => c.Bollinger());
        values.Select(static v => v.Middle).ToList().ShouldMatchReference("bollinger-20-2", 0);
        values.Select(static v => v.Upper).ToList().ShouldMatchReference("bollinger-20-2", 1);
        values.Select(static v => v.Lower).ToList().ShouldMatchReference("bollinger-20-2", 2);
    }

    [Fact]
    public void Bollinger_BadArguments_ThrowAtCallTime()
    {
        Should.Throw<ArgumentNullException>(() => ((IObservable<double>)null!).Bollinger());
        Should.Throw<ArgumentNullException>(() => ((IObservable<Candle>)null!).Bollinger());
        Should.Throw<ArgumentOutOfRangeException>(() => Observable.Never<double>().Bollinger(0)).ParamName.ShouldBe("period");
        Should.Throw<ArgumentOutOfRangeException>(() => Observable.Never<Candle>().Bollinger(20, double.NaN)).ParamName.ShouldBe("multiplier");
    }
}

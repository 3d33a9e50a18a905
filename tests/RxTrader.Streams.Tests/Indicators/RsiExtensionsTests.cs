using System.Reactive.Linq;
using RxTrader.Core.MarketData;
using RxTrader.Streams.Indicators;

namespace RxTrader.Streams.Tests.Indicators;

public sealed class RsiExtensionsTests : PriceOperatorTests<double>
{
    protected override IObservable<double> Apply(IObservable<double> source) => source.Rsi(3);

    protected override IObservable<double> Apply(IObservable<Candle> source) => source.Rsi(3);

    protected override IPriceIndicator<double> CreatePriceCalculator() => new RelativeStrengthIndex(3);

    [Fact]
    public void Rsi_ReferenceCandles_MatchesTechnicalIndicators310() =>
        OperatorReference.Run(static c => c.Rsi(14)).ShouldMatchReference("rsi-14");

    [Fact]
    public void Rsi_BadArguments_ThrowAtCallTime()
    {
        Should.Throw<ArgumentNullException>(() => ((IObservable<double>)null!).Rsi(3));
        Should.Throw<ArgumentNullException>(() => ((IObservable<Candle>)null!).Rsi(3));
        Should.Throw<ArgumentOutOfRangeException>(() => Observable.Never<double>().Rsi(0)).ParamName.ShouldBe("period");
        Should.Throw<ArgumentOutOfRangeException>(() => Observable.Never<Candle>().Rsi(-1)).ParamName.ShouldBe("period");
    }
}

using Microsoft.Reactive.Testing;
using System.Reactive.Linq;
using RxTrader.Core.MarketData;
using RxTrader.Streams.Indicators;
using RxTrader.Testing;

namespace RxTrader.Streams.Tests.Indicators;

public sealed class VwapExtensionsTests : CandleOperatorTests<double>
{
    protected override IObservable<double> Apply(IObservable<Candle> source) => source.Vwap();

    protected override IIndicator<double> CreateCalculator() => new VolumeWeightedAveragePrice();

    protected override bool Feed(IIndicator<double> calculator, Candle candle) =>
        ((VolumeWeightedAveragePrice)calculator).Update((double)candle.High, (double)candle.Low, (double)candle.Close, (double)candle.Volume);

    [Fact]
    public void Vwap_ReferenceCandles_MatchesTechnicalIndicators310() =>
        OperatorReference.Run(static c => c.Vwap()).ShouldMatchReference("vwap");

    [Fact]
    public void Vwap_DailySession_RestartsAtUtcMidnight()
    {
        var scheduler = new TestScheduler();
        var midnight = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);
        var xs = scheduler.CreateHotObservable(
            OnNext(210, TestCandles.At(midnight.AddMinutes(-2), 12m, 9m, 10.5m, 2m)), // typical 10.5
            OnNext(220, TestCandles.At(midnight.AddMinutes(-1), 13m, 11m, 12m, 1m)), // typical 12: (21 + 12) / 3
            OnNext(230, TestCandles.At(midnight, 21m, 19m, 20m, 4m)), // new day: 20 alone
            OnNext(240, TestCandles.At(midnight.AddMinutes(1), 24m, 22m, 23m, 2m)), // (80 + 46) / 6
            OnCompleted<Candle>(300));
        var results = scheduler.Start(() => xs.Vwap(TimeSpan.FromDays(1)).ValidateGrammar());
        results.Messages.AssertEqual(OnNext(210, 10.5), OnNext(220, 11.0), OnNext(230, 20.0), OnNext(240, 21.0), OnCompleted<double>(300));
        xs.Subscriptions.AssertEqual(Subscribe(200, 300));
    }

    [Fact]
    public void Vwap_BadArguments_ThrowAtCallTime()
    {
        Should.Throw<ArgumentNullException>(() => ((IObservable<Candle>)null!).Vwap());
        Should.Throw<ArgumentOutOfRangeException>(() => Observable.Never<Candle>().Vwap(TimeSpan.Zero)).ParamName.ShouldBe("sessionLength");
    }
}

using Microsoft.Reactive.Testing;
using RxTrader.Core.MarketData;
using RxTrader.Streams.Indicators;
using RxTrader.Testing;

namespace RxTrader.Streams.Tests.Indicators;

/// <summary>The marble matrix for operators with both a price and a candle (close) overload.</summary>
/// <typeparam name="TValue">The indicator value.</typeparam>
public abstract class PriceOperatorTests<TValue> : CandleOperatorTests<TValue>
{
    /// <summary>The price overload under test, with the same parameters as the candle one.</summary>
    protected abstract IObservable<TValue> Apply(IObservable<double> source);

    /// <summary>A price calculator with the operator's parameters.</summary>
    protected abstract IPriceIndicator<TValue> CreatePriceCalculator();

    /// <inheritdoc/>
    protected sealed override IIndicator<TValue> CreateCalculator() => CreatePriceCalculator();

    /// <inheritdoc/>
    protected sealed override bool Feed(IIndicator<TValue> calculator, Candle candle) =>
        ((IPriceIndicator<TValue>)calculator).Update((double)candle.Close);

    [Fact]
    public void Prices_Completion_EmitsOnceReadyThenCompletes()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable([.. OperatorTestData.Prices(210), OnCompleted<double>(400)]);
        var results = scheduler.Start(() => Apply(xs).ValidateGrammar());
        results.Messages.AssertEqual([.. Expected(OperatorTestData.ClosedCandles(210)), OnCompleted<TValue>(400)]);
        xs.Subscriptions.AssertEqual(Subscribe(200, 400));
    }

    [Fact]
    public void Prices_Empty_Completes()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnCompleted<double>(250));
        var results = scheduler.Start(() => Apply(xs).ValidateGrammar());
        results.Messages.AssertEqual(OnCompleted<TValue>(250));
        xs.Subscriptions.AssertEqual(Subscribe(200, 250));
    }

    [Fact]
    public void Prices_Never_EmitsNothing()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable<double>();
        var results = scheduler.Start(() => Apply(xs).ValidateGrammar());
        results.Messages.ShouldBeEmpty();
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void Prices_Error_ForwardsAfterValues()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("feed failed");
        var xs = scheduler.CreateHotObservable([.. OperatorTestData.Prices(210), OnError<double>(400, error)]);
        var results = scheduler.Start(() => Apply(xs).ValidateGrammar());
        results.Messages.AssertEqual([.. Expected(OperatorTestData.ClosedCandles(210)), OnError<TValue>(400, error)]);
        xs.Subscriptions.AssertEqual(Subscribe(200, 400));
    }

    [Fact]
    public void Prices_Dispose_NothingAfterDisposal()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable([.. OperatorTestData.Prices(210), .. OperatorTestData.Prices(1010)]);
        var results = scheduler.Start(() => Apply(xs).ValidateGrammar());
        results.Messages.AssertEqual(Expected(OperatorTestData.ClosedCandles(210)));
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void Prices_NaN_ErrorsWithCalculatorExceptionAndUnsubscribes()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(210, 10.0), OnNext(220, double.NaN), OnNext(230, 10.0));
        var results = scheduler.Start(() => Apply(xs).ValidateGrammar());
        var message = results.Messages.ShouldHaveSingleItem();
        message.Time.ShouldBe(220);
        message.Value.Exception.ShouldBeOfType<ArgumentOutOfRangeException>().ParamName.ShouldBe("value");
        xs.Subscriptions.AssertEqual(Subscribe(200, 220));
    }
}

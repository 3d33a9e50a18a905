using System.Reactive;
using System.Reactive.Concurrency;
using Microsoft.Reactive.Testing;
using RxTrader.Core.MarketData;
using RxTrader.Streams.Indicators;
using RxTrader.Testing;

namespace RxTrader.Streams.Tests.Indicators;

/// <summary>
/// The marble matrix every indicator operator over candles passes (empty, never, error, completion, dispose, bad input,
/// in-progress candles, one calculator per subscription). Expected values come from a fresh calculator fed the same
/// closed candles: the operator's job is the wiring, the calculators are checked against the reference data.
/// </summary>
/// <typeparam name="TValue">The indicator value.</typeparam>
public abstract class CandleOperatorTests<TValue> : ReactiveTest
{
    /// <summary>The operator under test, with small parameters so values appear within a few candles.</summary>
    protected abstract IObservable<TValue> Apply(IObservable<Candle> source);

    /// <summary>A calculator with the operator's parameters.</summary>
    protected abstract IIndicator<TValue> CreateCalculator();

    /// <summary>Feeds one closed candle to <paramref name="calculator"/> as the operator does.</summary>
    protected abstract bool Feed(IIndicator<TValue> calculator, Candle candle);

    [Fact]
    public void Candles_Completion_EmitsOnceReadyThenCompletes()
    {
        var scheduler = new TestScheduler();
        var candles = OperatorTestData.ClosedCandles(210);
        var xs = scheduler.CreateHotObservable([.. candles, OnCompleted<Candle>(400)]);
        var results = scheduler.Start(() => Apply(xs).ValidateGrammar());
        var values = Expected(candles);
        values.Length.ShouldBe(candles.Length - CreateCalculator().WarmUpPeriod + 1); // silent during the warm-up only
        results.Messages.AssertEqual([.. values, OnCompleted<TValue>(400)]);
        xs.Subscriptions.AssertEqual(Subscribe(200, 400));
    }

    [Fact]
    public void Candles_Empty_Completes()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnCompleted<Candle>(250));
        var results = scheduler.Start(() => Apply(xs).ValidateGrammar());
        results.Messages.AssertEqual(OnCompleted<TValue>(250));
        xs.Subscriptions.AssertEqual(Subscribe(200, 250));
    }

    [Fact]
    public void Candles_Never_EmitsNothing()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable<Candle>();
        var results = scheduler.Start(() => Apply(xs).ValidateGrammar());
        results.Messages.ShouldBeEmpty();
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void Candles_Error_ForwardsAfterValues()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("feed failed");
        var candles = OperatorTestData.ClosedCandles(210);
        var xs = scheduler.CreateHotObservable([.. candles, OnError<Candle>(400, error)]);
        var results = scheduler.Start(() => Apply(xs).ValidateGrammar());
        results.Messages.AssertEqual([.. Expected(candles), OnError<TValue>(400, error)]);
        xs.Subscriptions.AssertEqual(Subscribe(200, 400));
    }

    [Fact]
    public void Candles_Dispose_NothingAfterDisposal()
    {
        var scheduler = new TestScheduler();
        var candles = OperatorTestData.ClosedCandles(210);
        var late = OperatorTestData.ClosedCandles(1010);
        var xs = scheduler.CreateHotObservable([.. candles, .. late]);
        var results = scheduler.Start(() => Apply(xs).ValidateGrammar());
        results.Messages.AssertEqual(Expected(candles));
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void Candles_InProgressUpdates_AreIgnored()
    {
        var scheduler = new TestScheduler();
        var closed = OperatorTestData.ClosedCandles(210);
        // Wild in-progress updates between the closed bars: any of them counted would change every later value.
        var open = closed.Select((m, i) => OnNext(m.Time + 5, TestCandles.Nth(i + 1, 1000m * (i % 2) + 1m, 5m, isClosed: false)));
        var xs = scheduler.CreateHotObservable([.. closed.Concat(open).OrderBy(static m => m.Time), OnCompleted<Candle>(400)]);
        var results = scheduler.Start(() => Apply(xs).ValidateGrammar());
        results.Messages.AssertEqual([.. Expected(closed), OnCompleted<TValue>(400)]);
    }

    [Fact]
    public void Candles_BadInput_ErrorsWithCalculatorExceptionAndUnsubscribes()
    {
        var scheduler = new TestScheduler();
        var good = OnNext(210, TestCandles.Nth(0, 10m));
        var xs = scheduler.CreateHotObservable(good, OnNext(220, TestCandles.Nth(1, -1m)), OnNext(230, TestCandles.Nth(2, 10m)));
        var results = scheduler.Start(() => Apply(xs).ValidateGrammar());
        var before = Expected([good]);
        results.Messages.Take(before.Length).AssertEqual(before);
        var message = results.Messages.Skip(before.Length).ShouldHaveSingleItem();
        message.Time.ShouldBe(220);
        message.Value.Kind.ShouldBe(NotificationKind.OnError);
        message.Value.Exception.ShouldBeOfType<ArgumentOutOfRangeException>().Message.ShouldContain("finite and non-negative");
        xs.Subscriptions.AssertEqual(Subscribe(200, 220));
    }

    [Fact]
    public void Candles_EachSubscription_HasItsOwnCalculator()
    {
        var scheduler = new TestScheduler();
        var candles = OperatorTestData.ClosedCandles(210);
        var xs = scheduler.CreateHotObservable([.. candles, OnCompleted<Candle>(400)]);
        var query = Apply(xs);
        var (first, second) = (scheduler.CreateObserver<TValue>(), scheduler.CreateObserver<TValue>());
        scheduler.ScheduleAbsolute(200, () => query.ValidateGrammar().Subscribe(first));
        scheduler.ScheduleAbsolute(235, () => query.ValidateGrammar().Subscribe(second));
        scheduler.Start();
        first.Messages.AssertEqual([.. Expected(candles), OnCompleted<TValue>(400)]);
        second.Messages.AssertEqual([.. Expected([.. candles.Where(static m => m.Time > 235)]), OnCompleted<TValue>(400)]);
        xs.Subscriptions.AssertEqual(Subscribe(200, 400), Subscribe(235, 400));
    }

    /// <summary>What the operator should emit for these candles: a fresh calculator's values at the candles' times.</summary>
    private protected Recorded<Notification<TValue>>[] Expected(IEnumerable<Recorded<Notification<Candle>>> candles)
    {
        var calculator = CreateCalculator();
        return [.. candles
            .Where(m => m.Value.Kind == NotificationKind.OnNext && m.Value.Value.IsClosed && Feed(calculator, m.Value.Value))
            .Select(m => OnNext(m.Time, calculator.Current))];
    }
}

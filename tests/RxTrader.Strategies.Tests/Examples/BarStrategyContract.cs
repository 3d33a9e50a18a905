using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Core.MarketData;
using RxTrader.Testing;

namespace RxTrader.Strategies.Tests.Examples;

/// <summary>The behaviour every bar strategy shares: the Rx matrix and the output shape, run for each example.</summary>
public abstract class BarStrategyContract : ReactiveTest
{
    // A rising series long enough to end every strategy's warm-up (configured with short periods).
    private static readonly decimal[] Rising = [10m, 11m, 12m, 13m, 14m, 15m, 16m, 17m];

    /// <summary>The strategy under test, with periods short enough that <see cref="WarmUpBars"/> bars end the warm-up.</summary>
    protected abstract IStrategy CreateStrategy();

    /// <summary>The catalog name the strategy reports.</summary>
    protected abstract string ExpectedName { get; }

    /// <summary>The reading names, in order.</summary>
    protected abstract string[] ReadingNames { get; }

    /// <summary>The number of closed bars until every reading has a value.</summary>
    protected abstract int WarmUpBars { get; }

    [Fact]
    public void Run_NullInput_ThrowsAtCallTime() =>
        Should.Throw<ArgumentNullException>(() => CreateStrategy().Run(null!)).ParamName.ShouldBe("input");

    [Fact]
    public void Name_IsTheCatalogName() => CreateStrategy().Name.ShouldBe(ExpectedName);

    [Fact]
    public void Run_Empty_CompletesOnly()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnCompleted<Candle>(250));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Messages.AssertEqual(OnCompleted<StrategyOutput>(250));
        xs.Subscriptions.AssertEqual(Subscribe(200, 250));
    }

    [Fact]
    public void Run_Never_EmitsNothingUntilDisposed()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable<Candle>();

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Messages.ShouldBeEmpty();
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void Run_Error_ForwardsAfterTheOutputsOfEarlierBars()
    {
        var scheduler = new TestScheduler();
        var error = new InvalidOperationException("feed lost");
        var xs = scheduler.CreateHotObservable(TestBars.Bars(210, 10m, 11m).Then(OnError<Candle>(230, error)));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Messages.Select(static m => (m.Time, m.Value.Kind)).ShouldBe(
            [(210, NotificationKind.OnNext), (220, NotificationKind.OnNext), (230, NotificationKind.OnError)]);
        results.Messages[^1].Value.Exception.ShouldBeSameAs(error);
        xs.Subscriptions.AssertEqual(Subscribe(200, 230));
    }

    [Fact]
    public void Run_Completed_ForwardsAfterOneOutputPerBar()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(TestBars.Bars(210, Rising).Then(OnCompleted<Candle>(400)));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Messages.Count.ShouldBe(Rising.Length + 1);
        results.Messages[^1].ShouldBe(OnCompleted<StrategyOutput>(400));
        xs.Subscriptions.AssertEqual(Subscribe(200, 400));
    }

    [Fact]
    public void Run_Disposed_UnsubscribesAndEmitsNothingAfter()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(210, TestBars.Bar(210, 10m)), OnNext(1100, TestBars.Bar(1100, 11m)));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Messages.Select(static m => m.Time).ShouldBe([210L]);
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void Run_Bars_OneOutputPerClosedBarAtItsCloseTimeAndPrice()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(
            OnNext(210, TestBars.Bar(210, 10m)),
            OnNext(215, TestBars.Bar(215, 99m, isClosed: false)),
            OnNext(220, TestBars.Bar(220, 11m)));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Messages.Select(static m => m.Time).ShouldBe([210L, 220L]);
        var outputs = results.Outputs();
        outputs.Select(static o => o.Time).ShouldBe([MarbleTime.At(210), MarbleTime.At(220)]);
        outputs.Select(static o => o.Close).ShouldBe([10m, 11m]);
        outputs.ShouldAllBe(static o => o.Symbol == TestBars.Symbol);
        outputs.ShouldAllBe(o => o.Indicators.Select(static r => r.Name).SequenceEqual(ReadingNames));
    }

    [Fact]
    public void Run_WarmUp_ReadingsNullThenAllSetAndNoSignal()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(TestBars.Bars(210, Rising));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        var outputs = results.Outputs();
        outputs[0].Values().ShouldAllBe(static v => v == null);
        outputs[WarmUpBars - 2].Values().ShouldContain(static v => v == null);
        outputs[WarmUpBars - 1].Values().ShouldAllBe(static v => v != null);
        outputs.Take(WarmUpBars).ShouldAllBe(static o => o.Signal == null);
    }

    [Fact]
    public void Run_NegativeClose_ErrorsWithTheCalculatorsExceptionAndUnsubscribes()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(OnNext(210, TestBars.Bar(210, 10m)), OnNext(220, TestBars.Bar(220, -1m)), OnNext(230, TestBars.Bar(230, 10m)));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Messages.Select(static m => (m.Time, m.Value.Kind)).ShouldBe([(210, NotificationKind.OnNext), (220, NotificationKind.OnError)]);
        results.Messages[^1].Value.Exception.ShouldBeOfType<ArgumentOutOfRangeException>();
        xs.Subscriptions.AssertEqual(Subscribe(200, 220));
    }

    [Fact]
    public void Run_Trades_AreNeverSubscribed()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(TestBars.Bars(210, Rising));
        var trades = scheduler.CreateHotObservable<ITradeTick>();

        scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs, trades)).ValidateGrammar());

        trades.Subscriptions.ShouldBeEmpty();
    }

    [Fact]
    public void Run_TwoSubscriptions_EachStartsFresh()
    {
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(TestBars.Bars(210, Rising));
        var outputs = CreateStrategy().Run(TestBars.Input(xs));
        var early = scheduler.CreateObserver<StrategyOutput>();
        var late = scheduler.CreateObserver<StrategyOutput>();
        scheduler.ScheduleAbsolute(200, () => outputs.ValidateGrammar().Subscribe(early));
        scheduler.ScheduleAbsolute(255, () => outputs.ValidateGrammar().Subscribe(late));

        scheduler.Start();

        // The late subscription's first bar (260) is the early one's sixth: its own warm-up starts there.
        early.Outputs()[5].Values().ShouldAllBe(static v => v != null);
        late.Outputs()[0].Time.ShouldBe(MarbleTime.At(260));
        late.Outputs()[0].Values().ShouldAllBe(static v => v == null);
        late.Outputs()[WarmUpBars - 1].Values().ShouldAllBe(static v => v != null);
        xs.Subscriptions.AssertEqual(Subscribe(200), Subscribe(255));
    }

    [Fact]
    public void Run_SameInstanceTwice_GivesTheSameOutputs()
    {
        var strategy = CreateStrategy();
        var closes = SeededWalk(300);

        var first = Observable.ToEnumerable(strategy.Run(TestBars.Input(closes.ToObservable()))).ToList();
        var second = Observable.ToEnumerable(strategy.Run(TestBars.Input(closes.ToObservable()))).ToList();

        second.Select(static o => o.Values()).ShouldBe(first.Select(static o => o.Values()));
        second.Select(static o => o.Signal).ShouldBe(first.Select(static o => o.Signal));
        first.Count(static o => o.Signal != null).ShouldBeGreaterThan(0);
        first.Where(static o => o.Signal != null).ShouldAllBe(o => o.Signal!.Strategy == ExpectedName && o.Signal.Symbol == TestBars.Symbol);
    }

    [Fact]
    public void Run_SeededWalk_SignalsCarryTheBarsTimeAndCloseAndNeverComeDuringWarmUp()
    {
        var outputs = Observable.ToEnumerable(CreateStrategy().Run(TestBars.Input(SeededWalk(2_000).ToObservable()))).ToList();

        outputs.Count.ShouldBe(2_000);
        outputs.Take(WarmUpBars).ShouldAllBe(static o => o.Signal == null);
        outputs.Where(static o => o.Signal != null).ShouldAllBe(static o => o.Signal!.Time == o.Time && o.Signal.Price == o.Close);
        outputs.Skip(WarmUpBars).ShouldAllBe(static o => o.Indicators.All(static r => r.Value != null));
    }

    /// <summary>The sides of the signals a strategy gives over a seeded walk.</summary>
    protected List<Side> SignalSidesOverASeededWalk() =>
        [.. Observable.ToEnumerable(CreateStrategy().Run(TestBars.Input(SeededWalk(2_000).ToObservable())))
            .Where(static o => o.Signal != null).Select(static o => o.Signal!.Side)];

    /// <summary>A seeded random walk of closed bars, one a minute.</summary>
    protected static Candle[] SeededWalk(int count)
    {
        var random = new Random(7);
        var close = 100m;
        var bars = new Candle[count];
        for (var i = 0; i < count; i++)
        {
            close = Math.Max(1m, close + (decimal)Math.Round((random.NextDouble() - 0.5) * 4, 2));
            bars[i] = TestBars.Bar(TimeSpan.FromMinutes(i + 1).Ticks, close);
        }

        return bars;
    }
}

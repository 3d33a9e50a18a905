using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Strategies.Examples;
using RxTrader.Testing;

namespace RxTrader.Strategies.Tests.Examples;

public sealed class EmaCrossStrategyTests : BarStrategyContract
{
    private const string Above = "ema(2) crossed above ema(3)";
    private const string Below = "ema(2) crossed below ema(3)";

    protected override string ExpectedName => "ema-cross";

    protected override string[] ReadingNames => ["ema(2)", "ema(3)"];

    protected override int WarmUpBars => 3;

    protected override IStrategy CreateStrategy() => new EmaCrossStrategy(2, 3);

    [Fact]
    public void Constructor_BadPeriods_Throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new EmaCrossStrategy(1, 3)).ParamName.ShouldBe("fast");
        Should.Throw<ArgumentOutOfRangeException>(() => new EmaCrossStrategy(2, 1)).ParamName.ShouldBe("slow");
        Should.Throw<ArgumentOutOfRangeException>(() => new EmaCrossStrategy(3, 3)).ParamName.ShouldBe("fast");
        Should.Throw<ArgumentOutOfRangeException>(() => new EmaCrossStrategy(5, 3)).ParamName.ShouldBe("fast");
    }

    [Fact]
    public void Constructor_Defaults_Are9And21()
    {
        var strategy = new EmaCrossStrategy();
        (strategy.Fast, strategy.Slow).ShouldBe((9, 21));
        strategy.ToString().ShouldBe("ema-cross(fast=9,slow=21)");
    }

    [Fact]
    public void Run_FastCrossesUpThenDown_BuyThenSellAtThoseBars()
    {
        // ema(2)/ema(3): 10/-, 10/10 (equal: no side yet), 9.33/9.5 (below: the starting side), 11.11/10.75 (above),
        // 12.37/11.875 (still above), 9.46/9.94 (below).
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(TestBars.Bars(210, 10m, 10m, 10m, 9m, 12m, 13m, 8m));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Signals().ShouldBe([(250, Side.Buy, Above), (270, Side.Sell, Below)]);
        var buy = results.Outputs()[4];
        buy.Values()[0]!.Value.ShouldBe(100.0 / 9, 1e-12);
        buy.Values()[1]!.Value.ShouldBe(10.75, 1e-12);
        buy.Signal.ShouldBe(new Signal(TestBars.Symbol, Side.Buy, MarbleTime.At(250), 12m, "ema-cross", Above));
    }

    [Fact]
    public void Run_AboveFromTheFirstReadyBar_NoSignalUntilACrossing()
    {
        // ema(2)/ema(3): 10/-, 12/11 (above when both are ready), 13.33/12.5 (still above), then a fall crosses below.
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(TestBars.Bars(210, 10m, 10m, 13m, 14m, 5m));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Signals().ShouldBe([(250, Side.Sell, Below)]);
    }

    [Fact]
    public void Run_TouchingWithoutCrossing_NoSignal()
    {
        // Flat closes keep both averages equal: touching is not crossing, and a later move away sets the first side.
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(TestBars.Bars(210, 10m, 10m, 10m, 10m, 10m, 12m, 13m));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Signals().ShouldBeEmpty();
    }

    [Fact]
    public void Run_EqualBarThenBackOnTheSameSide_NoRepeatedSignal()
    {
        // ema(2)/ema(3): 12/11 (above), 10/10 (equal), 11.33/11 (above again: not a crossing), 7.11/8 (below).
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(TestBars.Bars(210, 10m, 10m, 13m, 9m, 12m, 5m));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Outputs()[3].Values().ShouldBe([10.0, 10.0]);
        results.Signals().ShouldBe([(260, Side.Sell, Below)]);
    }

    [Fact]
    public void Run_SeededWalk_SignalsAlternate()
    {
        var sides = SignalSidesOverASeededWalk();

        sides.Count.ShouldBeGreaterThan(10);
        sides.Zip(sides.Skip(1)).ShouldAllBe(static pair => pair.First != pair.Second);
    }
}

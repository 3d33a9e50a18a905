using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Strategies.Examples;
using RxTrader.Testing;

namespace RxTrader.Strategies.Tests.Examples;

public sealed class RsiReversionStrategyTests : BarStrategyContract
{
    private const string Up = "rsi(2) crossed up through 30";
    private const string Down = "rsi(2) crossed down through 70";

    protected override string ExpectedName => "rsi-reversion";

    protected override string[] ReadingNames => ["rsi(2)"];

    protected override int WarmUpBars => 3;

    protected override IStrategy CreateStrategy() => new RsiReversionStrategy(2, 30, 70);

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new RsiReversionStrategy(1)).ParamName.ShouldBe("period");
        Should.Throw<ArgumentOutOfRangeException>(() => new RsiReversionStrategy(14, 0)).ParamName.ShouldBe("oversold");
        Should.Throw<ArgumentOutOfRangeException>(() => new RsiReversionStrategy(14, double.NaN)).ParamName.ShouldBe("oversold");
        Should.Throw<ArgumentOutOfRangeException>(() => new RsiReversionStrategy(14, 30, 100)).ParamName.ShouldBe("overbought");
        Should.Throw<ArgumentOutOfRangeException>(() => new RsiReversionStrategy(14, 70, 70)).ParamName.ShouldBe("oversold");
    }

    [Fact]
    public void Constructor_Defaults_Are14_30_70()
    {
        var strategy = new RsiReversionStrategy();
        (strategy.Period, strategy.Oversold, strategy.Overbought).ShouldBe((14, 30.0, 70.0));
        strategy.ToString().ShouldBe("rsi-reversion(period=14,oversold=30,overbought=70)");
    }

    [Fact]
    public void Run_UpThroughOversoldThenDownThroughOverbought_BuyThenSellOnce()
    {
        // rsi(2): -, -, 0 (oversold), 33.3 (up through 30), 60, 84.6 (overbought), 93.1 (still), 60 (down through 70),
        // then 19.1, 10 and 39: a second, separate crossing up.
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(TestBars.Bars(210, 10m, 9m, 8m, 8.5m, 9m, 10m, 11m, 10.5m, 9m, 8m, 8.5m));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Signals().ShouldBe([(240, Side.Buy, Up), (280, Side.Sell, Down), (310, Side.Buy, Up)]);
        results.Outputs()[3].Values()[0]!.Value.ShouldBe(100.0 / 3, 1e-9);
        results.Outputs()[3].Signal.ShouldBe(new Signal(TestBars.Symbol, Side.Buy, MarbleTime.At(240), 8.5m, "rsi-reversion", Up));
    }

    [Fact]
    public void Run_FirstValueAlreadyAboveOversold_NoBuy()
    {
        // rsi(2): -, -, 33.3 on the first value (no previous value to cross from), 41.2.
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(TestBars.Bars(210, 10m, 9m, 9.5m, 9.6m));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Outputs()[2].Values()[0]!.Value.ShouldBe(100.0 / 3, 1e-9);
        results.Signals().ShouldBeEmpty();
    }

    [Fact]
    public void Run_HeldInAZone_OneSignalWhenItLeaves()
    {
        // Falling closes hold rsi(2) at 0 (oversold, no signal however long), the first rise crosses up (one Buy), and
        // rising into the overbought zone sells nothing until it comes back down.
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(TestBars.Bars(210, 20m, 19m, 18m, 17m, 16m, 15m, 16m, 17m, 18m, 19m));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Outputs().Skip(2).Select(static o => o.Values()[0]).ShouldBe([0.0, 0.0, 0.0, 0.0, 50.0, 75.0, 87.5, 93.75]);
        results.Signals().ShouldBe([(270, Side.Buy, Up)]);
    }

    [Fact]
    public void Run_TwoDipsWithoutOverbought_TwoBuys()
    {
        // rsi(2): 0, 33.3 (up through 30), 11.1, 5.9 (back in the zone), 36 (up through 30 again).
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(TestBars.Bars(210, 10m, 9m, 8m, 8.5m, 7m, 6m, 6.5m));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Signals().ShouldBe([(240, Side.Buy, Up), (270, Side.Buy, Up)]);
    }
}

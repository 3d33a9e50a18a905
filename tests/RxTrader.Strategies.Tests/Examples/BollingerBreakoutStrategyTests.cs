using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Strategies.Examples;
using RxTrader.Testing;

namespace RxTrader.Strategies.Tests.Examples;

public sealed class BollingerBreakoutStrategyTests : BarStrategyContract
{
    private const string Breakout = "close broke above the bb(3,1) upper band";
    private const string Exit = "close fell below the bb(3,1) middle band";

    protected override string ExpectedName => "bollinger-breakout";

    protected override string[] ReadingNames => ["bb.lower", "bb.middle", "bb.upper"];

    protected override int WarmUpBars => 3;

    protected override IStrategy CreateStrategy() => new BollingerBreakoutStrategy(3, 1);

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new BollingerBreakoutStrategy(1)).ParamName.ShouldBe("period");
        Should.Throw<ArgumentOutOfRangeException>(() => new BollingerBreakoutStrategy(20, 0)).ParamName.ShouldBe("width");
        Should.Throw<ArgumentOutOfRangeException>(() => new BollingerBreakoutStrategy(20, -1)).ParamName.ShouldBe("width");
        Should.Throw<ArgumentOutOfRangeException>(() => new BollingerBreakoutStrategy(20, double.NaN)).ParamName.ShouldBe("width");
        Should.Throw<ArgumentOutOfRangeException>(() => new BollingerBreakoutStrategy(20, double.PositiveInfinity)).ParamName.ShouldBe("width");
    }

    [Fact]
    public void Constructor_Defaults_Are20And2()
    {
        var strategy = new BollingerBreakoutStrategy();
        (strategy.Period, strategy.Width).ShouldBe((20, 2.0));
        strategy.ToString().ShouldBe("bollinger-breakout(period=20,width=2)");
    }

    [Fact]
    public void Run_BreakoutThenFallBelowMiddle_BuyThenSellOnce()
    {
        // bb(3,1) lower/middle/upper: 10/10/10, 9.72/10.67/11.61 (12 breaks above), 10.42/11.67/12.91 (13: still above),
        // 11.86/12.33/12.80 (12 falls below the middle), 11.18/12/12.82 (11: below again, already out).
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(TestBars.Bars(210, 10m, 10m, 10m, 12m, 13m, 12m, 11m));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Signals().ShouldBe([(240, Side.Buy, Breakout), (260, Side.Sell, Exit)]);
        var breakout = results.Outputs()[3].Values();
        breakout[1]!.Value.ShouldBe(32.0 / 3, 1e-12);
        breakout[2]!.Value.ShouldBe((32.0 / 3) + Math.Sqrt(8.0 / 9), 1e-12);
        breakout[0]!.Value.ShouldBe((32.0 / 3) - Math.Sqrt(8.0 / 9), 1e-12);
        results.Outputs()[3].Signal.ShouldBe(new Signal(TestBars.Symbol, Side.Buy, MarbleTime.At(240), 12m, "bollinger-breakout", Breakout));
    }

    [Fact]
    public void Run_BelowMiddleWithoutABreakout_NoSell()
    {
        // The closes cross down through the middle band (9 under 9.67, 7 under 7.83) but never broke out first.
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(TestBars.Bars(210, 10m, 10m, 10m, 9m, 8m, 8.5m, 7m));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Signals().ShouldBeEmpty();
    }

    [Fact]
    public void Run_AboveTheUpperBandWhenTheBandsAppear_NoBuyUntilACrossing()
    {
        // bb(3,1): the first bands (8.62/13.33/18.05) already have the close (20) above them, and 30 stays above
        // (upper 28.16): no crossing. 25 falls inside (upper 29.08), 40 breaks out (upper 37.9).
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(TestBars.Bars(210, 10m, 10m, 20m, 30m, 25m, 40m));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Signals().ShouldBe([(260, Side.Buy, Breakout)]);
    }

    [Fact]
    public void Run_SecondBreakoutWhileIn_NoRepeatedBuy()
    {
        // 12 breaks out; 11.7 falls back inside the band but stays above the middle (11.23); 14 breaks out again: held.
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(TestBars.Bars(210, 10m, 10m, 10m, 12m, 11.7m, 14m, 5m));

        var results = scheduler.Start(() => CreateStrategy().Run(TestBars.Input(xs)).ValidateGrammar());

        results.Signals().ShouldBe([(240, Side.Buy, Breakout), (270, Side.Sell, Exit)]);
    }

    [Fact]
    public void Run_SeededWalk_SignalsAlternateFromABuy()
    {
        var sides = SignalSidesOverASeededWalk();

        sides.Count.ShouldBeGreaterThan(10);
        sides[0].ShouldBe(Side.Buy);
        sides.Zip(sides.Skip(1)).ShouldAllBe(static pair => pair.First != pair.Second);
    }
}

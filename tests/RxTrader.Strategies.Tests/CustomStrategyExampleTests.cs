using System.Reactive.Linq;
using Microsoft.Reactive.Testing;
using RxTrader.Core;
using RxTrader.Strategies.Tests.Examples;
using RxTrader.Streams.Indicators;
using RxTrader.Testing;

namespace RxTrader.Strategies.Tests;

/// <summary>The custom strategy of the README, verbatim, and checks that it behaves as the README says.</summary>
public sealed class CustomStrategyExampleTests : ReactiveTest
{
    [Fact]
    public void SmaTrend_CloseCrossesTheAverage_SignalsOnTheCrossingsOnly()
    {
        // sma(2): -, 10 (close on it: no side yet), 10.5 (above), 11.5 (above), 10.5 (below), 9 (on it: unchanged), 10.5 (above).
        var scheduler = new TestScheduler();
        var xs = scheduler.CreateHotObservable(TestBars.Bars(210, 10m, 10m, 11m, 12m, 9m, 9m, 12m));

        var results = scheduler.Start(() => new SmaTrendStrategy(2).Run(TestBars.Input(xs)).ValidateGrammar());

        results.Signals().ShouldBe([(250, Side.Sell, "close crossed below sma(2)"), (270, Side.Buy, "close crossed above sma(2)")]);
        results.Outputs()[0].Values().ShouldBe([null]);
        results.Outputs()[2].Values().ShouldBe([10.5]);
        xs.Subscriptions.AssertEqual(Subscribe(200, 1000));
    }

    [Fact]
    public void SmaTrend_AsAFactory_GivesOneFreshInstancePerCall()
    {
        Func<IStrategy> factory = () => new SmaTrendStrategy(20);

        factory().ShouldNotBeSameAs(factory());
    }

    // ---- README example, begin ----
    /// <summary>Be long while the close is above its simple moving average.</summary>
    public sealed class SmaTrendStrategy(int period) : IStrategy
    {
        private readonly string _sma = $"sma({period})";

        public string Name => "sma-trend";

        public IObservable<StrategyOutput> Run(StrategyInput input) =>
            Observable.Defer(() =>
            {
                // Per-subscription state: every subscriber of Run starts fresh.
                var sma = new SimpleMovingAverage(period);
                bool? wasAbove = null;
                return input.Candles.Where(static bar => bar.IsClosed).Select(bar =>
                {
                    var close = (double)bar.Close;
                    double? value = null;
                    Signal? signal = null;
                    if (sma.Update(close))
                    {
                        value = sma.Current;
                        bool? above = close > sma.Current ? true : close < sma.Current ? false : null;
                        if (above is { } now && wasAbove is { } before && now != before)
                        {
                            var reason = now ? $"close crossed above {_sma}" : $"close crossed below {_sma}";
                            signal = new Signal(input.Symbol, now ? Side.Buy : Side.Sell, bar.CloseTime, bar.Close, Name, reason);
                        }

                        wasAbove = above ?? wasAbove;
                    }

                    IndicatorReading[] readings = [new(_sma, value)];
                    return new StrategyOutput(input.Symbol, bar.CloseTime, bar.Close, readings, signal);
                });
            });
    }

    // ---- README example, end ----
}

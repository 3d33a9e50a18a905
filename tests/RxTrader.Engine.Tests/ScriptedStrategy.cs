using System.Reactive.Linq;
using RxTrader.Core;
using RxTrader.Strategies;

namespace RxTrader.Engine.Tests;

/// <summary>A strategy that decides by bar number: Buy on bars listed in <c>buys</c>, Sell on bars in <c>sells</c> (1-based per symbol).</summary>
internal sealed class ScriptedStrategy(IReadOnlySet<int> buys, IReadOnlySet<int> sells, int? failOnBar = null) : IStrategy
{
    public string Name => "scripted";

    public IObservable<StrategyOutput> Run(StrategyInput input) =>
        input.Candles.Select((bar, index) =>
        {
            var number = index + 1;
            if (number == failOnBar)
            {
                throw new InvalidOperationException("strategy failed on purpose");
            }

            var side = buys.Contains(number) ? Side.Buy : sells.Contains(number) ? Side.Sell : (Side?)null;
            var signal = side is { } s ? new Signal(input.Symbol, s, bar.CloseTime, bar.Close, Name, $"bar {number}") : null;
            return new StrategyOutput(input.Symbol, bar.CloseTime, bar.Close, [new IndicatorReading("bar", number)], signal);
        });
}

using RxTrader.Core.MarketData;

namespace RxTrader.Strategies.Examples;

/// <summary>The per-subscription state of a bar strategy: turns each closed bar into that bar's output.</summary>
internal abstract class BarState
{
    /// <summary>Updates the state with the next closed bar and returns the output for it.</summary>
    /// <param name="candle">A closed bar.</param>
    /// <returns>The bar's output.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The close is negative (an indicator calculator rejects it).</exception>
    public abstract StrategyOutput OnBar(Candle candle);
}

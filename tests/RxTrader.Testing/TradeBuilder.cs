using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Testing;

/// <summary>
/// Builds trades for tests whose exchange time is a scheduler tick, so bars line up with virtual time.
/// Trade ids increase per builder.
/// </summary>
/// <param name="symbol">The symbol every trade of this builder carries.</param>
public sealed class TradeBuilder(string symbol)
{
    private long _nextId = 1;

    /// <summary>The symbol of the built trades.</summary>
    public Symbol Symbol { get; } = new(symbol);

    /// <summary>A trade at virtual time <paramref name="ticks"/> (trade and event time alike).</summary>
    /// <param name="ticks">Scheduler ticks (see <see cref="MarbleTime"/>).</param>
    /// <param name="price">The execution price.</param>
    /// <param name="quantity">The executed quantity.</param>
    /// <param name="isBuyerMaker">True when the aggressor sold; default false, a taker buy.</param>
    public Trade At(long ticks, decimal price, decimal quantity = 1m, bool isBuyerMaker = false)
    {
        var time = MarbleTime.At(ticks);
        return new Trade(Symbol, _nextId++, price, quantity, time, time, isBuyerMaker);
    }
}

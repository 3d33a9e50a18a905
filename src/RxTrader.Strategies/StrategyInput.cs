using RxTrader.Core;
using RxTrader.Core.MarketData;

namespace RxTrader.Strategies;

/// <summary>What a strategy sees of one symbol: closed bars and, for tick-level logic, the trades that made them.</summary>
/// <param name="Symbol">The symbol every element belongs to.</param>
/// <param name="Candles">Closed bars of the engine's bar interval, in time order.</param>
/// <param name="Trades">The trades of the symbol, in time order (strategies that work on bars may ignore them).</param>
public sealed record StrategyInput(Symbol Symbol, IObservable<Candle> Candles, IObservable<ITradeTick> Trades);
